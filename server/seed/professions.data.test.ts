import { describe, expect, it } from 'vitest';
import { professionInputSchema } from '@common/schemas/opportunities.js';
import { SPHERES } from './competencies.data.js';
import { PROFESSIONS } from './professions.data.js';

const sphereOf = new Map(SPHERES.flatMap((s) => s.competencies.map((c) => [c.code, s.code] as const)));

describe('the professions reference list', () => {
  it('has at least 80 professions with unique codes and names', () => {
    expect(PROFESSIONS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(PROFESSIONS.map((p) => p.code)).size).toBe(PROFESSIONS.length);
    expect(new Set(PROFESSIONS.map((p) => p.name.toLowerCase())).size).toBe(PROFESSIONS.length);
  });

  it('links each to 1–3 competencies that exist, and covers every sphere', () => {
    const covered = new Set<string>();
    for (const p of PROFESSIONS) {
      expect(p.competencies.length, p.code).toBeGreaterThanOrEqual(1);
      expect(p.competencies.length, p.code).toBeLessThanOrEqual(3);
      for (const code of p.competencies) {
        expect(sphereOf.has(code), `${p.code}: ${code}`).toBe(true);
        covered.add(sphereOf.get(code)!);
      }
    }
    expect([...covered].sort()).toEqual(SPHERES.map((s) => s.code).sort());
  });

  it('passes the same checks as the issuer’s form: 1–3 programmes «код — название», education, a description', () => {
    for (const p of PROFESSIONS) {
      expect(p.programmes.length, p.code).toBeGreaterThanOrEqual(1);
      expect(p.programmes.length, p.code).toBeLessThanOrEqual(3);
      const { competencies, ...fields } = p;
      const parsed = professionInputSchema.safeParse({ ...fields, education: [...p.education], programmes: [...p.programmes], competencyIds: competencies.map((_, i) => i + 1) });
      expect(parsed.success, `${p.code}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      // Written already in the form a card shows, so the seed and the form store the same text.
      expect(parsed.data?.programmes).toEqual(p.programmes);
      expect(p.description).toMatch(/^[А-ЯЁ].*\.$/);
    }
  });
});
