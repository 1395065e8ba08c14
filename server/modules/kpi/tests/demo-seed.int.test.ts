import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemoData } from '@server/seed/seed.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { dashboardFor, type KpiCaller } from '../index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(() => t.close());

async function demoCaller(email: string): Promise<KpiCaller> {
  const [row] = await t.rows<{ id: string; role: KpiCaller['role']; region_id: number | null; school_id: string | null; venue_id: string | null }>(
    sql`select a.id, a.role, coalesce(sp.region_id, s.region_id, v.region_id) as region_id, sp.school_id, sp.venue_id
      from accounts a join staff_profiles sp on sp.account_id = a.id
      left join schools s on s.id = sp.school_id left join venues v on v.id = sp.venue_id
      where a.email = ${email}`,
  );
  return { accountId: row!.id, role: row!.role, regionId: row!.region_id, schoolId: row!.school_id, venueId: row!.venue_id };
}

it('every demo level opens its dashboard on figures and targets of the current season', async () => {
  await seedDemoData(t.app.ctx);
  const figure = async (email: string, metric: string) => {
    const board = await dashboardFor(t.app.ctx, await demoCaller(email), {});
    expect(board.season.current).toBe(true);
    return board.figures.find((f) => f.metric === metric)!;
  };
  expect(await figure('coordinator@bilet.demo', 'pupils_registered')).toMatchObject({ value: 3, target: 5, status: 'behind' });
  expect((await figure('school@bilet.demo', 'pupils_registered')).value).toBeGreaterThan(0);
  expect((await figure('venue@bilet.demo', 'seats_offered')).value).toBeGreaterThan(0);
  expect((await figure('mentor@bilet.demo', 'pupils_attended')).value).toBeGreaterThan(0);
  expect((await figure('navigator@bilet.demo', 'plans_published')).target).toBe(3);
});
