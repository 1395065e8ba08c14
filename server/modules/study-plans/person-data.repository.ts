import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';

const counted = async (executor: Executor, query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(executor, query))[0]?.n ?? 0;

/** The pupil's published plan versions and the steps it marked done: for its own archive. */
export async function studyPlanDataOf(executor: Executor, participantId: string) {
  const [versions, done] = await Promise.all([
    queryRows<{ version: number; content: unknown; published_at: Date }>(
      executor,
      sql`select version, content, published_at from study_plan_versions where participant_id = ${participantId} order by version`,
    ),
    queryRows<{ step_id: string }>(executor, sql`select step_id from study_plan_steps_done where participant_id = ${participantId} order by step_id`),
  ]);
  return {
    versions: versions.map((v) => ({ version: v.version, publishedAt: new Date(v.published_at).toISOString(), content: v.content })),
    stepsDone: done.map((d) => d.step_id),
  };
}

/** The plan, its versions and the ticks of a pupil being erased. */
export async function eraseStudyPlanOf(executor: Executor, participantId: string): Promise<number> {
  return counted(
    executor,
    sql`with s as (delete from study_plan_steps_done where participant_id = ${participantId} returning 1),
        v as (delete from study_plan_versions where participant_id = ${participantId} returning 1),
        p as (delete from study_plans where participant_id = ${participantId} returning 1)
      select ((select count(*) from s) + (select count(*) from v) + (select count(*) from p))::int as n`,
  );
}
