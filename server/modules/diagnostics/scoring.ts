import {
  rawRange,
  type DefinitionItem,
  type DefinitionScale,
  type ScoringKey,
  type TestDefinition,
} from '@common/diagnostics/definition.js';
import type { AnswerValue } from '@common/diagnostics/answers.js';
import {
  DIRECTION_OF_KIND,
  FOOTPRINT_DIRECTIONS,
  parseDimensionKey,
  type FootprintDirection,
  type GradeBand,
} from '@common/diagnostics/dimensions.js';
import type { ScaleResult } from '@common/diagnostics/results.js';

/** What one key earns for one answer; answers are already checked against their item. */
export function keyContribution(item: DefinitionItem, key: ScoringKey, value: AnswerValue): number {
  switch (item.type) {
    case 'likert': {
      const v = value as number;
      return key.weight * (key.reverse ? item.points + 1 - v : v);
    }
    case 'single':
    case 'forced':
      return value === key.option ? key.weight : 0;
    case 'multiple':
      return (value as string[]).includes(key.option!) ? key.weight : 0;
    case 'ranking': {
      const place = (value as string[]).indexOf(key.option!);
      const steps = item.options.length - 1;
      return place < 0 ? 0 : (key.weight * (steps - place)) / steps;
    }
    case 'numeric': {
      const v = value as number;
      if (key.correct !== undefined) return Math.abs(v - key.correct) <= key.tolerance ? key.weight : 0;
      return (key.weight * (v - item.min)) / (item.max - item.min);
    }
  }
}

/** The raw scores a scale can give: a game's metric is already 0–100, a test's range follows from its keys. */
export function scaleRange(def: TestDefinition, scale: DefinitionScale): { min: number; max: number } {
  return def.kind === 'game' ? { min: 0, max: 100 } : rawRange(def, scale);
}

/** Scores every scale of a test from the pupil's answers. */
export function scoreTest(def: TestDefinition, answers: ReadonlyMap<string, AnswerValue>, band: GradeBand): ScaleResult[] {
  const items = new Map(def.items.map((i) => [i.id, i]));
  return def.scales.map((scale) => {
    let total = 0;
    const keyedItems = new Set<string>();
    for (const key of scale.keys) {
      const item = items.get(key.item)!;
      keyedItems.add(key.item);
      const value = answers.get(key.item);
      if (value !== undefined) total += keyContribution(item, key, value);
    }
    const raw = scale.method === 'mean' ? total / keyedItems.size : total;
    return finishScale(scale, raw, scaleRange(def, scale), band);
  });
}

/** Scores a game's scales from the metrics its engine computed (each already 0–100). */
export function scoreGame(def: TestDefinition, metrics: Readonly<Record<string, number>>, band: GradeBand): ScaleResult[] {
  return def.scales.map((scale) => finishScale(scale, metrics[scale.metric!] ?? 0, scaleRange(def, scale), band));
}

function finishScale(scale: DefinitionScale, raw: number, range: { min: number; max: number }, band: GradeBand): ScaleResult {
  const rows = scale.norms?.bands[band];
  let score: number;
  let norm: ScaleResult['norm'] = null;
  if (scale.norms && rows) {
    const value = normFor(rows, raw);
    norm = { kind: scale.norms.kind, value };
    score = scale.norms.kind === 'sten' ? ((value - 1) / 9) * 100 : value;
  } else {
    score = range.max === range.min ? 0 : ((raw - range.min) / (range.max - range.min)) * 100;
  }
  score = Math.round(Math.min(100, Math.max(0, score)));
  const level = scale.levels.find((l) => score >= l.from && score <= l.to) ?? scale.levels[scale.levels.length - 1]!;
  return { id: scale.id, title: scale.title, raw: round2(raw), score, norm, level: { title: level.title, text: level.text } };
}

/** Rows are [from, to) and the last includes its end; a raw score outside them takes the nearest row. */
export function normFor(rows: ReadonlyArray<{ from: number; to: number; score: number }>, raw: number): number {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const last = i === rows.length - 1;
    if (raw >= row.from && (raw < row.to || (last && raw <= row.to))) return row.score;
  }
  return raw < rows[0]!.from ? rows[0]!.score : rows[rows.length - 1]!.score;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export interface Contribution {
  dimension: string;
  value: number;
  weight: number;
}

/** What an attempt's scales say about the footprint; a dimension fed by several scales gets their weighted mean. */
export function contributionsOf(def: TestDefinition, scales: readonly ScaleResult[]): Contribution[] {
  const byDimension = new Map<string, { sum: number; weight: number }>();
  def.scales.forEach((scale, i) => {
    const score = scales[i]!.score;
    for (const map of scale.maps) {
      const acc = byDimension.get(map.dimension) ?? { sum: 0, weight: 0 };
      acc.sum += score * map.weight;
      acc.weight += map.weight;
      byDimension.set(map.dimension, acc);
    }
  });
  return [...byDimension].map(([dimension, acc]) => ({ dimension, value: round2(acc.sum / acc.weight), weight: acc.weight }));
}

export type FootprintDimensions = Record<string, { value: number; sources: number }>;

/** Each dimension's weighted mean over its sources, and how many sources fed it. */
export function aggregateFootprint(rows: ReadonlyArray<{ sourceKey: string } & Contribution>): FootprintDimensions {
  const acc = new Map<string, { sum: number; weight: number; sources: Set<string> }>();
  for (const row of rows) {
    const a = acc.get(row.dimension) ?? { sum: 0, weight: 0, sources: new Set<string>() };
    a.sum += row.value * row.weight;
    a.weight += row.weight;
    a.sources.add(row.sourceKey);
    acc.set(row.dimension, a);
  }
  const out: FootprintDimensions = {};
  for (const [dimension, a] of acc) out[dimension] = { value: Math.round(a.sum / a.weight), sources: a.sources.size };
  return out;
}

/** The mean of each direction's measured dimensions, or null when nothing has measured it yet. */
export function directionMeans(dimensions: FootprintDimensions): Record<FootprintDirection, number | null> {
  const sums = Object.fromEntries(FOOTPRINT_DIRECTIONS.map((d) => [d, { sum: 0, n: 0 }])) as Record<FootprintDirection, { sum: number; n: number }>;
  for (const [key, { value }] of Object.entries(dimensions)) {
    const parsed = parseDimensionKey(key);
    if (!parsed) continue;
    const s = sums[DIRECTION_OF_KIND[parsed.kind]];
    s.sum += value;
    s.n += 1;
  }
  return Object.fromEntries(
    FOOTPRINT_DIRECTIONS.map((d) => [d, sums[d].n === 0 ? null : Math.round(sums[d].sum / sums[d].n)]),
  ) as Record<FootprintDirection, number | null>;
}
