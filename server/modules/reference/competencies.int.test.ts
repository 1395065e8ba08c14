import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { competencies, opportunityCompetencies, opportunitySpheres, professionCompetencies, spheres } from '@server/db/schema/index.js';
import { seedReferenceData } from '@server/seed/seed.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';

interface SphereBody {
  id: number;
  code: string;
  name: string;
  competencies: Array<{ id: number; code: string; name: string }>;
}

describe('spheres and competencies reference', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists the 15 spheres with their competencies to anyone', async () => {
    const res = await t.api<{ spheres: SphereBody[] }>('GET', '/api/reference/competencies');
    expect(res.status).toBe(200);
    expect(res.body.spheres).toHaveLength(15);
    expect(res.body.spheres[0]).toMatchObject({ code: 'it', name: 'ИТ и цифровые технологии' });
    const all = res.body.spheres.flatMap((s) => s.competencies);
    expect(all.length).toBeGreaterThanOrEqual(50);
    expect(all.find((c) => c.code === 'cnc-turning')).toMatchObject({ name: 'Токарные работы на станках с ЧПУ' });
    const industry = res.body.spheres.find((s) => s.code === 'industry')!;
    const names = industry.competencies.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('ru').compare));
  });

  it('fills the spheres on an installation that has regions but no spheres, and leaves a filled one alone', async () => {
    const db = t.app.ctx.db;
    const countOf = async (table: typeof spheres | typeof competencies) => (await t.rows<{ n: number }>(sql`select count(*)::int as n from ${table}`))[0]!.n;
    const regionsBefore = (await t.rows<{ n: number }>(sql`select count(*)::int as n from regions`))[0]!.n;
    // Links of professions and opportunities point at the reference rows an empty installation lacks.
    await db.delete(professionCompetencies);
    await db.delete(opportunityCompetencies);
    await db.delete(opportunitySpheres);
    await db.delete(competencies);
    await db.delete(spheres);

    await seedReferenceData(db);
    expect(await countOf(spheres)).toBe(15);
    const competencyCount = await countOf(competencies);
    expect(competencyCount).toBeGreaterThanOrEqual(50);

    await db.update(spheres).set({ name: 'Цифровой мир' }).where(sql`${spheres.code} = 'it'`);
    await seedReferenceData(db);
    expect(await countOf(spheres)).toBe(15);
    expect(await countOf(competencies)).toBe(competencyCount);
    expect((await t.rows<{ n: number }>(sql`select count(*)::int as n from regions`))[0]!.n).toBe(regionsBefore);
    const renamed = (await t.api<{ spheres: SphereBody[] }>('GET', '/api/reference/competencies')).body.spheres.find((s) => s.code === 'it');
    expect(renamed?.name).toBe('Цифровой мир');
  });
});
