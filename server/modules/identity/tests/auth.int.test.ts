import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, linkFrom, type TestApp } from '@server/test/test-app.js';
import { registerPupil, uniqueEmail } from '@server/test/factories.js';

describe('sign-in, sessions and passwords', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in with a fresh httpOnly, SameSite=Lax session and ends it on the server at sign-out', async () => {
    const pupil = await registerPupil(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin: t.baseUrl, cookie: pupil.cookie },
      payload: { email: pupil.email.toUpperCase(), password: pupil.password },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const fresh = `bilet_sid=${res.cookies.find((c) => c.name === 'bilet_sid')!.value}`;
    expect(fresh).not.toBe(pupil.cookie);
    expect((await t.api('GET', '/api/participant/cabinet', { cookie: pupil.cookie })).status).toBe(401);

    expect((await t.api('POST', '/api/auth/sign-out', { cookie: fresh })).status).toBe(200);
    expect((await t.api('GET', '/api/participant/cabinet', { cookie: fresh })).status).toBe(401);
    expect((await t.api('GET', '/api/auth/session', { cookie: fresh })).body.account).toBeNull();
  });

  it('ends a session that stayed idle past the timeout', async () => {
    const pupil = await registerPupil(t);
    await t.rows(sql`update sessions set last_seen_at = now() - interval '2 hours'`);
    expect((await t.api('GET', '/api/participant/cabinet', { cookie: pupil.cookie })).status).toBe(401);
  });

  it('answers a wrong password and an unknown e-mail identically, and locks after 10 failures', async () => {
    const pupil = await registerPupil(t);
    const wrong = await t.api('POST', '/api/auth/sign-in', { body: { email: pupil.email, password: 'не-тот-пароль' } });
    const unknown = await t.api('POST', '/api/auth/sign-in', { body: { email: uniqueEmail('nobody'), password: 'не-тот-пароль' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);

    for (let i = 0; i < 9; i++) {
      await t.api('POST', '/api/auth/sign-in', { body: { email: pupil.email.toUpperCase(), password: `wrong-${i}-password` } });
    }
    const locked = await t.api('POST', '/api/auth/sign-in', { body: { email: pupil.email, password: pupil.password } });
    expect(locked.status).toBe(401);
    expect(locked.body).toEqual(wrong.body);
    const audit = await t.rows<{ action: string }>(sql`select action from audit_log where action like 'auth.sign_in.%' order by id desc limit 1`);
    expect(audit[0]!.action).toBe('auth.sign_in.locked');
  });

  it('locks an address after 50 failures within 15 minutes', async () => {
    const headers = { 'x-test': 'addr' };
    for (let i = 0; i < 50; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: '10.9.8.7', headers: { origin: t.baseUrl, ...headers }, payload: { email: uniqueEmail('probe'), password: 'something-wrong' } });
    }
    const pupil = await registerPupil(t);
    const fromLockedAddress = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '10.9.8.7',
      headers: { origin: t.baseUrl },
      payload: { email: pupil.email, password: pupil.password },
    });
    expect(fromLockedAddress.statusCode).toBe(401);
    const elsewhere = await t.api('POST', '/api/auth/sign-in', { body: { email: pupil.email, password: pupil.password } });
    expect(elsewhere.status).toBe(200);
  });

  it('resets a password by a single-use link and ends the old sessions', async () => {
    const pupil = await registerPupil(t);
    const unknown = await t.api('POST', '/api/auth/password-reset', { body: { email: uniqueEmail('ghost') } });
    const known = await t.api('POST', '/api/auth/password-reset', { body: { email: pupil.email } });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);

    const token = linkFrom((await t.waitForMail(pupil.email, /Восстановление пароля/)).text, '/password/new').searchParams.get('token');
    const common = await t.api('POST', '/api/auth/password', { body: { token, password: 'qwerty123' } });
    expect(common.status).toBe(400);
    expect(common.body.error.fields.password).toMatch(/распростран/);

    expect((await t.api('POST', '/api/auth/password', { body: { token, password: 'новый-длинный-пароль' } })).status).toBe(200);
    expect((await t.api('POST', '/api/auth/password', { body: { token, password: 'ещё-один-пароль' } })).status).toBe(410);
    expect((await t.api('GET', '/api/participant/cabinet', { cookie: pupil.cookie })).status).toBe(401);
    expect((await t.api('POST', '/api/auth/sign-in', { body: { email: pupil.email, password: 'новый-длинный-пароль' } })).status).toBe(200);
  });

  it('refuses an expired reset link with 410', async () => {
    const pupil = await registerPupil(t);
    await t.api('POST', '/api/auth/password-reset', { body: { email: pupil.email } });
    const token = linkFrom((await t.waitForMail(pupil.email, /Восстановление пароля/)).text, '/password/new').searchParams.get('token');
    await t.rows(sql`update one_time_tokens set expires_at = now() - interval '1 minute' where purpose = 'password_reset'`);
    const res = await t.api('POST', '/api/auth/password', { body: { token, password: 'новый-длинный-пароль' } });
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('token_expired');
  });

  it('refuses state-changing requests from another origin', async () => {
    const pupil = await registerPupil(t);
    const res = await t.api('POST', '/api/auth/sign-out', { cookie: pupil.cookie, headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect((await t.api('GET', '/api/participant/cabinet', { cookie: pupil.cookie })).status).toBe(200);
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: pupil.cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(403);
  });

  it('keeps parents off the password sign-in', async () => {
    const res = await t.api('POST', '/api/auth/sign-in', { body: { email: 'ivanova.parent@example.ru', password: 'anything-at-all' } });
    expect(res.status).toBe(401);
  });
});
