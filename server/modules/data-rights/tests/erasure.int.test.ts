import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERASURE_GRACE_DAYS, DAY_MS } from '@common/data-rights.js';
import { birthDateForAge, confirmedParent, registerPupil } from '@server/test/factories.js';
import { createStaff } from '@server/test/staff-factories.js';
import { FILE_KINDS } from '@server/lib/file-store/index.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { refreshFigures } from '@server/modules/kpi/index.js';
import { lessonInput, publishedEvent } from '@server/modules/events/tests/fixtures.js';
import { eraseDueAccounts } from '../index.js';
import { paperConsentScan, rightsWorld, supportAttachment, supportRequest, testedFamily, type RightsWorld } from './fixtures.js';

let t: TestApp;
let w: RightsWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await rightsWorld(t);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const registeredInAll = async () =>
  (await t.rows<{ n: number }>(sql`select coalesce(sum(registered), 0)::int as n from kpi_weekly where scope_level = 'federal'`))[0]!.n;

describe('erasure of a pupil’s account (art. 21)', () => {
  it('freezes the account at once, refuses a second request, and lets the requester take it back', async () => {
    const family = await testedFamily(t, w);
    const { token } = await publishedEvent(t, w.s, lessonInput(w.s));
    const enrolled = await t.api('POST', `/api/enrol-links/${token}/enrolments`, { cookie: family.parentCookie, body: { childId: family.childId } });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);

    const navigator = await createStaff(t, 'navigator', { regionId: w.s.place.regionId, schoolId: w.s.schoolId });
    await t.rows(sql`insert into navigator_assignments (participant_id, navigator_id, assigned_by) values (${family.childId}, ${navigator.accountId}, ${navigator.accountId}) returning 1`);
    const results = () => t.api('GET', `/api/pupils/${family.childId}/diagnostics/results`, { cookie: navigator.cookie });
    expect((await results()).status).toBe(200);

    const secondParent = await confirmedParent(t);
    const secondParentId = (await t.api('GET', '/api/auth/session', { cookie: secondParent.cookie })).body.account.id as string;
    await t.rows(sql`insert into family_links (parent_id, child_id) values (${secondParentId}, ${family.childId}) returning 1`);

    const before = await t.api('GET', `/api/data-rights/erasure?subjectId=${family.childId}`, { cookie: family.parentCookie });
    expect(before.body).toMatchObject({ pending: null, mayRequest: true });

    const asked = await t.api('POST', '/api/data-rights/erasure', { cookie: family.parentCookie, body: { subjectId: family.childId } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const due = new Date(asked.body.pending.dueAt).getTime();
    expect(Math.abs(due - Date.now() - ERASURE_GRACE_DAYS * DAY_MS)).toBeLessThan(60_000);

    // Frozen: the child's session is gone and it cannot sign in; the school no longer lists it; its lesson is cancelled.
    expect((await t.api('GET', '/api/auth/session', { cookie: family.childCookie })).body.account).toBeNull();
    const signIn = await t.api('POST', '/api/auth/sign-in', { body: { email: family.childEmail, password: 'зелёный-слон-летит' } });
    expect(signIn.status).not.toBe(200);
    const listed = await t.api('GET', '/api/participants?pageSize=100', { cookie: w.s.school.cookie });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p: { id: string }) => p.id)).not.toContain(family.childId);
    const [enrolment] = await t.rows<{ status: string; end_reason: string }>(sql`select status, end_reason from enrolments where participant_id = ${family.childId}`);
    expect(enrolment).toEqual({ status: 'cancelled', end_reason: 'account_frozen' });
    // Nor can its navigator open the results by their address.
    expect((await results()).status).toBe(404);

    // The other parent is told, and may not take back what it did not ask for.
    const told = await t.rows<{ title: string; body: string }>(sql`select title, body from notifications where account_id = ${secondParentId} and kind = 'data_rights.erasure_requested'`);
    expect(told).toEqual([expect.objectContaining({ title: 'Запрошено удаление учётной записи ребёнка', body: expect.stringMatching(/Второй родитель.*будут удалены \d{2}\.\d{2}\.\d{4}/) })]);
    expect((await t.api('GET', `/api/data-rights/erasure?subjectId=${family.childId}`, { cookie: secondParent.cookie })).body.pending).toMatchObject({ requestedByCaller: false });
    expect((await t.api('POST', '/api/data-rights/erasure/cancel', { cookie: secondParent.cookie, body: { subjectId: family.childId } })).status).toBe(404);

    const twice = await t.api('POST', '/api/data-rights/erasure', { cookie: family.parentCookie, body: { subjectId: family.childId } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/уже запрошено/);

    const otherParent = await confirmedParent(t);
    for (const path of ['/api/data-rights/erasure', '/api/data-rights/erasure/cancel']) {
      const res = await t.api('POST', path, { cookie: otherParent.cookie, body: { subjectId: family.childId } });
      expect(res.status, path).toBe(404);
    }
    expect((await t.api('POST', '/api/data-rights/erasure', { cookie: family.parentCookie, body: { subjectId: 'не-id' } })).status).toBe(400);

    const cancelled = await t.api('POST', '/api/data-rights/erasure/cancel', { cookie: family.parentCookie, body: { subjectId: family.childId } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.pending).toBeNull();
    const [account] = await t.rows<{ status: string }>(sql`select status from accounts where id = ${family.childId}`);
    expect(account!.status).toBe('active');
    expect((await t.api('POST', '/api/data-rights/erasure/cancel', { cookie: family.parentCookie, body: { subjectId: family.childId } })).status).toBe(404);
  });

  it('erases everything when the period ends, scans included, keeping an act without personal data and the KPI counts', async () => {
    const family = await testedFamily(t, w);
    const scan = await paperConsentScan(t, w.s.schoolId, w.s.school.accountId, family.childId);
    const signedOut = await supportRequest(t, { requesterId: null, email: family.childEmail.toUpperCase(), text: 'Вопрос без входа' });
    const attachment = await supportAttachment(t, signedOut);
    await refreshFigures(t.app.ctx);
    const registered = await registeredInAll();

    expect((await t.api('POST', '/api/data-rights/erasure', { cookie: family.parentCookie, body: { subjectId: family.childId } })).status).toBe(201);
    // Not due yet: the job leaves the account alone.
    expect(await eraseDueAccounts(t.app.ctx, t.app.log)).toBe(0);
    expect(await eraseDueAccounts(t.app.ctx, t.app.log, { now: new Date(Date.now() + (ERASURE_GRACE_DAYS + 1) * DAY_MS) })).toBe(1);
    // The school's kept count of pupils follows the erasure.
    const [school] = await t.rows<{ kept: number; counted: number }>(
      sql`select pupils_count as kept, (select count(*)::int from participant_profiles where school_id = ${w.s.schoolId}) as counted from schools where id = ${w.s.schoolId}`,
    );
    expect(school!.kept).toBe(school!.counted);

    for (const table of ['accounts', 'participant_profiles']) {
      const column = table === 'accounts' ? 'id' : 'account_id';
      expect(await t.rows(sql.raw(`select 1 from ${table} where ${column} = '${family.childId}'`))).toHaveLength(0);
    }
    for (const table of ['consents', 'family_links']) {
      expect(await t.rows(sql.raw(`select 1 from ${table} where child_id = '${family.childId}'`))).toHaveLength(0);
    }
    for (const table of ['diagnostic_attempts', 'footprint_contributions', 'enrolments', 'paper_consents']) {
      expect(await t.rows(sql.raw(`select 1 from ${table} where participant_id = '${family.childId}'`)), table).toHaveLength(0);
    }
    expect(await t.rows(sql`select 1 from outgoing_mail where "to" = ${family.childEmail}`)).toHaveLength(0);
    // What the pupil sent without signing in is the pupil's too.
    expect(await t.rows(sql`select 1 from support_requests where id = ${signedOut}`)).toHaveLength(0);
    expect(await t.app.ctx.files.get(FILE_KINDS.paperConsents, scan.id)).toBeNull();
    expect(await t.app.ctx.files.get(FILE_KINDS.support, attachment)).toBeNull();

    const [act] = await t.rows<{ grounds: string; job: string; data_classes: Array<{ dataClass: string; rows: number }>; files_destroyed: number; subject_role: string }>(
      sql`select d.* from destruction_records d join erasure_requests r on r.id = d.erasure_request_id where r.requested_by = ${family.parentId}`,
    );
    expect(act!.job).toBe('data-rights-erasure');
    expect(act!.grounds).toMatch(/законного представителя/);
    expect(act!.subject_role).toBe('participant');
    expect(act!.files_destroyed).toBe(2);
    expect(act!.data_classes).toEqual(expect.arrayContaining([{ dataClass: 'account', rows: 1 }, { dataClass: 'diagnostic_attempts', rows: 1 }, { dataClass: 'paper_consents', rows: 1 }]));
    const kept = JSON.stringify(await t.rows(sql`select * from destruction_records`)) + JSON.stringify(await t.rows(sql`select * from erasure_requests where status = 'erased'`));
    expect(kept).not.toContain(family.childId);
    expect(kept).not.toContain(family.childEmail);

    // The figures keep the pupil's count, and the refresh runs on without it.
    await refreshFigures(t.app.ctx);
    expect(await registeredInAll()).toBe(registered);
    expect(await t.rows(sql`select 1 from kpi_contributions where source_id = ${family.childId}`)).toHaveLength(0);

    // Erasing again: the account is gone.
    expect((await t.api('POST', '/api/data-rights/erasure', { cookie: family.parentCookie, body: { subjectId: family.childId } })).status).toBe(404);
    expect((await t.api('GET', `/api/data-rights/archive?subjectId=${family.childId}`, { cookie: family.parentCookie })).status).toBe(404);
  });

  it('lets a pupil of 14 erase its own account but not a younger one, and nobody staff', async () => {
    const young = await registerPupil(t, { birthDate: birthDateForAge(12), grade: 6 });
    const refused = await t.api('POST', '/api/data-rights/erasure', { cookie: young.cookie, body: {} });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/До 14 лет/);
    expect((await t.api('GET', '/api/data-rights/erasure', { cookie: young.cookie })).body).toMatchObject({ mayRequest: false });

    const older = await registerPupil(t, { birthDate: birthDateForAge(15), grade: 9 });
    const asked = await t.api('POST', '/api/data-rights/erasure', { cookie: older.cookie, body: {} });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect((await t.api('GET', '/api/auth/session', { cookie: older.cookie })).body.account).toBeNull();

    const parent = await confirmedParent(t);
    expect((await t.api('POST', '/api/data-rights/erasure', { cookie: parent.cookie, body: {} })).status).toBe(403);
    expect((await t.api('POST', '/api/data-rights/erasure', { cookie: w.s.school.cookie, body: {} })).status).toBe(403);
  });
});
