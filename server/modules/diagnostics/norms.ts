import type { NormRow, TestDefinition } from '@common/diagnostics/definition.js';
import type { GradeBand } from '@common/diagnostics/dimensions.js';

/** Completed first attempts of one grade band a version needs before its norms come from the platform's data. */
export const NORM_SAMPLE_MIN = 300;
/** Norms are computed again once the sample has grown by a quarter since the last ones. */
export const NORM_SAMPLE_GROWTH = 1.25;
/** The most recent first attempts a computation reads: enough for stable stens, bounded at a million pupils. */
export const NORM_SAMPLE_MAX = 20_000;

/** Shares of the normal curve below the sten boundaries z = −2, −1.5, …, +2 (sten = 2z + 5.5). */
const STEN_CUTS = [0.0228, 0.0668, 0.1587, 0.3085, 0.5, 0.6915, 0.8413, 0.9332, 0.9772];

export function stenOfShare(share: number): number {
  return 1 + STEN_CUTS.filter((cut) => share >= cut).length;
}

/**
 * Raw score → sten rows from a sample: each distinct raw score gets the sten of its mid-rank
 * percentile (the share of the sample below it plus half of those equal to it), and neighbouring
 * scores of the same sten join one row. Rows are [from, to) and cover the whole raw range, as in a
 * definition's own norms, so `normFor` reads both alike.
 */
export function stenRows(raws: readonly number[], range: { min: number; max: number }): NormRow[] {
  const sorted = [...raws].sort((a, b) => a - b);
  const n = sorted.length;
  const rows: NormRow[] = [];
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && sorted[j] === sorted[i]) j += 1;
    const sten = stenOfShare((i + (j - i) / 2) / n);
    const last = rows[rows.length - 1];
    if (!last) rows.push({ from: Math.min(range.min, sorted[i]!), to: range.max, score: sten });
    else if (last.score !== sten) {
      last.to = sorted[i]!;
      rows.push({ from: sorted[i]!, to: range.max, score: sten });
    }
    i = j;
  }
  const last = rows[rows.length - 1];
  if (last) last.to = Math.max(range.max, sorted[n - 1]!);
  return rows;
}

export interface PlatformNorms {
  id: number;
  scales: Record<string, NormRow[]>;
}

/** The definition as scored with the platform's norms for one band: they replace the scale's own norms, which stay for the other bands. */
export function withPlatformNorms(def: TestDefinition, band: GradeBand, norms: PlatformNorms | undefined): TestDefinition {
  if (!norms) return def;
  return {
    ...def,
    scales: def.scales.map((scale) => {
      const rows = norms.scales[scale.id];
      if (!rows || rows.length === 0) return scale;
      return { ...scale, norms: { kind: 'sten', bands: { ...(scale.norms?.kind === 'sten' ? scale.norms.bands : {}), [band]: rows } } };
    }),
  };
}
