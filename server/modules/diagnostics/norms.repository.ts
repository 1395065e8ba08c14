import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@server/db/client.js';
import { queryRows } from '@server/db/client.js';
import { diagnosticNorms } from '@server/db/schema/index.js';
import type { NormRow } from '@common/diagnostics/definition.js';
import type { ScaleResult } from '@common/diagnostics/results.js';
import type { PlatformNorms } from './norms.js';

/**
 * A pupil's first completed attempt of a test, of whichever version: the sample norms are made of,
 * since a retake, even of a newer version, is coloured by having seen the test before.
 */
const FIRST_ATTEMPT = sql`not exists (
  select 1 from diagnostic_attempts e
  where e.participant_id = a.participant_id and e.test_id = a.test_id and e.status = 'completed' and e.completed_at < a.completed_at)`;

export interface NormSample {
  versionId: number;
  gradeBand: string;
  attempts: number;
  lastSample: number | null;
}

/**
 * For each published version (or the one named) and grade band: its first attempts, and the
 * sample of its newest norms.
 */
export async function normSamples(executor: Executor, versionId?: number): Promise<NormSample[]> {
  const versions = versionId === undefined ? sql`join diagnostic_tests t on t.published_version_id = a.version_id` : sql``;
  const only = versionId === undefined ? sql`` : sql`and a.version_id = ${versionId}`;
  return queryRows<NormSample>(
    executor,
    sql`select a.version_id as "versionId", a.grade_band as "gradeBand", count(*)::int as attempts,
        (select n.sample_size from diagnostic_norms n where n.version_id = a.version_id and n.grade_band = a.grade_band order by n.id desc limit 1) as "lastSample"
      from diagnostic_attempts a ${versions}
      where a.status = 'completed' ${only} and ${FIRST_ATTEMPT}
      group by a.version_id, a.grade_band`,
  );
}

/** The scales of the most recent first attempts of a version in a band. */
export async function sampleScales(executor: Executor, versionId: number, gradeBand: string, limit: number): Promise<Array<ScaleResult[] | null>> {
  const rows = await queryRows<{ scales: ScaleResult[] | null }>(
    executor,
    sql`select a.scales from diagnostic_attempts a
      where a.version_id = ${versionId} and a.grade_band = ${gradeBand} and a.status = 'completed' and ${FIRST_ATTEMPT}
      order by a.completed_at desc limit ${limit}`,
  );
  return rows.map((r) => r.scales);
}

export async function insertNorms(
  executor: Executor,
  norms: { versionId: number; gradeBand: string; sampleSize: number; scales: Record<string, NormRow[]> },
): Promise<number> {
  const [row] = await executor.insert(diagnosticNorms).values(norms).returning({ id: diagnosticNorms.id });
  return row!.id;
}

export async function latestNorms(executor: Executor, versionId: number, gradeBand: string): Promise<PlatformNorms | undefined> {
  const [row] = await executor
    .select({ id: diagnosticNorms.id, scales: diagnosticNorms.scales })
    .from(diagnosticNorms)
    .where(and(eq(diagnosticNorms.versionId, versionId), eq(diagnosticNorms.gradeBand, gradeBand)))
    .orderBy(desc(diagnosticNorms.id))
    .limit(1);
  return row;
}

/** The newest norms of a version in each band, for the workbench. */
export async function normsOfVersion(executor: Executor, versionId: number) {
  return queryRows<{ gradeBand: string; sampleSize: number; computedAt: Date; id: number }>(
    executor,
    sql`select distinct on (grade_band) grade_band as "gradeBand", sample_size as "sampleSize", computed_at as "computedAt", id
      from diagnostic_norms where version_id = ${versionId} order by grade_band, id desc`,
  );
}
