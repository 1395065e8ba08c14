import { describe, expect, it } from 'vitest';
import { mulberry32, newGameSeed, pick, shuffle } from './random.js';

describe('seeded random numbers', () => {
  it('repeat exactly for a seed, so stored attempts can be replayed after any deploy', () => {
    // Pinned values: changing the generator would silently rescore every stored game.
    const random = mulberry32(42);
    expect([random(), random(), random()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
    const a = mulberry32(2024);
    const b = mulberry32(2024);
    expect(Array.from({ length: 100 }, a)).toEqual(Array.from({ length: 100 }, b));
  });

  it('differ between seeds and stay in [0, 1)', () => {
    const values = Array.from({ length: 10_000 }, mulberry32(7));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
    // A negative seed (a signed database integer) works like its unsigned twin.
    expect(mulberry32(-1)()).toBe(mulberry32(2 ** 32 - 1)());
  });

  it('pick and shuffle stay within bounds and keep every item', () => {
    const random = mulberry32(5);
    const picks = Array.from({ length: 1000 }, () => pick(random, 3));
    expect(new Set(picks)).toEqual(new Set([0, 1, 2]));
    const items = Array.from({ length: 25 }, (_, i) => i);
    const shuffled = shuffle(mulberry32(9), items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(shuffle(mulberry32(9), items)).toEqual(shuffled);
  });

  it('new seeds fit a PostgreSQL integer', () => {
    for (let i = 0; i < 100; i++) {
      const seed = newGameSeed();
      expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31).toBe(true);
    }
  });
});
