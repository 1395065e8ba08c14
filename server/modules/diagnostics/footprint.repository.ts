import { and, asc, eq } from 'drizzle-orm';
import type { Database, Executor } from '@server/db/client.js';
import {
  awarenessLevels,
  competencies,
  footprintContributions,
  footprintSnapshots,
  softSkills,
  spheres,
} from '@server/db/schema/index.js';
import type { Contribution, FootprintDimensions } from './scoring.js';

/** Puts one source's say about a pupil in place of what the same source said before. */
export async function replaceContributions(
  executor: Executor,
  participantId: string,
  sourceKey: string,
  attemptId: string | null,
  contributions: readonly Contribution[],
): Promise<void> {
  await executor
    .delete(footprintContributions)
    .where(and(eq(footprintContributions.participantId, participantId), eq(footprintContributions.sourceKey, sourceKey)));
  if (contributions.length === 0) return;
  await executor.insert(footprintContributions).values(contributions.map((c) => ({ participantId, sourceKey, attemptId, ...c })));
}

/**
 * The same rows as contributionsOfPupil, by a prepared statement: every request for recommendations
 * or the catalogue's fit order reads them, and building the query each time costs more than reading it.
 */
export async function contributionsOfPupilPrepared(database: Database, participantId: string) {
  return database.prepared<{ sourceKey: string; dimension: string; value: number; weight: number }>(
    'footprint_contributions_of_pupil',
    'select source_key as "sourceKey", dimension, value, weight from footprint_contributions where participant_id = $1',
    [participantId],
  );
}

export async function contributionsOfPupil(executor: Executor, participantId: string) {
  return executor
    .select({
      sourceKey: footprintContributions.sourceKey,
      dimension: footprintContributions.dimension,
      value: footprintContributions.value,
      weight: footprintContributions.weight,
    })
    .from(footprintContributions)
    .where(eq(footprintContributions.participantId, participantId));
}

export async function insertSnapshot(
  executor: Executor,
  participantId: string,
  sourceKey: string,
  directions: Record<string, number | null>,
  dimensions: FootprintDimensions,
): Promise<void> {
  await executor.insert(footprintSnapshots).values({ participantId, sourceKey, directions, dimensions });
}

export async function snapshotsOfPupil(executor: Executor, participantId: string) {
  return executor
    .select({ recordedAt: footprintSnapshots.recordedAt, sourceKey: footprintSnapshots.sourceKey, directions: footprintSnapshots.directions })
    .from(footprintSnapshots)
    .where(eq(footprintSnapshots.participantId, participantId))
    .orderBy(asc(footprintSnapshots.recordedAt));
}

/** Names of every dimension code, and the awareness clusters, for showing a footprint. */
export async function footprintReference(executor: Executor) {
  const [sphereRows, competencyRows, skillRows, levels] = await Promise.all([
    executor.select({ id: spheres.id, code: spheres.code, name: spheres.name }).from(spheres).orderBy(asc(spheres.id)),
    executor
      .select({ id: competencies.id, code: competencies.code, name: competencies.name, sphereCode: spheres.code })
      .from(competencies)
      .innerJoin(spheres, eq(spheres.id, competencies.sphereId))
      .orderBy(asc(competencies.id)),
    executor.select({ code: softSkills.code, name: softSkills.name, description: softSkills.description }).from(softSkills).orderBy(asc(softSkills.id)),
    executor.select().from(awarenessLevels).orderBy(asc(awarenessLevels.minScore)),
  ]);
  return { spheres: sphereRows, competencies: competencyRows, softSkills: skillRows, awarenessLevels: levels };
}
