import { describe, expect, it } from 'vitest';
import { SPHERES } from './competencies.data.js';

const all = SPHERES.flatMap((s) => s.competencies);

describe('spheres and competencies', () => {
  it('has the 15 spheres of the digital footprint', () => {
    expect(SPHERES).toHaveLength(15);
  });

  it('has at least 50 competencies, each sphere at least one', () => {
    expect(all.length).toBeGreaterThanOrEqual(50);
    for (const sphere of SPHERES) expect(sphere.competencies.length, sphere.name).toBeGreaterThan(0);
  });

  it('gives spheres and competencies unique codes and names', () => {
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(SPHERES.map((s) => s.code))).toBe(true);
    expect(unique(SPHERES.map((s) => s.name.toLowerCase()))).toBe(true);
    expect(unique(all.map((c) => c.code))).toBe(true);
    expect(unique(all.map((c) => c.name.toLowerCase()))).toBe(true);
  });

  it('uses codes safe for addresses and files, and Russian names', () => {
    for (const { code, name } of [...SPHERES, ...all]) {
      expect(code).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(name).toMatch(/^[А-ЯЁ]/);
      expect(name).toBe(name.trim());
    }
  });
});
