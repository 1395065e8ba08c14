import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { activateFromMail, participantInput, registerPupil, uniqueEmail } from '@server/test/factories.js';
import { createStaff } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { familyAtSchool, likertTest, publish, takeTest, uniqueSlug } from '@server/modules/diagnostics/tests/fixtures.js';
import { eventSetting, lessonInput, publishedEvent, type EventSetting } from '@server/modules/events/tests/fixtures.js';

const TOKEN = 'scraper-token-0123456789';
let t: TestApp;
let s: EventSetting;
const testSlug = uniqueSlug('metrics');

beforeAll(async () => {
  t = await startTestApp({ METRICS_TOKEN: TOKEN });
  s = await eventSetting(t);
  await publish(t, await createStaff(t, 'methodologist'), likertTest(testSlug));
}, 120_000);

afterAll(async () => {
  await t?.close();
});

async function scrape(): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.statusCode).toBe(200);
  return res.body;
}

/** The value of one series in Prometheus's text format, 0 when it has not been counted yet. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = match[2]!.split(',');
    if (wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return 0;
}

describe('metrics at /metrics', () => {
  it('answers a scraper without the token 401, and with it the text format', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(anonymous.statusCode).toBe(401);
    const wrong = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.statusCode).toBe(401);
    const text = await scrape();
    expect(text).toContain('# TYPE bilet_registrations_total counter');
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain('nodejs_eventloop_lag_p99_seconds');
  });

  it('counts a registration once it committed, and not one refused', async () => {
    const before = await scrape();
    const pupil = await registerPupil(t);
    const taken = await t.api('POST', '/api/registration/participant', { body: await participantInput(t, { email: pupil.email }) });
    expect(taken.status).toBe(409);
    const after = await scrape();
    const self = { scenario: 'self', role: 'participant' };
    expect(sample(after, 'bilet_registrations_total', self) - sample(before, 'bilet_registrations_total', self)).toBe(1);
  });

  it('counts an enrolment by a lesson link once however often the parent presses, with the test and registrations before it', async () => {
    const before = await scrape();
    const family = await familyAtSchool(t, s.place, s.schoolId, 7);
    const [child] = await t.rows<{ email: string }>(sql`select email from accounts where id = ${family.childId}`);
    await activateFromMail(t, child!.email);
    await takeTest(t, family.childCookie, testSlug, { q1: 4, q2: 5 });
    const { token } = await publishedEvent(t, s, lessonInput(s));
    const press = () => t.api('POST', `/api/enrol-links/${token}/enrolments`, { cookie: family.parentCookie, body: { childId: family.childId, idempotencyKey: 'metrics-press-1' } });
    expect((await press()).status).toBe(201);
    expect((await press()).status).toBe(200);
    const forged = await t.api('POST', `/api/enrol-links/${'A'.repeat(43)}/enrolments`, { cookie: family.parentCookie, body: { childId: family.childId } });
    expect(forged.status).toBe(404);
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta('bilet_enrolments_total', { status: 'confirmed' })).toBe(1);
    expect(delta('bilet_enrolments_total', { status: 'waitlisted' })).toBe(0);
    expect(delta('bilet_diagnostic_attempts_completed_total', { kind: 'test' })).toBe(1);
    expect(delta('bilet_registrations_total', { scenario: 'esia', role: 'parent' })).toBe(1);
    expect(delta('bilet_registrations_total', { scenario: 'by_parent', role: 'participant' })).toBe(1);
    // Errors are labelled by the route's pattern and the status class, never by the URL or its token.
    expect(delta('http_request_errors_total', { method: 'POST', route: '/api/enrol-links/:token/enrolments', status_class: '4xx' })).toBe(1);
    expect(after).not.toContain('A'.repeat(43));
    expect(after).not.toContain(token!);
  }, 120_000);

  it('counts a support request sent from the form, and not one refused at the edge', async () => {
    const before = await scrape();
    const request = {
      regionId: s.place.regionId,
      lastName: 'Иванова',
      firstName: 'Мария',
      email: uniqueEmail('metrics-support'),
      topic: 'registration',
      text: 'Ребёнок не получил письмо для подтверждения регистрации. Что делать?',
    };
    expect((await t.api('POST', '/api/support/requests', { body: { ...request, email: 'не адрес' } })).status).toBe(400);
    expect((await t.api('POST', '/api/support/requests', { body: request })).status).toBe(201);
    const after = await scrape();
    const counted = (text: string) =>
      sample(text, 'bilet_support_requests_total', { channel: 'form', outcome: 'new' }) + sample(text, 'bilet_support_requests_total', { channel: 'form', outcome: 'no_answer' });
    expect(counted(after) - counted(before)).toBe(1);
  });

  it('reports the job queue as due jobs per queue, with the oldest one\'s wait', async () => {
    const text = await scrape();
    expect(text).toMatch(/^bilet_jobs_due\{queue="mail-sweep"\} \d+$/m);
    expect(text).toMatch(/^bilet_jobs_oldest_due_seconds\{queue="mail-sweep"\} [\d.e+-]+$/m);
    expect(text).toMatch(/^# TYPE bilet_db_pool_connections gauge$/m);
  });
});
