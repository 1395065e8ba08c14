/**
 * The one model behind every recommendation and the catalogue's «Подходит вам» order: how sure the
 * footprint is of a dimension, how much a pupil is drawn to a sphere or competency, and how well
 * an event, an opportunity, a profession or a next test fits. Pure functions and their weights,
 * all here; docs/recommendations.md explains them.
 */
import type { Confidence } from '../guidance.js';
import type { Difficulty } from '../events.js';

/** One dimension of the footprint: its value 0..100 and how many sources (tests, trials) said it. */
export interface DimensionReading {
  value: number;
  sources: number;
}

/** The footprint as `<kind>:<code>` → reading, as the diagnostics module aggregates it. */
export type FootprintReadings = Readonly<Record<string, DimensionReading>>;

/**
 * How far the model trusts a dimension: n / (n + 1), so one source counts half, two two thirds,
 * three three quarters — a single test never outweighs a picture several sources agree on.
 */
export function certaintyOf(sources: number): number {
  return sources <= 0 ? 0 : sources / (sources + 1);
}

/** The confidence shown beside a dimension: none, one source low, two or three medium, four and more high. */
export function confidenceOf(sources: number): Confidence {
  if (sources <= 0) return 'none';
  if (sources === 1) return 'low';
  if (sources <= 3) return 'medium';
  return 'high';
}

/** The whole picture's confidence: that of its best-backed interest (a sphere), since interests drive the advice. */
export function profileConfidence(sphereSources: readonly number[]): Confidence {
  return confidenceOf(sphereSources.length === 0 ? 0 : Math.max(...sphereSources));
}

/** How strongly the pupil is drawn to a dimension, 0..1: its value discounted by the certainty of its sources. */
export function affinityOf(reading: DimensionReading | undefined): number {
  if (!reading) return 0;
  return (Math.max(0, Math.min(100, reading.value)) / 100) * certaintyOf(reading.sources);
}

export const sphereKey = (code: string) => `sphere:${code}`;
export const competencyKey = (code: string) => `competency:${code}`;

/** The weights of an event's fit; they add up to 1. */
export const EVENT_WEIGHTS = {
  /** The pupil's affinity to the event's own competency. */
  competency: 0.35,
  /** The affinity to the competency's sphere: interests tests measure spheres more often than competencies. */
  sphere: 0.4,
  /** In the pupil's city (1) or online (ONLINE_PLACE); elsewhere in the region 0. */
  place: 0.15,
  /** The event's difficulty against the pupil's grade. */
  difficulty: 0.1,
} as const;

/** An online event is nearly as reachable as one in the pupil's own city. */
export const ONLINE_PLACE = 0.7;

/** The difficulty each grade band is ready for: basic in 6–7, intermediate in 8–9, advanced in 10–11. */
export function difficultyFit(difficulty: Difficulty, grade: number): number {
  const level = { basic: 0, intermediate: 1, advanced: 2 }[difficulty];
  const ready = grade <= 7 ? 0 : grade <= 9 ? 1 : 2;
  return [1, 0.5, 0][Math.abs(level - ready)]!;
}

/** A competency's pull on the pupil, its own affinity and its sphere's, weighted as for an event. */
export function competencyScore(footprint: FootprintReadings, competencyCode: string, sphereCode: string): number {
  return EVENT_WEIGHTS.competency * affinityOf(footprint[competencyKey(competencyCode)]) + EVENT_WEIGHTS.sphere * affinityOf(footprint[sphereKey(sphereCode)]);
}

export interface EventFacts {
  competencyCode: string;
  sphereCode: string;
  online: boolean;
  cityId: number | null;
  difficulty: Difficulty;
}

export interface PupilPlace {
  grade: number;
  cityId: number | null;
}

/** An event's fit 0..1 for the pupil. Only events the pupil may enrol in are ever scored. */
export function eventFit(footprint: FootprintReadings, event: EventFacts, pupil: PupilPlace): number {
  const place = event.online ? ONLINE_PLACE : event.cityId !== null && event.cityId === pupil.cityId ? 1 : 0;
  return round3(
    competencyScore(footprint, event.competencyCode, event.sphereCode) +
      EVENT_WEIGHTS.place * place +
      EVENT_WEIGHTS.difficulty * difficultyFit(event.difficulty, pupil.grade),
  );
}

/** The weights of an opportunity's fit; they add up to 1. */
export const OPPORTUNITY_WEIGHTS = { sphere: 0.5, competency: 0.3, place: 0.2 } as const;

export interface OpportunityFacts {
  sphereCodes: readonly string[];
  competencyCodes: readonly string[];
  online: boolean;
  cityId: number | null;
}

/** An opportunity's fit 0..1: its best-matching sphere and competency, and whether the pupil can get there. */
export function opportunityFit(footprint: FootprintReadings, o: OpportunityFacts, pupil: PupilPlace): number {
  const best = (keys: string[]) => Math.max(0, ...keys.map((k) => affinityOf(footprint[k])));
  const place = o.online || (o.cityId !== null && o.cityId === pupil.cityId) ? 1 : 0;
  return round3(
    OPPORTUNITY_WEIGHTS.sphere * best(o.sphereCodes.map(sphereKey)) +
      OPPORTUNITY_WEIGHTS.competency * best(o.competencyCodes.map(competencyKey)) +
      OPPORTUNITY_WEIGHTS.place * place,
  );
}

/** A profession's fit 0..1: the best of its competencies, each scored with its sphere as for an event. */
export function professionFit(footprint: FootprintReadings, competencies: ReadonlyArray<{ code: string; sphereCode: string }>): number {
  const scale = EVENT_WEIGHTS.competency + EVENT_WEIGHTS.sphere;
  return round3(Math.max(0, ...competencies.map((c) => competencyScore(footprint, c.code, c.sphereCode) / scale)));
}

/**
 * How much a dimension's kind matters for the advice: interests choose events, opportunities and
 * professions; skills and awareness colour them; the environment only explains.
 */
export const TEST_KIND_WEIGHTS: Readonly<Record<string, number>> = {
  sphere: 1,
  competency: 1,
  soft_skill: 0.6,
  awareness: 0.4,
  environment: 0.3,
};

/**
 * A test's value as the next one: the mean, over the dimensions it feeds, of how unsure the
 * footprint still is of each (1 − certainty), weighted by the kind. The least certain interests
 * come first; a test of what several sources already agree on comes last.
 */
export function nextTestValue(footprint: FootprintReadings, dimensions: readonly string[]): number {
  const unique = [...new Set(dimensions)];
  if (unique.length === 0) return 0;
  let sum = 0;
  for (const key of unique) {
    const kind = key.slice(0, key.indexOf(':'));
    sum += (TEST_KIND_WEIGHTS[kind] ?? 0) * (1 - certaintyOf(footprint[key]?.sources ?? 0));
  }
  return round3(sum / unique.length);
}

/** The dimensions of a test the footprint is least sure of, fewest sources first, interests before the rest. */
export function leastCertain(footprint: FootprintReadings, dimensions: readonly string[], limit: number): string[] {
  const weight = (key: string) => TEST_KIND_WEIGHTS[key.slice(0, key.indexOf(':'))] ?? 0;
  return [...new Set(dimensions)]
    .sort((a, b) => (footprint[a]?.sources ?? 0) - (footprint[b]?.sources ?? 0) || weight(b) - weight(a) || a.localeCompare(b))
    .slice(0, limit);
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
