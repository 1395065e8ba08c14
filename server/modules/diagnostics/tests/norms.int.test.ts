import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createStaff, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { recomputeNorms } from '../norms.service.js';
import { likertTest, publish, pupilOfGrade, takeTest, uniqueSlug } from './fixtures.js';

let t: TestApp;
let methodologist: StaffMember;
const slug = uniqueSlug('norms');
let testId: number;
let versionId: number;

/**
 * Completed first attempts of simulated pupils, straight into the tables as the completion path
 * leaves them: raw scores of the two-item test spread over 2…10, the middle ones most common.
 */
async function simulateAttempts(band: string, count: number, prefix: string): Promise<void> {
  await t.rows(sql`insert into accounts (id, role, email, status, last_name, first_name)
    select md5(${prefix} || g)::uuid, 'participant', ${prefix} || g || '@norms.test', 'active', 'Нормов', 'Ученик' from generate_series(1, ${count}) g`);
  await t.rows(sql`insert into diagnostic_attempts (participant_id, test_id, version_id, status, grade_band, seed, completed_at, scales)
    select md5(${prefix} || g)::uuid, ${testId}::int, ${versionId}::int, 'completed', ${band}, 1, now() - make_interval(mins => g),
      jsonb_build_array(jsonb_build_object('id', 'main', 'title', 'Общительность', 'raw', 2 + (g % 5) + (g % 7) % 5, 'score', 0, 'norm', null,
        'level', jsonb_build_object('title', 'Уровень', 'text', 'Текст')))
    from generate_series(1, ${count}) g`);
}

const attemptRow = async (attemptId: string) =>
  (await t.rows<{ norms_id: number | null; scales: Array<{ raw: number; score: number; norm: unknown }> }>(
    sql`select norms_id, scales from diagnostic_attempts where id = ${attemptId}`,
  ))[0]!;

beforeAll(async () => {
  t = await startTestApp();
  methodologist = await createStaff(t, 'methodologist');
  const saved = await publish(t, methodologist, likertTest(slug, { gradeBands: ['6-7', '8-9'] }));
  testId = saved.testId;
  versionId = saved.versionId;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('norms from the platform’s own attempts', () => {
  it('waits for 300 first attempts in a band, then scores only new attempts on them, and says so in the workbench', async () => {
    const early = await pupilOfGrade(t, 7);
    const earlyAttempt = await takeTest(t, early.cookie, slug, { q1: 5, q2: 5 });
    const before = await attemptRow(earlyAttempt);
    expect(before.norms_id).toBeNull();
    expect(before.scales[0]).toMatchObject({ raw: 10, score: 100, norm: null });

    await simulateAttempts('6-7', 299, 'band67-');
    await simulateAttempts('8-9', 299, 'band89-');
    // A retake is not a first attempt: it does not bring a band to the minimum.
    await t.rows(sql`insert into diagnostic_attempts (participant_id, test_id, version_id, status, grade_band, seed, completed_at, scales)
      select participant_id, test_id, version_id, 'completed', grade_band, 2, now(), scales from diagnostic_attempts
      where version_id = ${versionId} and grade_band = '8-9' limit 5`);

    const computed = await recomputeNorms(t.app.ctx, t.app.log);
    expect(computed).toEqual([{ versionId, gradeBand: '6-7', sampleSize: 300 }]);
    expect(await recomputeNorms(t.app.ctx, t.app.log)).toEqual([]);

    expect((await attemptRow(earlyAttempt)).scales).toEqual(before.scales);
    const [norms] = await t.rows<{ id: number }>(sql`select id from diagnostic_norms where version_id = ${versionId} and grade_band = '6-7'`);

    const later = await pupilOfGrade(t, 7);
    const laterAttempt = await takeTest(t, later.cookie, slug, { q1: 5, q2: 5 });
    const after = await attemptRow(laterAttempt);
    expect(after.norms_id).toBe(norms!.id);
    expect(after.scales[0]).toMatchObject({ raw: 10, norm: { kind: 'sten', value: 10 }, score: 100 });
    const middle = await takeTest(t, (await pupilOfGrade(t, 6)).cookie, slug, { q1: 3, q2: 3 });
    const middleScale = (await attemptRow(middle)).scales[0]!;
    expect(middleScale).toMatchObject({ raw: 6, norm: { kind: 'sten' } });
    expect(middleScale.score).toBeLessThan(100);

    const older = await pupilOfGrade(t, 9);
    const olderAttempt = await takeTest(t, older.cookie, slug, { q1: 5, q2: 5 });
    expect((await attemptRow(olderAttempt)).norms_id).toBeNull();

    const stats = await t.api('GET', `/api/diagnostics/definitions/${testId}/statistics`, { cookie: methodologist.cookie });
    expect(stats.status).toBe(200);
    expect(stats.body.normsNeeded).toBe(300);
    expect(stats.body.norms).toEqual([
      { gradeBand: '6-7', source: 'platform', firstAttempts: 302, sampleSize: 300, computedAt: expect.any(String) },
      { gradeBand: '8-9', source: 'none', firstAttempts: 300, sampleSize: null, computedAt: null },
    ]);
  });

  it('computes again only once a band’s sample has grown by a quarter', async () => {
    await simulateAttempts('8-9', 30, 'more89-');
    expect(await recomputeNorms(t.app.ctx, t.app.log)).toEqual([{ versionId, gradeBand: '8-9', sampleSize: 330 }]);
    await simulateAttempts('6-7', 60, 'more67-');
    expect(await recomputeNorms(t.app.ctx, t.app.log)).toEqual([]);
    await simulateAttempts('6-7', 20, 'last67-');
    expect(await recomputeNorms(t.app.ctx, t.app.log)).toEqual([{ versionId, gradeBand: '6-7', sampleSize: 382 }]);
    const rows = await t.rows<{ grade_band: string }>(sql`select grade_band from diagnostic_norms where version_id = ${versionId} order by id`);
    expect(rows.map((r) => r.grade_band)).toEqual(['6-7', '8-9', '6-7']);
  });
});
