import { describe, expect, it } from 'vitest';
import type { TestDefinition } from '@common/diagnostics/definition.js';
import { normFor } from './scoring.js';
import { stenOfShare, stenRows, withPlatformNorms } from './norms.js';

describe('stens from a sample', () => {
  it('maps shares of the normal curve to stens 1–10', () => {
    expect([0, 0.03, 0.1, 0.2, 0.4, 0.5, 0.6, 0.75, 0.9, 0.95, 0.99].map(stenOfShare)).toEqual([1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10]);
  });

  it('gives a uniform sample of 0…99 the stens of its percentiles, rows without gaps over the raw range', () => {
    const rows = stenRows(Array.from({ length: 1000 }, (_, i) => i % 100), { min: 0, max: 100 });
    expect(rows[0]!.from).toBe(0);
    expect(rows[rows.length - 1]!.to).toBe(100);
    for (let i = 1; i < rows.length; i += 1) {
      expect(rows[i]!.from).toBe(rows[i - 1]!.to);
      expect(rows[i]!.score).toBeGreaterThan(rows[i - 1]!.score);
    }
    expect(normFor(rows, 0)).toBe(1);
    expect(normFor(rows, 50)).toBe(6);
    expect(normFor(rows, 99)).toBe(10);
    expect(normFor(rows, 100)).toBe(10);
  });

  it('puts a score everyone shares at the middle and stretches the rows to the whole range', () => {
    expect(stenRows([3, 3, 3, 3], { min: 0, max: 10 })).toEqual([{ from: 0, to: 10, score: 6 }]);
  });

  it('keeps a skewed sample honest: most pupils at the top score get an average sten, not the highest', () => {
    const raws = [...Array(80).fill(10), ...Array(15).fill(7), ...Array(5).fill(2)];
    const rows = stenRows(raws, { min: 0, max: 10 });
    expect(normFor(rows, 10)).toBe(6);
    expect(normFor(rows, 7)).toBe(3);
    expect(normFor(rows, 2)).toBe(2);
  });
});

describe('scoring with the platform’s norms', () => {
  const def = {
    scales: [
      { id: 'a', norms: { kind: 'sten', bands: { '6-7': [{ from: 0, to: 10, score: 5 }] } } },
      { id: 'b' },
    ],
  } as unknown as TestDefinition;

  it('replaces a scale’s norms for the band only, and leaves a definition without platform norms as it is', () => {
    const scored = withPlatformNorms(def, '8-9', { id: 1, scales: { a: [{ from: 0, to: 10, score: 7 }], b: [{ from: 0, to: 10, score: 3 }] } });
    expect(scored.scales[0]!.norms).toEqual({ kind: 'sten', bands: { '6-7': [{ from: 0, to: 10, score: 5 }], '8-9': [{ from: 0, to: 10, score: 7 }] } });
    expect(scored.scales[1]!.norms).toEqual({ kind: 'sten', bands: { '8-9': [{ from: 0, to: 10, score: 3 }] } });
    expect(withPlatformNorms(def, '8-9', undefined)).toBe(def);
  });
});
