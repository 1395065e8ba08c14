import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { registerPupil } from '@server/test/factories.js';
import { createSchool, createStaff, regionByCode, totpFor, type Place, type StaffMember } from '@server/test/staff-factories.js';

/** A six-digit code that is none of the codes valid right now (the window is one step either side). */
function wrongCodeFor(secret: string): string {
  const totp = totpFor(secret);
  const valid = new Set([-30_000, 0, 30_000].map((shift) => totp.generate({ timestamp: Date.now() + shift })));
  for (let n = 0; ; n++) {
    const code = String((Number(totp.generate()) + 1 + n) % 1_000_000).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

describe('second factor (TOTP and recovery codes)', () => {
  let t: TestApp;
  let place: Place;
  beforeAll(async () => {
    t = await startTestApp();
    place = await regionByCode(t, '43');
  });
  afterAll(() => t.close());

  const passwordStep = (member: Pick<StaffMember, 'email' | 'password'>) =>
    t.api('POST', '/api/auth/sign-in', { body: { email: member.email, password: member.password } });
  const codeStep = (challenge: string, code: string) => t.api('POST', '/api/auth/sign-in/second-factor', { body: { challenge, code } });
  const factorOf = async (accountId: string) =>
    (
      await t.rows<{ totp_secret_enc: string | null; totp_pending_secret_enc: string | null; totp_enabled_at: Date | null; totp_last_step: string | null }>(
        sql`select totp_secret_enc, totp_pending_secret_enc, totp_enabled_at, totp_last_step from staff_profiles where account_id = ${accountId}`,
      )
    )[0]!;
  const auditCount = async (action: string, subjectId: string) =>
    Number((await t.rows<{ n: string }>(sql`select count(*) as n from audit_log where action = ${action} and subject_id = ${subjectId}`))[0]!.n);

  /** Sets the factor up through the pages' own routes and returns the secret and the recovery codes. */
  async function enableThroughApi(cookie: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const setup = await t.api('POST', '/api/auth/second-factor/setup', { cookie });
    expect(setup.status, JSON.stringify(setup.body)).toBe(200);
    const enabled = await t.api('POST', '/api/auth/second-factor/enable', { cookie, body: { code: totpFor(setup.body.secret).generate() } });
    expect(enabled.status, JSON.stringify(enabled.body)).toBe(200);
    return { secret: setup.body.secret, recoveryCodes: enabled.body.recoveryCodes };
  }

  it('keeps a coordinator behind the totp_setup gate until the factor is enabled', async () => {
    const coordinator = await createStaff(t, 'regional_coordinator', { regionId: place.regionId }, { totp: false });
    const { cookie } = coordinator;
    expect((await t.api('GET', '/api/auth/session', { cookie })).body.account.gate).toBe('totp_setup');
    const blocked = await t.api('GET', '/api/notifications', { cookie });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('second_factor_setup_required');
    expect((await t.api('GET', '/api/auth/second-factor', { cookie })).body).toEqual({ enabled: false, required: true, recoveryCodesLeft: 0 });

    const setup = await t.api('POST', '/api/auth/second-factor/setup', { cookie });
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.body.otpauthUri).toContain(`secret=${setup.body.secret}`);
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const pending = await factorOf(coordinator.accountId);
    expect(pending.totp_pending_secret_enc).toBeTruthy();
    expect(pending.totp_pending_secret_enc).not.toContain(setup.body.secret);
    expect(pending.totp_enabled_at).toBeNull();

    const wrong = await t.api('POST', '/api/auth/second-factor/enable', { cookie, body: { code: wrongCodeFor(setup.body.secret) } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.code).toMatch(/не подош/);
    const malformed = await t.api('POST', '/api/auth/second-factor/enable', { cookie, body: { code: '12ab56' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields.code).toMatch(/6 цифр/);
    expect((await factorOf(coordinator.accountId)).totp_enabled_at).toBeNull();
    expect((await t.api('GET', '/api/auth/session', { cookie })).body.account.gate).toBe('totp_setup');

    const enabled = await t.api('POST', '/api/auth/second-factor/enable', { cookie, body: { code: totpFor(setup.body.secret).generate() } });
    expect(enabled.status).toBe(200);
    const codes: string[] = enabled.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored = await t.rows<{ code_hash: string }>(sql`select code_hash from recovery_codes where account_id = ${coordinator.accountId}`);
    expect(stored).toHaveLength(10);
    for (const { code_hash } of stored) for (const code of codes) expect(code_hash).not.toContain(code.replace('-', ''));

    const factor = await factorOf(coordinator.accountId);
    expect(factor.totp_enabled_at).toBeTruthy();
    expect(factor.totp_pending_secret_enc).toBeNull();
    expect(factor.totp_secret_enc).not.toContain(setup.body.secret);
    expect((await t.api('GET', '/api/auth/session', { cookie })).body.account.gate).toBeNull();
    expect((await t.api('GET', '/api/notifications', { cookie })).status).toBe(200);
    expect((await t.api('GET', '/api/auth/second-factor', { cookie })).body).toEqual({ enabled: true, required: true, recoveryCodesLeft: 10 });
    expect(await auditCount('auth.second_factor.enabled', coordinator.accountId)).toBe(1);

    const disable = await t.api('POST', '/api/auth/second-factor/disable', { cookie, body: { code: codes[0] } });
    expect(disable.status).toBe(403);
    expect(disable.body.error.message).toMatch(/обязател/);
    expect((await factorOf(coordinator.accountId)).totp_enabled_at).toBeTruthy();
  });

  it('asks for a code after the password, sets no cookie until then, and spends the challenge', async () => {
    const coordinator = await createStaff(t, 'regional_coordinator', { regionId: place.regionId }, { signIn: false });
    const first = await passwordStep(coordinator);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ secondFactorRequired: true, challenge: expect.any(String) });
    expect(first.cookies.bilet_sid).toBeUndefined();
    const stored = await t.rows<{ purpose: string; token_hash: string; expires_at: Date }>(
      sql`select purpose, token_hash, expires_at from one_time_tokens where account_id = ${coordinator.accountId}`,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.purpose).toBe('second_factor');
    expect(stored[0]!.token_hash).not.toBe(first.body.challenge);
    expect(new Date(stored[0]!.expires_at).getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);

    const second = await codeStep(first.body.challenge, totpFor(coordinator.totpSecret!).generate());
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ role: 'regional_coordinator' });
    const cookie = `bilet_sid=${second.cookies.bilet_sid}`;
    expect((await t.api('GET', '/api/notifications', { cookie })).status).toBe(200);
    expect(await auditCount('auth.sign_in.succeeded', coordinator.accountId)).toBe(1);

    const again = await codeStep(first.body.challenge, totpFor(coordinator.totpSecret!).generate({ timestamp: Date.now() + 30_000 }));
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('second_factor_challenge_invalid');
    expect(again.cookies.bilet_sid).toBeUndefined();
  });

  it('refuses a code from a step already used, or an older one', async () => {
    const coordinator = await createStaff(t, 'regional_coordinator', { regionId: place.regionId }, { signIn: false });
    const totp = totpFor(coordinator.totpSecret!);
    const now = totp.generate();
    const first = await passwordStep(coordinator);
    expect((await codeStep(first.body.challenge, now)).status).toBe(200);

    const second = await passwordStep(coordinator);
    const replay = await codeStep(second.body.challenge, now);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('second_factor_code_reused');
    const older = await codeStep(second.body.challenge, totp.generate({ timestamp: Date.now() - 30_000 }));
    expect(older.status).toBe(401);
    expect(older.body.error.code).toBe('second_factor_code_reused');

    const next = await codeStep(second.body.challenge, totp.generate({ timestamp: Date.now() + 30_000 }));
    expect(next.status).toBe(200);
    expect(await auditCount('auth.second_factor.failed', coordinator.accountId)).toBe(2);
  });

  it('accepts each recovery code once, in any case and with spaces', async () => {
    const coordinator = await createStaff(t, 'regional_coordinator', { regionId: place.regionId }, { totp: false });
    const { secret, recoveryCodes } = await enableThroughApi(coordinator.cookie);
    const member = { ...coordinator, totpSecret: secret };

    const first = await passwordStep(member);
    const typed = ` ${recoveryCodes[3]!.toUpperCase().replace('-', ' - ')} `;
    const used = await codeStep(first.body.challenge, typed);
    expect(used.status, JSON.stringify(used.body)).toBe(200);
    const cookie = `bilet_sid=${used.cookies.bilet_sid}`;
    expect((await t.api('GET', '/api/auth/second-factor', { cookie })).body.recoveryCodesLeft).toBe(9);
    expect(await auditCount('auth.second_factor.recovery_used', coordinator.accountId)).toBe(1);

    const second = await passwordStep(member);
    const reused = await codeStep(second.body.challenge, recoveryCodes[3]!);
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('bad_second_factor_code');
    expect((await codeStep(second.body.challenge, recoveryCodes[4]!)).status).toBe(200);
  });

  it('counts wrong codes towards the password lockout and then refuses even the right code', async () => {
    const coordinator = await createStaff(t, 'regional_coordinator', { regionId: place.regionId }, { signIn: false });
    const first = await passwordStep(coordinator);
    for (let i = 0; i < 9; i++) {
      const res = await codeStep(first.body.challenge, wrongCodeFor(coordinator.totpSecret!));
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('bad_second_factor_code');
      expect(res.body.error.fields.code).toBeTruthy();
    }
    const tenth = await codeStep(first.body.challenge, 'aaaaa-bbbbb');
    expect(tenth.status).toBe(401);

    const locked = await codeStep(first.body.challenge, totpFor(coordinator.totpSecret!).generate());
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toMatch(/15 минут/);
    expect(locked.cookies.bilet_sid).toBeUndefined();
    const password = await passwordStep(coordinator);
    expect(password.status).toBe(401);
    expect(password.body.error.code).toBe('bad_credentials');
    expect(await auditCount('auth.second_factor.failed', coordinator.accountId)).toBe(10);
    const [factor] = await t.rows<{ totp_last_step: string | null }>(sql`select totp_last_step from staff_profiles where account_id = ${coordinator.accountId}`);
    expect(factor!.totp_last_step).toBeNull();
  });

  it('refuses bad input and unknown or expired challenges, changing nothing', async () => {
    const coordinator = await createStaff(t, 'regional_coordinator', { regionId: place.regionId }, { signIn: false });
    const first = await passwordStep(coordinator);
    const code = totpFor(coordinator.totpSecret!).generate();

    for (const body of [
      { challenge: first.body.challenge, code: '12345' },
      { challenge: first.body.challenge, code: '1234567' },
      { challenge: first.body.challenge, code: 'not a code at all' },
      { challenge: first.body.challenge, code: 123456 },
      { challenge: first.body.challenge },
      { challenge: 'short', code },
      { challenge: first.body.challenge, code, extra: true },
    ]) {
      const res = await t.api('POST', '/api/auth/sign-in/second-factor', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toBeTruthy();
    }
    const unknown = await codeStep('x'.repeat(43), code);
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('second_factor_challenge_invalid');
    expect(unknown.body.error.message).toMatch(/Введите почту и пароль/);
    expect(await auditCount('auth.second_factor.failed', coordinator.accountId)).toBe(0);
    expect((await factorOf(coordinator.accountId)).totp_last_step).toBeNull();

    await t.rows(sql`update one_time_tokens set expires_at = now() - interval '1 second' where account_id = ${coordinator.accountId}`);
    const expired = await codeStep(first.body.challenge, code);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('second_factor_challenge_invalid');
    expect((await factorOf(coordinator.accountId)).totp_last_step).toBeNull();

    const fresh = await passwordStep(coordinator);
    expect((await codeStep(fresh.body.challenge, code)).status).toBe(200);
  });

  it('lets a school turn the factor on and off, and renew its recovery codes', async () => {
    const school = await createSchool(t, place);
    const member = await createStaff(t, 'school', { regionId: place.regionId, schoolId: school.id });
    const { cookie } = member;
    expect((await t.api('GET', '/api/auth/second-factor', { cookie })).body).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
    const notOn = await t.api('POST', '/api/auth/second-factor/recovery-codes', { cookie, body: { code: '123456' } });
    expect(notOn.status).toBe(409);

    const { secret, recoveryCodes } = await enableThroughApi(cookie);
    const withFactor = { ...member, totpSecret: secret };
    expect((await passwordStep(withFactor)).body.secondFactorRequired).toBe(true);

    const renewed = await t.api('POST', '/api/auth/second-factor/recovery-codes', { cookie, body: { code: recoveryCodes[0] } });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    expect(renewed.body.recoveryCodes).not.toContain(recoveryCodes[1]);
    expect(await auditCount('auth.recovery_codes.renewed', member.accountId)).toBe(1);
    const challenge = (await passwordStep(withFactor)).body.challenge;
    expect((await codeStep(challenge, recoveryCodes[1]!)).status).toBe(401);

    const wrong = await t.api('POST', '/api/auth/second-factor/disable', { cookie, body: { code: wrongCodeFor(secret) } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.code).toBeTruthy();
    expect((await factorOf(member.accountId)).totp_enabled_at).toBeTruthy();

    const off = await t.api('POST', '/api/auth/second-factor/disable', { cookie, body: { code: renewed.body.recoveryCodes[0] } });
    expect(off.status).toBe(200);
    expect(await auditCount('auth.second_factor.disabled', member.accountId)).toBe(1);
    const factor = await factorOf(member.accountId);
    expect(factor.totp_enabled_at).toBeNull();
    expect(factor.totp_secret_enc).toBeNull();
    expect((await t.rows(sql`select 1 from recovery_codes where account_id = ${member.accountId}`)).length).toBe(0);
    const plain = await passwordStep(member);
    expect(plain.body).toEqual({ role: 'school' });
    expect(plain.cookies.bilet_sid).toBeTruthy();
  });

  it('keeps pupils and strangers away from the second-factor routes', async () => {
    const pupil = await registerPupil(t);
    for (const [method, url, body] of [
      ['GET', '/api/auth/second-factor', undefined],
      ['POST', '/api/auth/second-factor/setup', undefined],
      ['POST', '/api/auth/second-factor/enable', { code: '123456' }],
      ['POST', '/api/auth/second-factor/disable', { code: '123456' }],
      ['POST', '/api/auth/second-factor/recovery-codes', { code: '123456' }],
    ] as const) {
      expect((await t.api(method, url, { cookie: pupil.cookie, body })).status, `${method} ${url} as a pupil`).toBe(403);
      expect((await t.api(method, url, { body: method === 'POST' ? { code: 'garbage' } : undefined })).status, `${method} ${url} signed out`).toBe(401);
    }
  });
});
