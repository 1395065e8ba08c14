import { describe, expect, it } from 'vitest';
import { OPPORTUNITY_KINDS } from '@common/guidance.js';
import { opportunityInputSchema } from '@common/schemas/opportunities.js';
import { SPHERES } from './competencies.data.js';
import { FEDERAL_OPPORTUNITIES, REGIONAL_OPPORTUNITIES, type OpportunitySeed } from './opportunities.data.js';
import { REGIONS } from './regions.data.js';

const sphereOf = new Map(SPHERES.flatMap((s) => s.competencies.map((c) => [c.code, s.code] as const)));
const citiesOf = (code: string) => REGIONS.find((r) => r.code === code)?.cities ?? [];

const asInput = (o: OpportunitySeed) => ({
  kind: o.kind,
  title: o.title,
  provider: o.provider,
  description: o.description,
  programmes: [...(o.programmes ?? [])],
  sphereIds: (o.spheres ?? []).map((_, i) => i + 1),
  competencyIds: o.competencies.map((_, i) => i + 1),
  gradeFrom: o.grades[0],
  gradeTo: o.grades[1],
  online: o.online ?? false,
  cityId: o.city ? 1 : null,
  address: o.address ?? null,
  ovzAccessible: o.ovzNotes !== undefined,
  ovzNotes: o.ovzNotes ?? null,
  free: o.priceNote === undefined,
  priceNote: o.priceNote ?? null,
  url: o.url,
  contact: o.contact,
});

describe('demo opportunities', () => {
  it('has about forty regional and fifteen federal ones, of all six kinds, covering every sphere', () => {
    expect(REGIONAL_OPPORTUNITIES.length).toBeGreaterThanOrEqual(38);
    expect(FEDERAL_OPPORTUNITIES.length).toBeGreaterThanOrEqual(15);
    for (const list of [REGIONAL_OPPORTUNITIES, FEDERAL_OPPORTUNITIES]) {
      expect(new Set(list.map((o) => o.kind))).toEqual(new Set(OPPORTUNITY_KINDS));
    }
    const covered = new Set(REGIONAL_OPPORTUNITIES.flatMap((o) => [...o.competencies.map((c) => sphereOf.get(c)), ...(o.spheres ?? [])]));
    expect([...covered].sort()).toEqual(SPHERES.map((s) => s.code).sort());
  });

  it('names only competencies, spheres and cities that exist, and passes the form’s checks', () => {
    const spheres = new Set(SPHERES.map((s) => s.code));
    for (const o of [...REGIONAL_OPPORTUNITIES, ...FEDERAL_OPPORTUNITIES]) {
      for (const c of o.competencies) expect(sphereOf.has(c), `${o.title}: ${c}`).toBe(true);
      for (const s of o.spheres ?? []) expect(spheres.has(s), `${o.title}: ${s}`).toBe(true);
      const parsed = opportunityInputSchema.safeParse(asInput(o));
      expect(parsed.success, `${o.title}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(o.url).toMatch(/^https:\/\/[a-z0-9.-]+\.example\.ru/);
    }
    for (const o of REGIONAL_OPPORTUNITIES) if (o.city) expect(citiesOf('43'), o.title).toContain(o.city);
    for (const o of FEDERAL_OPPORTUNITIES) if (o.city) expect(citiesOf(o.regionCode!), o.title).toContain(o.city);
    expect(new Set([...REGIONAL_OPPORTUNITIES, ...FEDERAL_OPPORTUNITIES].map((o) => o.title)).size).toBe(REGIONAL_OPPORTUNITIES.length + FEDERAL_OPPORTUNITIES.length);
  });
});
