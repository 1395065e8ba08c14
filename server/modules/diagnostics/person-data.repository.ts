import { sql } from 'drizzle-orm';
import { countAffected, queryRows, type Executor } from '@server/db/client.js';

/** A pupil's attempts with their results, its footprint's sources and its latest snapshot: for its own archive. */
export async function diagnosticsDataOf(executor: Executor, participantId: string) {
  const [attempts, footprint, snapshots] = await Promise.all([
    queryRows<{ test: string; title: string; status: string; started_at: Date; completed_at: Date | null; scales: unknown; game_summary: unknown }>(
      executor,
      sql`select t.slug as test, v.title, a.status, a.started_at, a.completed_at, a.scales, a.game_summary
        from diagnostic_attempts a
        join diagnostic_tests t on t.id = a.test_id
        join diagnostic_test_versions v on v.id = a.version_id
        where a.participant_id = ${participantId} order by a.started_at`,
    ),
    queryRows<{ source_key: string; dimension: string; value: number; weight: number; recorded_at: Date }>(
      executor,
      sql`select source_key, dimension, value, weight, recorded_at from footprint_contributions where participant_id = ${participantId} order by dimension, source_key`,
    ),
    queryRows<{ recorded_at: Date; directions: unknown; dimensions: unknown }>(
      executor,
      sql`select recorded_at, directions, dimensions from footprint_snapshots where participant_id = ${participantId} order by recorded_at desc limit 1`,
    ),
  ]);
  return {
    attempts: attempts.map((a) => ({
      test: a.test,
      title: a.title,
      status: a.status,
      startedAt: new Date(a.started_at).toISOString(),
      completedAt: a.completed_at ? new Date(a.completed_at).toISOString() : null,
      scales: a.scales,
      gameSummary: a.game_summary,
    })),
    footprint: {
      sources: footprint.map((f) => ({ source: f.source_key, dimension: f.dimension, value: f.value, weight: f.weight, recordedAt: new Date(f.recorded_at).toISOString() })),
      latest: snapshots[0] ? { recordedAt: new Date(snapshots[0].recorded_at).toISOString(), directions: snapshots[0].directions, dimensions: snapshots[0].dimensions } : null,
    },
  };
}

/** Every attempt (answers go with them), footprint source and snapshot of a pupil being erased. */
export async function eraseDiagnosticsOf(executor: Executor, participantId: string): Promise<{ footprint: number; attempts: number }> {
  const footprint =
    (await countAffected(executor, sql`delete from footprint_contributions where participant_id = ${participantId}`)) +
    (await countAffected(executor, sql`delete from footprint_snapshots where participant_id = ${participantId}`));
  const attempts = await countAffected(executor, sql`delete from diagnostic_attempts where participant_id = ${participantId}`);
  return { footprint, attempts };
}

/** Retention: attempts left in progress since before the cutoff, with their answers. */
export async function purgeStaleAttempts(executor: Executor, before: Date): Promise<number> {
  return countAffected(executor, sql`delete from diagnostic_attempts where status = 'in_progress' and started_at < ${before.toISOString()}::timestamptz`);
}
