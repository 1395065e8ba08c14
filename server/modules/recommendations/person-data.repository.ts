import { sql } from 'drizzle-orm';
import { countAffected, type Executor } from '@server/db/client.js';

/** The «Не интересно» marks and cached recommendations of a pupil being erased. */
export async function eraseRecommendationsOf(executor: Executor, participantId: string): Promise<number> {
  return (
    (await countAffected(executor, sql`delete from recommendation_dismissals where participant_id = ${participantId}`)) +
    (await countAffected(executor, sql`delete from recommendation_snapshots where participant_id = ${participantId}`))
  );
}
