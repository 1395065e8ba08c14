import { sql } from 'drizzle-orm';
import { countAffected, queryRows, type Executor } from '@server/db/client.js';

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
  return (
    (await countAffected(executor, sql`delete from study_plan_steps_done where participant_id = ${participantId}`)) +
    (await countAffected(executor, sql`delete from study_plan_versions where participant_id = ${participantId}`)) +
    (await countAffected(executor, sql`delete from study_plans where participant_id = ${participantId}`))
  );
}
