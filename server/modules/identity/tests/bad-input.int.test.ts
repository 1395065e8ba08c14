import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { birthDateForAge, confirmedParent, participantInput, registerPupil } from '@server/test/factories.js';

/**
 * Everything a person or a program could have changed, per table. The audit log and sign-in
 * failures are left out on purpose: recording refused attempts is their job. Of a session only its
 * identity counts: a request with a valid cookie renewing last_seen_at is the idle timeout working.
 */
async function fingerprint(t: TestApp): Promise<Record<string, string>> {
  const queries: Record<string, string> = {
    sessions: 'select id_hash, account_id, created_at, expires_at from sessions order by 1',
  };
  for (const table of ['accounts', 'participant_profiles', 'parent_profiles', 'family_links', 'invitations', 'consents', 'one_time_tokens', 'notifications', 'outgoing_mail']) {
    queries[table] = `select * from ${table} order by 1`;
  }
  const out: Record<string, string> = {};
  for (const [table, query] of Object.entries(queries)) {
    out[table] = crypto.createHash('sha256').update(JSON.stringify(await t.rows(sql.raw(query)))).digest('hex');
  }
  return out;
}

describe('bad input gets a clear 4xx and changes nothing', () => {
  let t: TestApp;
  let pupilCookie: string;
  let parentCookie: string;
  let childId = '';
  beforeAll(async () => {
    t = await startTestApp();
    const pupil = await registerPupil(t);
    // Delivery of the activation e-mail updates its row; let it land before rows are compared.
    await t.waitForMail(pupil.email, /Подтверди регистрацию/);
    pupilCookie = pupil.cookie;
    childId = pupil.accountId;
    parentCookie = (await confirmedParent(t)).cookie;
  });
  afterAll(() => t.close());

  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['a grade below 6', { grade: 5 }, 'grade', /6–11/],
    ['a grade above 11', { grade: 12 }, 'grade', /6–11/],
    ['a grade as text', { grade: 'седьмой' }, 'grade', /числом/],
    ['a SNILS with a wrong checksum', { snils: '112-233-445 00' }, 'snils', /Контрольное число/],
    ['a SNILS too short', { snils: '12345' }, 'snils', /11 цифр/],
    ['a birth date in the future', { birthDate: '2099-01-01' }, 'birthDate', /будущем/],
    ['an age of 8', { birthDate: birthDateForAge(8) }, 'birthDate', /от 10 до 19/],
    ['an age of 25', { birthDate: birthDateForAge(25) }, 'birthDate', /от 10 до 19/],
    ['a date that does not exist', { birthDate: '2012-02-30' }, 'birthDate', /нет в календаре/],
    ['a name over 100 characters', { lastName: 'Я'.repeat(101) }, 'lastName', /100/],
    ['a name with digits', { firstName: 'Иван2' }, 'firstName', /буквы/],
    ['a malformed e-mail', { email: 'not-an-email' }, 'email', /адрес/],
    ['a short password', { password: 'short' }, 'password', /8/],
    ['a password over 128 characters', { password: 'п'.repeat(129) }, 'password', /128/],
    ['a common password', { password: 'password123' }, 'password', /распространён/],
    ['a phone that is not Russian', { phone: '12345' }, 'phone', /\+7/],
    ['an unknown field', { isAdmin: true }, 'isAdmin', /Неизвестное поле/],
    ['a missing school', { schoolName: undefined }, 'schoolId', /школу/],
    ['a city of another region', { cityId: 1 }, 'cityId', /региона/],
    ['terms not accepted', { acceptTerms: false }, 'acceptTerms', /правилами/],
  ];

  it.each(cases)('refuses %s on the right field', async (_name, patch, field, message) => {
    const before = await fingerprint(t);
    const body = { ...(await participantInput(t)), ...patch };
    const res = await t.api('POST', '/api/registration/participant', { body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.fields?.[field], JSON.stringify(res.body)).toMatch(message);
    expect(await fingerprint(t)).toEqual(before);
  });

  it('answers malformed JSON, a wrong content type and an oversized body with 4xx', async () => {
    const before = await fingerprint(t);
    const malformed = await t.app.inject({ method: 'POST', url: '/api/registration/participant', headers: { 'content-type': 'application/json', origin: t.baseUrl }, payload: '{"lastName": "Ив' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('malformed_json');
    const text = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'text/plain', origin: t.baseUrl }, payload: 'hello' });
    expect([400, 415]).toContain(text.statusCode);
    expect(text.json().error.message).toBeTruthy();
    const huge = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'application/json', origin: t.baseUrl }, payload: JSON.stringify({ email: 'a'.repeat(2_000_000) }) });
    expect(huge.statusCode).toBe(413);
    expect(await fingerprint(t)).toEqual(before);
  });

  it('answers other people\u2019s and made-up ids with 404', async () => {
    const id = crypto.randomUUID();
    const resend = await t.api('POST', `/api/invitations/${id}/resend`, { cookie: parentCookie });
    expect(resend.status, JSON.stringify(resend.body)).toBe(404);
    const read = await t.api('POST', `/api/notifications/${id}/read`, { cookie: parentCookie });
    expect(read.status, JSON.stringify(read.body)).toBe(404);
    expect((await t.api('GET', `/api/parent/children/${childId}/personal-data`, { cookie: parentCookie })).status).toBe(404);
    expect((await t.api('GET', `/api/parent/children/not-a-uuid/personal-data`, { cookie: parentCookie })).status).toBe(400);
    expect((await t.api('GET', '/api/regions/999999/cities')).status).toBe(404);
  });

  /** Every endpoint of the identity feature, with the caller that can reach it. */
  const endpoints: Array<{ method: string; url: (id: string) => string; as?: 'pupil' | 'parent' }> = [
    { method: 'POST', url: () => '/api/registration/participant' },
    { method: 'POST', url: () => '/api/auth/sign-in' },
    { method: 'POST', url: () => '/api/auth/activate' },
    { method: 'POST', url: () => '/api/auth/password-reset' },
    { method: 'POST', url: () => '/api/auth/password' },
    { method: 'GET', url: (id) => `/api/invitations/by-token/${id}` },
    { method: 'POST', url: (id) => `/api/invitations/by-token/${id}/renew` },
    { method: 'POST', url: (id) => `/api/invitations/by-token/${id}/accept`, as: 'parent' },
    { method: 'GET', url: (id) => `/api/regions/${id}/schools` },
    { method: 'PATCH', url: () => '/api/participant/personal-data', as: 'pupil' },
    { method: 'POST', url: () => '/api/participant/invitations', as: 'pupil' },
    { method: 'POST', url: (id) => `/api/invitations/${id}/resend`, as: 'pupil' },
    { method: 'POST', url: (id) => `/api/invitations/${id}/revoke`, as: 'parent' },
    { method: 'POST', url: () => '/api/parent/confirm', as: 'parent' },
    { method: 'POST', url: () => '/api/parent/invitations', as: 'parent' },
    { method: 'POST', url: () => '/api/parent/children', as: 'parent' },
    { method: 'PATCH', url: (id) => `/api/parent/children/${id}/personal-data`, as: 'parent' },
    { method: 'POST', url: (id) => `/api/parent/children/${id}/consents`, as: 'parent' },
    { method: 'POST', url: (id) => `/api/parent/children/${id}/consents/pd_processing/withdraw`, as: 'parent' },
    { method: 'POST', url: (id) => `/api/notifications/${id}/read`, as: 'pupil' },
  ];

  const garbageBody = fc.oneof(
    fc.anything(),
    fc.dictionary(fc.constantFrom('email', 'password', 'token', 'snils', 'grade', 'birthDate', 'lastName', 'kind', 'textVersion', 'document', 'hasOvz', 'phone', 'regionId', 'cityId'), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object()), { maxKeys: 8 }),
    fc.string().map((s) => ({ raw: s })),
  );
  const garbageId = fc.oneof(fc.uuid(), fc.string({ maxLength: 60 }).map((s) => encodeURIComponent(s) || 'x'), fc.constant(null).map(() => childId));

  it('never answers generated garbage with a 5xx, and never changes a row', async () => {
    // Sessions due for renewal, so the garbage also runs through the last_seen_at refresh.
    await t.rows(sql`update sessions set last_seen_at = now() - interval '2 minutes'`);
    const before = await fingerprint(t);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), garbageId, garbageBody, async (endpoint, id, body) => {
        const cookie = endpoint.as === 'pupil' ? pupilCookie : endpoint.as === 'parent' ? parentCookie : undefined;
        const raw = typeof body === 'object' && body !== null && 'raw' in body && Object.keys(body).length === 1;
        const res = await t.app.inject({
          method: endpoint.method as 'POST',
          url: endpoint.url(id),
          headers: { origin: t.baseUrl, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
          ...(endpoint.method === 'GET' ? {} : { payload: raw ? String((body as { raw: string }).raw) : JSON.stringify(body ?? null) }),
        });
        expect(res.statusCode, `${endpoint.method} ${endpoint.url(id)} → ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json().error.message).toBeTruthy();
      }),
      { numRuns: 400 },
    );
    expect(await fingerprint(t)).toEqual(before);
  });
});
