import { keyedItemRange, type ScoringKey, type TestDefinition } from '@common/diagnostics/definition.js';
import type { AnswerValue } from '@common/diagnostics/answers.js';
import type { ScaleStatistic } from '@common/diagnostics/statistics.js';
import { keyContribution } from './scoring.js';

/** Below this many completed attempts the figures say more about chance than about the items. */
export const MIN_ATTEMPTS_FOR_STATISTICS = 30;

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function variance(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
}

function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Item facility and discrimination and each scale's alpha over completed attempts' answers. */
export function itemStatistics(def: TestDefinition, attempts: ReadonlyArray<ReadonlyMap<string, AnswerValue>>): ScaleStatistic[] {
  const items = new Map(def.items.map((i) => [i.id, i]));
  return def.scales.map((scale) => {
    const byItem = new Map<string, ScoringKey[]>();
    for (const key of scale.keys) byItem.set(key.item, [...(byItem.get(key.item) ?? []), key]);
    const itemIds = [...byItem.keys()].filter((id) => items.has(id));
    // scores[i][a]: what item i gave the scale in attempt a.
    const scores = itemIds.map((id) =>
      attempts.map((answers) => {
        const value = answers.get(id);
        return value === undefined ? 0 : byItem.get(id)!.reduce((sum, key) => sum + keyContribution(items.get(id)!, key, value), 0);
      }),
    );
    const totals = attempts.map((_, a) => scores.reduce((sum, s) => sum + s[a]!, 0));
    const stats = itemIds.map((id, i) => {
      const range = keyedItemRange(items.get(id)!, byItem.get(id)!);
      const span = range.max - range.min;
      const facility = span === 0 ? 0 : mean(scores[i]!.map((s) => (s - range.min) / span));
      const rest = totals.map((t, a) => t - scores[i]![a]!);
      const discrimination = itemIds.length > 1 ? correlation(scores[i]!, rest) : null;
      return {
        itemId: id,
        text: items.get(id)!.text,
        facility: round3(facility),
        discrimination: discrimination === null ? null : round3(discrimination),
        weak: facility < 0.05 || facility > 0.95 || (discrimination !== null && discrimination < 0.2),
      };
    });
    const k = itemIds.length;
    const totalVariance = attempts.length > 1 ? variance(totals) : 0;
    const alpha = k < 2 || totalVariance === 0 ? null : (k / (k - 1)) * (1 - scores.reduce((sum, s) => sum + variance(s), 0) / totalVariance);
    return { scaleId: scale.id, title: scale.title, items: stats, alpha: alpha === null ? null : round3(alpha) };
  });
}
