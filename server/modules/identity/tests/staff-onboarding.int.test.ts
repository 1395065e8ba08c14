import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_CONSENT } from '@common/organisations.js';
import type { Role } from '@common/roles.js';
import { inTransaction } from '@server/db/transaction.js';
import { registerPupil, uniqueEmail } from '@server/test/factories.js';
import { createSchool, createStaff, regionByCode, totpFor, type Place, type StaffMember } from '@server/test/staff-factories.js';
import { linkFrom, startTestApp, type TestApp } from '@server/test/test-app.js';
import { inviteStaff, type StaffInvitee } from '@server/modules/organisations/index.js';

describe('staff invitation, consent and gates', () => {
  let t: TestApp;
  let place: Place;
  let admin: StaffMember;
  beforeAll(async () => {
    t = await startTestApp();
    place = await regionByCode(t, '43');
    admin = await createStaff(t, 'issuer_admin');
  });
  afterAll(() => t.close());

  /** Invites through the same service the invitation routes use and returns the token from the e-mail. */
  async function invite(role: Role, scope: Partial<StaffInvitee> = {}): Promise<{ email: string; token: string; accountId: string }> {
    const email = uniqueEmail(`invited-${role}`);
    const { accountId } = await inTransaction(t.app.ctx.db, (tx, afterCommit) =>
      inviteStaff(
        t.app.ctx,
        tx,
        afterCommit,
        { role, email, lastName: 'Петрова', firstName: 'Анна', regionId: place.regionId, ...scope },
        { name: 'Елена Сотрудникова', organisation: 'Оператор программы' },
        { actorId: admin.accountId, actorRole: 'issuer_admin', ip: '127.0.0.1' },
      ),
    );
    const mail = await t.waitForMail(email, /Приглашение в платформу/);
    return { email, accountId, token: linkFrom(mail.text, '/staff-invitation').searchParams.get('token')! };
  }

  const gateOf = async (cookie: string) => (await t.api('GET', '/api/auth/session', { cookie })).body.account.gate;
  const auditCount = async (action: string, subjectId: string) =>
    Number((await t.rows<{ n: string }>(sql`select count(*) as n from audit_log where action = ${action} and subject_id = ${subjectId}`))[0]!.n);

  it('takes a school staff member from the e-mailed link through the consent gate to work', async () => {
    const school = await createSchool(t, place, 'Гимназия № 1 города Кирова');
    const { email, token, accountId } = await invite('school', { schoolId: school.id });

    const details = await t.api('GET', `/api/staff-invitations/${token}`);
    expect(details.status).toBe(200);
    expect(details.body).toEqual({
      firstName: 'Анна',
      lastName: 'Петрова',
      role: 'school',
      roleLabel: 'Школа',
      organisation: 'Гимназия № 1 города Кирова',
      email,
      inviterName: 'Елена Сотрудникова',
    });

    const common = await t.api('POST', '/api/staff-invitations/accept', { body: { token, password: 'qwerty123' } });
    expect(common.status).toBe(400);
    expect(common.body.error.fields.password).toMatch(/распростран/);
    const short = await t.api('POST', '/api/staff-invitations/accept', { body: { token, password: 'коротко' } });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.password).toBeTruthy();
    const [pending] = await t.rows<{ status: string; password_hash: string | null }>(sql`select status, password_hash from accounts where id = ${accountId}`);
    expect(pending).toEqual({ status: 'pending', password_hash: null });
    expect((await t.api('GET', `/api/staff-invitations/${token}`)).status).toBe(200);

    const accepted = await t.api('POST', '/api/staff-invitations/accept', { body: { token, password: 'мой-рабочий-пароль' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ role: 'school' });
    const cookie = `bilet_sid=${accepted.cookies.bilet_sid}`;
    const [active] = await t.rows<{ status: string; email_verified_at: Date | null }>(sql`select status, email_verified_at from accounts where id = ${accountId}`);
    expect(active!.status).toBe('active');
    expect(active!.email_verified_at).toBeTruthy();
    expect(await auditCount('staff.invitation_accepted', accountId)).toBe(1);

    const reused = await t.api('POST', '/api/staff-invitations/accept', { body: { token, password: 'другой-пароль-совсем' } });
    expect(reused.status).toBe(410);
    expect(reused.body.error.code).toBe('token_used');
    expect((await t.api('GET', `/api/staff-invitations/${token}`)).status).toBe(410);

    expect(await gateOf(cookie)).toBe('pd_consent');
    const blocked = await t.api('GET', '/api/notifications', { cookie });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('staff_consent_required');

    const consent = await t.api('GET', '/api/staff/consent', { cookie });
    expect(consent.status).toBe(200);
    expect(consent.body).toEqual({ ...STAFF_CONSENT, acceptedVersion: null, acceptedAt: null });

    const outdated = await t.api('POST', '/api/staff/consent', { cookie, body: { version: '2020-01' } });
    expect(outdated.status).toBe(409);
    expect(outdated.body.error.code).toBe('consent_outdated');
    for (const body of [{}, { version: '' }, { version: 42 }, { version: 'x'.repeat(100) }, { version: STAFF_CONSENT.version, extra: 1 }]) {
      expect((await t.api('POST', '/api/staff/consent', { cookie, body })).status, JSON.stringify(body)).toBe(400);
    }
    expect(await gateOf(cookie)).toBe('pd_consent');
    expect(await auditCount('staff.consent_given', accountId)).toBe(0);

    const given = await t.api('POST', '/api/staff/consent', { cookie, body: { version: STAFF_CONSENT.version } });
    expect(given.status).toBe(200);
    expect(given.body.acceptedVersion).toBe(STAFF_CONSENT.version);
    expect(Date.parse(given.body.acceptedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await gateOf(cookie)).toBeNull();
    expect((await t.api('GET', '/api/notifications', { cookie })).status).toBe(200);
    expect(await auditCount('staff.consent_given', accountId)).toBe(1);

    const signIn = await t.api('POST', '/api/auth/sign-in', { body: { email, password: 'мой-рабочий-пароль' } });
    expect(signIn.body).toEqual({ role: 'school' });
  });

  it('gates an invited coordinator by the second factor first, and lets it accept the consent meanwhile', async () => {
    const { token } = await invite('regional_coordinator');
    expect((await t.api('GET', `/api/staff-invitations/${token}`)).body.organisation).toBe('Кировская область');
    const accepted = await t.api('POST', '/api/staff-invitations/accept', { body: { token, password: 'координатор-кирова' } });
    const cookie = `bilet_sid=${accepted.cookies.bilet_sid}`;

    expect(await gateOf(cookie)).toBe('totp_setup');
    expect((await t.api('POST', '/api/staff/consent', { cookie, body: { version: STAFF_CONSENT.version } })).status).toBe(200);
    expect(await gateOf(cookie)).toBe('totp_setup');

    const setup = await t.api('POST', '/api/auth/second-factor/setup', { cookie });
    const enabled = await t.api('POST', '/api/auth/second-factor/enable', { cookie, body: { code: totpFor(setup.body.secret).generate() } });
    expect(enabled.status).toBe(200);
    expect(await gateOf(cookie)).toBeNull();
    expect((await t.api('GET', '/api/notifications', { cookie })).status).toBe(200);
  });

  it('names the programme operator for the issuer\u2019s own staff', async () => {
    const { token } = await invite('methodologist', { regionId: null });
    const details = await t.api('GET', `/api/staff-invitations/${token}`);
    expect(details.body.organisation).toBe('Оператор программы');
    expect(details.body.roleLabel).toBe('Методолог');
  });

  it('explains expired, unknown, revoked and malformed links', async () => {
    const expired = await invite('methodologist', { regionId: null });
    await t.rows(sql`update one_time_tokens set expires_at = now() - interval '1 minute' where account_id = ${expired.accountId}`);
    const late = await t.api('GET', `/api/staff-invitations/${expired.token}`);
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('token_expired');
    expect(late.body.error.message).toMatch(/Срок приглашения истёк/);
    expect((await t.api('POST', '/api/staff-invitations/accept', { body: { token: expired.token, password: 'пароль-после-срока' } })).status).toBe(410);
    const [stillPending] = await t.rows<{ status: string }>(sql`select status from accounts where id = ${expired.accountId}`);
    expect(stillPending!.status).toBe('pending');

    const unknown = await t.api('GET', `/api/staff-invitations/${'a'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/не найдено/);
    expect((await t.api('POST', '/api/staff-invitations/accept', { body: { token: 'a'.repeat(43), password: 'какой-то-пароль' } })).status).toBe(404);

    const revoked = await invite('methodologist', { regionId: null });
    await t.rows(sql`update accounts set status = 'disabled' where id = ${revoked.accountId}`);
    expect((await t.api('GET', `/api/staff-invitations/${revoked.token}`)).status).toBe(410);
    expect((await t.api('POST', '/api/staff-invitations/accept', { body: { token: revoked.token, password: 'какой-то-пароль' } })).status).toBe(410);

    expect((await t.api('GET', '/api/staff-invitations/not%20a%20token')).status).toBe(400);
    for (const body of [{}, { token: 'short', password: 'какой-то-пароль' }, { token: 'a'.repeat(43) }, { token: 'a'.repeat(43), password: 'x'.repeat(200) }]) {
      const res = await t.api('POST', '/api/staff-invitations/accept', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toBeTruthy();
    }
  });

  it('keeps the consent routes for staff', async () => {
    const pupil = await registerPupil(t);
    expect((await t.api('GET', '/api/staff/consent', { cookie: pupil.cookie })).status).toBe(403);
    expect((await t.api('POST', '/api/staff/consent', { cookie: pupil.cookie, body: { version: STAFF_CONSENT.version } })).status).toBe(403);
    expect((await t.api('GET', '/api/staff/consent')).status).toBe(401);
    expect((await t.api('POST', '/api/staff/consent', { body: { version: 1 } })).status).toBe(401);
    const consented = await t.api('GET', '/api/staff/consent', { cookie: admin.cookie });
    expect(consented.body.acceptedVersion).toBe(STAFF_CONSENT.version);
  });
});
