import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemoData } from '@server/seed/seed.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(() => t.close());

it('the demo navigator finds a pupil whose plan the system drafted after a graded trial', async () => {
  const accounts = await seedDemoData(t.app.ctx);
  expect(accounts?.some((a) => a.email === 'pupil2@bilet.demo')).toBe(true);
  const rows = await t.rows<{ stage: string; strengths: number; interests: string }>(sql`
    select case when sp.draft is not null then 'drafted' else 'none' end as stage,
      jsonb_array_length(sp.draft->'strengths')::int as strengths, sp.draft->'interests'->0->>'code' as interests
    from accounts a
    join navigator_assignments na on na.participant_id = a.id
    join accounts nav on nav.id = na.navigator_id and nav.email = 'navigator@bilet.demo'
    left join study_plans sp on sp.participant_id = a.id
    where a.email = 'pupil2@bilet.demo'`);
  expect(rows).toEqual([{ stage: 'drafted', strengths: 2, interests: 'industry' }]);
});
