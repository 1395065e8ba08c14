import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';

/** The «Не интересно» marks and cached recommendations of a pupil being erased. */
export async function eraseRecommendationsOf(executor: Executor, participantId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    executor,
    sql`with d as (delete from recommendation_dismissals where participant_id = ${participantId} returning 1),
        r as (delete from recommendation_snapshots where participant_id = ${participantId} returning 1)
      select ((select count(*) from d) + (select count(*) from r))::int as n`,
  );
  return row?.n ?? 0;
}
