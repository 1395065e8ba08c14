import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedParent } from '@server/test/factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { rightsWorld, supportRequest, testedFamily, type RightsWorld } from './fixtures.js';

let t: TestApp;
let w: RightsWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await rightsWorld(t);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('access to all one’s data (art. 14)', () => {
  it('gives a parent its child’s whole archive, decrypted, with who saw the data and when', async () => {
    const family = await testedFamily(t, w);
    // The school opens the child's personal data: the archive must name it.
    const seen = await t.api('GET', `/api/participants/${family.childId}/personal-data`, { cookie: w.s.school.cookie });
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    const asked = await t.api('POST', `/api/pupils/${family.childId}/corrections`, { cookie: family.parentCookie, body: { lastName: 'Исправленова' } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);

    const otherAdult = (await t.api('GET', '/api/auth/session', { cookie: (await confirmedParent(t)).cookie })).body.account.id as string;
    await supportRequest(t, { requesterId: family.parentId, email: 'parent@example.ru', childId: family.childId, text: 'Вопрос родителя о ребёнке' });
    await supportRequest(t, { requesterId: otherAdult, email: 'other-adult@example.ru', childId: family.childId, text: 'Чужой вопрос о ребёнке' });
    await supportRequest(t, { requesterId: null, email: family.childEmail.toUpperCase(), text: 'Вопрос ребёнка без входа' });

    const res = await t.api('GET', `/api/data-rights/archive?subjectId=${family.childId}`, { cookie: family.parentCookie });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="personal-data-\d{4}-\d{2}-\d{2}\.json"/);
    const archive = res.body;
    expect(archive.format).toBe('bilet-personal-data/1');
    expect(archive.profile).toMatchObject({ id: family.childId, role: 'participant', email: family.childEmail });
    expect(archive.profile.participant.snils).toMatch(/^\d{3}-\d{3}-\d{3} \d{2}$/);
    expect(archive.consents).toEqual([expect.objectContaining({ kind: 'pd_processing', withdrawnAt: null })]);
    expect(archive.familyLinks).toEqual([expect.objectContaining({ role: 'parent' })]);
    expect(archive.corrections).toEqual([expect.objectContaining({ requested: { lastName: 'Исправленова' }, status: 'pending', decidedAt: null })]);
    expect(archive.attempts).toEqual([expect.objectContaining({ test: w.testSlug, status: 'completed' })]);
    expect(archive.footprint.sources.length).toBeGreaterThan(0);
    expect(archive).toHaveProperty('enrolments');
    expect(archive).toHaveProperty('studyPlan');
    // Another adult's request about the child is that adult's data: its text stays out of this parent's copy.
    expect(archive.supportRequests.map((r: { text: string }) => r.text).sort()).toEqual(['Вопрос ребёнка без входа', 'Вопрос родителя о ребёнке']);
    expect(archive).toHaveProperty('notifications');
    expect(archive.uploads).toEqual({ paperConsents: [], supportAttachments: [] });
    const staffView = archive.accessLog.find((e: { action: string; actorRole: string }) => e.action === 'pd.viewed' && e.actorRole === 'school');
    expect(staffView.actor).toBe('Школа: Сотрудникова Елена');
    expect(new Date(staffView.at).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const [audit] = await t.rows<{ actor_id: string; details: { format: string } }>(
      sql`select actor_id, details from audit_log where action = 'data_rights.archive_downloaded' and subject_id = ${family.childId}`,
    );
    expect(audit).toEqual({ actor_id: family.parentId, details: { format: 'json' } });
  });

  it('gives the same as a PDF, and the pupil and staff their own', async () => {
    const family = await testedFamily(t, w);
    const pdf = await t.app.inject({ method: 'GET', url: `/api/data-rights/archive?subjectId=${family.childId}&format=pdf`, headers: { cookie: family.parentCookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const own = await t.api('GET', '/api/data-rights/archive', { cookie: family.childCookie });
    expect(own.status).toBe(200);
    expect(own.body.profile.id).toBe(family.childId);

    const staff = await t.api('GET', '/api/data-rights/archive', { cookie: w.s.mentor.cookie });
    expect(staff.status).toBe(200);
    expect(staff.body.profile).toMatchObject({ role: 'mentor', staff: expect.objectContaining({ venue: expect.any(String) }) });
    expect(staff.body.attempts).toEqual([]);
  });

  it('answers another family’s child, a pupil naming someone else and bad input with 4xx', async () => {
    const family = await testedFamily(t, w);
    const stranger = await confirmedParent(t);
    expect((await t.api('GET', `/api/data-rights/archive?subjectId=${family.childId}`, { cookie: stranger.cookie })).status).toBe(404);
    expect((await t.api('GET', `/api/data-rights/archive?subjectId=${family.parentId}`, { cookie: family.childCookie })).status).toBe(404);
    expect((await t.api('GET', `/api/data-rights/archive?subjectId=${family.childId}`, { cookie: w.s.school.cookie })).status).toBe(404);
    const bad = await t.api('GET', '/api/data-rights/archive?subjectId=123', { cookie: family.parentCookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBeTruthy();
    expect((await t.api('GET', '/api/data-rights/archive?format=xml', { cookie: family.parentCookie })).status).toBe(400);
    expect((await t.api('GET', '/api/data-rights/archive')).status).toBe(401);
    expect(await t.rows(sql`select 1 from audit_log where action = 'data_rights.archive_downloaded' and subject_id = ${family.childId}`)).toHaveLength(0);
  });
});
