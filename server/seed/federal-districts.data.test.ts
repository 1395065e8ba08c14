import { describe, expect, it } from 'vitest';
import { FEDERAL_DISTRICT_REGIONS } from './federal-districts.data.js';
import { REGIONS } from './regions.data.js';

describe('federal districts', () => {
  it('place every region in exactly one district', () => {
    const placed = Object.values(FEDERAL_DISTRICT_REGIONS).flat();
    expect(new Set(placed).size).toBe(placed.length);
    expect([...placed].sort()).toEqual(REGIONS.map((r) => r.code).sort());
  });
});
