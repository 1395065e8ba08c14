import type { AppContext } from '@server/context.js';
import type { Executor } from '@server/db/client.js';
import { rawRange, type NormRow, type TestDefinition } from '@common/diagnostics/definition.js';
import type { GradeBand } from '@common/diagnostics/dimensions.js';
import { definitionOfVersion } from './definition-cache.js';
import { NORM_SAMPLE_GROWTH, NORM_SAMPLE_MAX, NORM_SAMPLE_MIN, stenRows } from './norms.js';
import { firstAttemptsByBand, insertNorms, normSamples, normsOfVersion, sampleScales } from './norms.repository.js';

/** A game's scales report metrics already on 0–100; a test's raw range follows from its keys. */
function rangeOf(def: TestDefinition, scale: TestDefinition['scales'][number]): { min: number; max: number } {
  return def.kind === 'game' ? { min: 0, max: 100 } : rawRange(def, scale);
}

/**
 * Computes new norms for every published version and band whose first attempts reached the
 * minimum, or grew by a quarter since its last norms. Results already given keep the norms they
 * were scored on; only attempts completed afterwards use the new ones.
 */
export async function recomputeNorms(ctx: AppContext): Promise<Array<{ versionId: number; gradeBand: string; sampleSize: number }>> {
  const due = (await normSamples(ctx.db)).filter(
    (s) => s.attempts >= NORM_SAMPLE_MIN && (s.lastSample === null || s.attempts >= s.lastSample * NORM_SAMPLE_GROWTH),
  );
  const computed = [];
  for (const sample of due) {
    const cached = await definitionOfVersion(ctx.db, sample.versionId);
    if (!cached) continue;
    const def = cached.definition;
    const attempts = await sampleScales(ctx.db, sample.versionId, sample.gradeBand, NORM_SAMPLE_MAX);
    const scales: Record<string, NormRow[]> = {};
    for (const scale of def.scales) {
      const raws = attempts.flatMap((scored) => scored.filter((s) => s.id === scale.id).map((s) => s.raw));
      if (raws.length >= NORM_SAMPLE_MIN) scales[scale.id] = stenRows(raws, rangeOf(def, scale));
    }
    if (Object.keys(scales).length === 0) continue;
    await insertNorms(ctx.db, { versionId: sample.versionId, gradeBand: sample.gradeBand, sampleSize: sample.attempts, scales });
    computed.push({ versionId: sample.versionId, gradeBand: sample.gradeBand, sampleSize: sample.attempts });
  }
  return computed;
}

export interface BandNorms {
  gradeBand: GradeBand;
  /** platform: computed from the platform's attempts; provisional: the definition's own expert norms; none: scored as a share of the raw range. */
  source: 'platform' | 'provisional' | 'none';
  firstAttempts: number;
  sampleSize: number | null;
  computedAt: string | null;
}

/** Which norms each band of a version is scored on now, and how far a band is from norms of its own. */
export async function normsStatus(executor: Executor, def: TestDefinition, versionId: number): Promise<BandNorms[]> {
  const [norms, attempts] = await Promise.all([normsOfVersion(executor, versionId), firstAttemptsByBand(executor, versionId)]);
  return def.gradeBands.map((band) => {
    const platform = norms.find((n) => n.gradeBand === band);
    const firstAttempts = attempts.find((a) => a.gradeBand === band)?.attempts ?? 0;
    const own = def.scales.some((s) => s.norms?.bands[band]);
    return {
      gradeBand: band,
      source: platform ? 'platform' : own ? 'provisional' : 'none',
      firstAttempts,
      sampleSize: platform?.sampleSize ?? null,
      computedAt: platform ? new Date(platform.computedAt).toISOString() : null,
    };
  });
}
