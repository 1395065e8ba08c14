import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '@server/context.js';
import type { Executor } from '@server/db/client.js';
import type { NormRow, TestDefinition } from '@common/diagnostics/definition.js';
import type { GradeBand } from '@common/diagnostics/dimensions.js';
import { definitionOfVersion } from './definition-cache.js';
import { NORM_SAMPLE_GROWTH, NORM_SAMPLE_MAX, NORM_SAMPLE_MIN, stenRows } from './norms.js';
import { insertNorms, normSamples, normsOfVersion, sampleScales, type NormSample } from './norms.repository.js';
import { scaleRange } from './scoring.js';

/**
 * Computes new norms for every published version and band whose first attempts reached the
 * minimum, or grew by a quarter since its last norms. Results already given keep the norms they
 * were scored on; only attempts completed afterwards use the new ones.
 */
export async function recomputeNorms(ctx: AppContext, log: FastifyBaseLogger): Promise<Array<{ versionId: number; gradeBand: string; sampleSize: number }>> {
  const due = (await normSamples(ctx.db)).filter(
    (s) => s.attempts >= NORM_SAMPLE_MIN && (s.lastSample === null || s.attempts >= s.lastSample * NORM_SAMPLE_GROWTH),
  );
  const computed = [];
  for (const sample of due) {
    try {
      const norms = await computeNorms(ctx, sample);
      if (!norms) continue;
      await insertNorms(ctx.db, { versionId: sample.versionId, gradeBand: sample.gradeBand, sampleSize: sample.attempts, scales: norms });
      computed.push({ versionId: sample.versionId, gradeBand: sample.gradeBand, sampleSize: sample.attempts });
    } catch (err) {
      // One version whose results cannot be read must not keep every other version from its norms.
      log.error({ err, versionId: sample.versionId, gradeBand: sample.gradeBand }, 'diagnostic norms could not be computed');
    }
  }
  return computed;
}

/** Raw score → sten rows per scale from a band's sample, for the scales with enough finite scores. */
async function computeNorms(ctx: AppContext, sample: NormSample): Promise<Record<string, NormRow[]> | null> {
  const cached = await definitionOfVersion(ctx.db, sample.versionId);
  if (!cached) return null;
  const def = cached.definition;
  const attempts = await sampleScales(ctx.db, sample.versionId, sample.gradeBand, NORM_SAMPLE_MAX);
  const scales: Record<string, NormRow[]> = {};
  for (const scale of def.scales) {
    const raws = attempts.flatMap((scored) => (scored ?? []).filter((s) => s.id === scale.id && Number.isFinite(s.raw)).map((s) => s.raw));
    if (raws.length >= NORM_SAMPLE_MIN) scales[scale.id] = stenRows(raws, scaleRange(def, scale));
  }
  return Object.keys(scales).length > 0 ? scales : null;
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
  const [norms, attempts] = await Promise.all([normsOfVersion(executor, versionId), normSamples(executor, versionId)]);
  return def.gradeBands.map((band) => {
    const platform = norms.find((n) => n.gradeBand === band);
    const firstAttempts = attempts.find((a) => a.gradeBand === band)?.attempts ?? 0;
    const own = def.scales.some((s) => s.norms?.bands[band]);
    return {
      gradeBand: band,
      source: platform ? 'platform' : own ? 'provisional' : 'none',
      firstAttempts,
      // A computation reads at most NORM_SAMPLE_MAX results; the row keeps the whole count for the growth rule.
      sampleSize: platform ? Math.min(platform.sampleSize, NORM_SAMPLE_MAX) : null,
      computedAt: platform ? new Date(platform.computedAt).toISOString() : null,
    };
  });
}
