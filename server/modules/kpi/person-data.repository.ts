import { sql } from 'drizzle-orm';
import type { Executor } from '@server/db/client.js';

/**
 * Before a pupil's facts are destroyed, what it added to the weekly figures is detached from it:
 * its contributions get a fresh random source id each and its pending recount is dropped, so the
 * figures keep their counts while nothing left points at the pupil. Run last in the erasing
 * transaction, after the deletes whose triggers mark the pupil stale.
 */
export async function detachPupilFigures(executor: Executor, pupilId: string): Promise<void> {
  await executor.execute(sql`update kpi_contributions set source_id = gen_random_uuid() where source_kind = 'pupil' and source_id = ${pupilId}`);
  await executor.execute(sql`delete from kpi_dirty where kind = 'pupil' and key = ${pupilId}`);
}
