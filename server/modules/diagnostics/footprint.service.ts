import type { Database, Executor, Tx } from '@server/db/client.js';
import { DIMENSION_KINDS, DIRECTION_LABELS, DIRECTION_OF_KIND, ENVIRONMENT_FACTORS, FOOTPRINT_DIRECTIONS, CHOICE_READINESS, parseDimensionKey } from '@common/diagnostics/dimensions.js';
import { contributionsOfPupil, contributionsOfPupilPrepared, footprintReference, insertSnapshot, replaceContributions, snapshotsOfPupil } from './footprint.repository.js';
import { aggregateFootprint, directionMeans, type Contribution } from './scoring.js';
import { consentStateOf, type ConsentState } from '../identity/index.js';

/**
 * Puts what one source says about a pupil into the footprint and keeps the footprint as it now
 * stands for the history chart. Runs inside the caller's transaction, with the change it records.
 * A caller that has already read the pupil's consent in this transaction passes it, not to read it twice.
 */
export async function recordFootprint(
  tx: Tx,
  participantId: string,
  sourceKey: string,
  attemptId: string | null,
  contributions: readonly Contribution[],
  consent?: ConsentState,
) {
  // Nothing new is added about a child whose parents withdrew consent, from any source.
  if ((consent ?? (await consentStateOf(tx, participantId, 'pd_processing'))) === 'withdrawn') return;
  await replaceContributions(tx, participantId, sourceKey, attemptId, contributions);
  const dimensions = aggregateFootprint(await contributionsOfPupil(tx, participantId));
  await insertSnapshot(tx, participantId, sourceKey, directionMeans(dimensions), dimensions);
}

export type FootprintAudience = 'pupil' | 'parent' | 'staff';

/** A pupil's footprint as its four directions, each dimension named, with the history of the direction means. */
export async function footprintOf(executor: Executor, participantId: string, audience: FootprintAudience) {
  const [rows, history, reference] = await Promise.all([
    contributionsOfPupil(executor, participantId),
    snapshotsOfPupil(executor, participantId),
    footprintReference(executor),
  ]);
  const dimensions = aggregateFootprint(rows);
  const names = new Map<string, string>([
    ...reference.spheres.map((s) => [`sphere:${s.code}`, s.name] as const),
    ...reference.spheres.map((s) => [`awareness:${s.code}`, s.name] as const),
    ...reference.competencies.map((c) => [`competency:${c.code}`, c.name] as const),
    ...reference.softSkills.map((s) => [`soft_skill:${s.code}`, s.name] as const),
    ...ENVIRONMENT_FACTORS.map((f) => [`environment:${f.code}`, f.name] as const),
    [`awareness:${CHOICE_READINESS}`, 'Готовность к выбору профессии'],
  ]);
  const order = [...names.keys()];
  const means = directionMeans(dimensions);
  const directions = FOOTPRINT_DIRECTIONS.map((direction) => ({
    key: direction,
    label: DIRECTION_LABELS[direction],
    value: means[direction],
    dimensions: Object.entries(dimensions)
      .map(([key, d]) => ({ key, parsed: parseDimensionKey(key), ...d }))
      .filter((d) => d.parsed && DIRECTION_OF_KIND[d.parsed.kind] === direction)
      .sort((a, b) => DIMENSION_KINDS.indexOf(a.parsed!.kind) - DIMENSION_KINDS.indexOf(b.parsed!.kind) || order.indexOf(a.key) - order.indexOf(b.key))
      .map((d) => ({ key: d.key, kind: d.parsed!.kind, name: names.get(d.key) ?? d.key, value: d.value, sources: d.sources })),
  }));
  const awareness = means.awareness;
  const level = awareness === null ? null : reference.awarenessLevels.find((l) => awareness >= l.minScore && awareness <= l.maxScore) ?? null;
  return {
    directions,
    awarenessLevel: level && { code: level.code, name: level.name, text: audience === 'parent' ? level.parentText : level.pupilText },
    sources: new Set(rows.map((r) => r.sourceKey)).size,
    history: history.map((h) => ({ recordedAt: h.recordedAt.toISOString(), directions: h.directions })),
  };
}

/** How long the names of spheres, competencies and skills are reused: an issuer's rename shows within it. */
const REFERENCE_TTL_MS = 60_000;
const references = new WeakMap<object, { at: number; value: Promise<Awaited<ReturnType<typeof footprintReference>>> }>();

/** The reference names, read once a minute per database rather than by every pupil's recommendations. */
function cachedReference(executor: Executor) {
  const hit = references.get(executor);
  if (hit && Date.now() - hit.at < REFERENCE_TTL_MS) return hit.value;
  const value = footprintReference(executor);
  references.set(executor, { at: Date.now(), value });
  value.catch(() => references.delete(executor));
  return value;
}

/**
 * A pupil's footprint as the recommendations read it: every dimension's value and number of
 * sources, which sources said each, and the names of the spheres, competencies and soft skills.
 */
export async function footprintEvidence(database: Database, participantId: string) {
  const [rows, reference] = await Promise.all([contributionsOfPupilPrepared(database, participantId), cachedReference(database.db)]);
  const sourcesOf = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = sourcesOf.get(r.dimension) ?? new Set<string>();
    set.add(r.sourceKey);
    sourcesOf.set(r.dimension, set);
  }
  return {
    dimensions: aggregateFootprint(rows),
    sourcesOf: sourcesOf as ReadonlyMap<string, ReadonlySet<string>>,
    sourceKeys: new Set(rows.map((r) => r.sourceKey)) as ReadonlySet<string>,
    spheres: reference.spheres,
    competencies: reference.competencies,
    softSkills: reference.softSkills.map((s) => ({ code: s.code, name: s.name })),
  };
}

export type FootprintEvidence = Awaited<ReturnType<typeof footprintEvidence>>;
