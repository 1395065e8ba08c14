import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemoData } from '@server/seed/seed.js';
import { FEDERAL_OPPORTUNITIES, REGIONAL_OPPORTUNITIES } from '@server/seed/opportunities.data.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  expect(await seedDemoData(t.app.ctx)).not.toBeNull();
}, 180_000);
afterAll(() => t.close());

describe('the demo opportunities', () => {
  it('are written for the Kirov region and federally, every sphere row carrying its opportunity’s region', async () => {
    const [counts] = await t.rows<{ regional: number; federal: number; kirov: number; astray: number; bare: number }>(sql`
      select count(*) filter (where o.region_id is not null)::int as regional,
             count(*) filter (where o.region_id is null)::int as federal,
             count(*) filter (where r.code = '43')::int as kirov,
             (select count(*)::int from opportunity_spheres s join opportunities x on x.id = s.opportunity_id
               where s.region_id is distinct from x.region_id) as astray,
             count(*) filter (where not exists (select 1 from opportunity_spheres s where s.opportunity_id = o.id))::int as bare
        from opportunities o left join regions r on r.id = o.region_id`);
    expect(counts).toEqual({ regional: REGIONAL_OPPORTUNITIES.length, federal: FEDERAL_OPPORTUNITIES.length, kirov: REGIONAL_OPPORTUNITIES.length, astray: 0, bare: 0 });
    const [spheres] = await t.rows<{ n: number }>(sql`select count(distinct sphere_id)::int as n from opportunity_spheres where region_id is not null`);
    expect(spheres!.n).toBe(15);
  });

  it('shows the demo pupil a card of its region', async () => {
    const signIn = await t.api('POST', '/api/auth/sign-in', { body: { email: 'pupil@bilet.demo', password: 'bilet-demo-2026' } });
    const [one] = await t.rows<{ id: string }>(sql`select id from opportunities where region_id is not null order by title limit 1`);
    const res = await t.api('GET', `/api/opportunities/${one!.id}`, { cookie: `bilet_sid=${signIn.cookies.bilet_sid}` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.regionName).toBe('Кировская область');
  });
});
