import { randomInt } from 'node:crypto';

/** A source of numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: tiny, fast and the same on every machine, so the tables and figures a pupil saw can
 * be drawn again from the attempt's seed when the answers are scored. Not for secrets.
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n). */
export function pick(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(random, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A seed for a new attempt; non-negative and below 2³¹ so that it fits a PostgreSQL integer. */
export function newGameSeed(): number {
  return randomInt(0, 2 ** 31 - 1);
}
