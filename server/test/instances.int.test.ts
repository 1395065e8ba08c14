import crypto from 'node:crypto';
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyAtSchool, likertTest, publish, takeTest, uniqueSlug, type Family } from '@server/modules/diagnostics/tests/fixtures.js';
import { eventSetting, hoursFromNow, lessonInput, publishedEvent, trialInput, type EventSetting } from '@server/modules/events/tests/fixtures.js';
import { startAppProcess, type AppProcess } from './app-process.js';
import { activateFromMail } from './factories.js';
import { freePort } from './http-browser.js';
import { startLoadBalancer, type LoadBalancer } from './load-balancer.js';
import { createStaff } from './staff-factories.js';
import { startTestApp, type TestApp } from './test-app.js';

const INSTANCES = 3;
const RATE_LIMIT = 12;
/** LOCKOUT.perAccount: failures of one e-mail within 15 minutes that lock it. */
const LOCKOUT_FAILURES = 10;

/**
 * Three app instances (`server/main.ts`, as production runs it; the first with two cluster workers)
 * on one PostgreSQL database and one Redis behind a round-robin balancer: what the deployment's
 * replicas do. The data are made
 * through the API of an in-process app on the same database. Needs TEST_DATABASE_URL and
 * TEST_REDIS_URL (`.ci/run` sets both), and runs in the PostgreSQL project only: PGlite admits
 * one process.
 */
describe.skipIf(!process.env.TEST_REDIS_URL || process.env.TEST_DB !== 'postgres')('three instances behind a load balancer', () => {
  const redisUrl = `${process.env.TEST_REDIS_URL}/13`;
  const pdKey = crypto.randomBytes(32).toString('base64');
  const instances: AppProcess[] = [];
  let t: TestApp;
  let lb: LoadBalancer;
  let s: EventSetting;
  const testSlug = uniqueSlug('instances');

  /** A request through the balancer, as a browser on the platform's address sends it. */
  async function call(method: string, url: string, opts: { cookie?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = { origin: lb.url };
    if (opts.cookie) headers.cookie = opts.cookie;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${lb.url}${url}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // A 502 from the balancer or a page stays text.
    }
    return { status: res.status, body };
  }

  /** Which instances answered the requests since `from` (indices into the balancer's backends). */
  const servedSince = (from: number) => new Set(lb.served.slice(from));

  beforeAll(async () => {
    const admin = new Redis(redisUrl);
    await admin.flushdb();
    await admin.quit();
    t = await startTestApp({ PD_ENCRYPTION_KEY: pdKey });
    s = await eventSetting(t);
    await publish(t, await createStaff(t, 'methodologist'), likertTest(testSlug));

    const ports = await Promise.all(Array.from({ length: INSTANCES }, () => freePort()));
    lb = await startLoadBalancer(ports);
    const env = {
      DATABASE_URL: t.databaseUrl!,
      DATABASE_POOL_SIZE: '4',
      REDIS_URL: redisUrl,
      PD_ENCRYPTION_KEY: pdKey,
      PUBLIC_URL: lb.url,
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    };
    // The first instance is itself two node:cluster workers sharing its port, as a pod runs them.
    // Each is kept as soon as it answers, so that afterAll stops it even when another fails to start.
    await Promise.all(ports.map(async (port, n) => (instances[n] = await startAppProcess(port, n === 0 ? { ...env, WEB_CONCURRENCY: '2' } : env))));
  }, 900_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i?.stop()));
    await lb?.close();
    await t?.close();
  });

  it('counts sign-in failures across instances: the lockout holds on every one of them', async () => {
    const member = await createStaff(t, 'mentor', { regionId: s.place.regionId, venueId: s.venueId }, { signIn: false });
    const signIn = (password: string) => call('POST', '/api/auth/sign-in', { body: { email: member.email, password } });
    expect((await signIn(member.password)).status).toBe(200);

    const from = lb.served.length;
    for (let n = 0; n < LOCKOUT_FAILURES; n++) expect((await signIn(`wrong-${n}`)).status).toBe(401);
    // Round robin: no instance saw more than a third of the failures, none of them enough to lock alone.
    expect(servedSince(from).size).toBe(INSTANCES);

    const after = lb.served.length;
    const rightPassword = await Promise.all(Array.from({ length: INSTANCES }, () => signIn(member.password)));
    expect(rightPassword.map((r) => r.status)).toEqual(Array(INSTANCES).fill(401));
    expect(servedSince(after).size).toBe(INSTANCES);
  });

  it('counts one rate limit across instances, not one per process', async () => {
    const reset = (n: number) => call('POST', '/api/auth/password-reset', { body: { email: `someone-${n}@example.ru` } });
    const from = lb.served.length;
    const within = [];
    for (let n = 0; n < RATE_LIMIT; n++) within.push((await reset(n)).status);
    expect(within).toEqual(Array(RATE_LIMIT).fill(202));
    expect(servedSince(from).size).toBe(INSTANCES);
    // Each instance has seen a third of the limit; only a shared count refuses now, on every instance.
    const over = [];
    for (let n = 0; n < INSTANCES; n++) over.push((await reset(RATE_LIMIT + n)).status);
    expect(over).toEqual(Array(INSTANCES).fill(429));
  });

  it('keeps an enrolment rush exact through the balancer: no overbooking, every acknowledged enrolment kept, seats = capacity − enrolled', async () => {
    const capacity = 5;
    const { eventId, token } = await publishedEvent(t, s, lessonInput(s, { capacity, startsAt: [hoursFromNow(150)] }));
    const families: Family[] = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const family = await familyAtSchool(t, s.place, s.schoolId, 7);
        const [child] = await t.rows<{ email: string }>(sql`select email from accounts where id = ${family.childId}`);
        await activateFromMail(t, child!.email);
        await takeTest(t, family.childCookie, testSlug, { q1: 4, q2: 5 });
        return family;
      }),
    );

    // Every parent presses twice at once (a double click reaching two instances).
    const presses = families.flatMap((f, i) =>
      [0, 1].map(() => ({ family: f, key: `instances-rush-${i}` })),
    );
    const from = lb.served.length;
    const answers = await Promise.all(
      presses.map((p) => call('POST', `/api/enrol-links/${token}/enrolments`, { cookie: p.family.parentCookie, body: { childId: p.family.childId, idempotencyKey: p.key } })),
    );
    expect(servedSince(from).size).toBe(INSTANCES);
    expect(answers.every((a) => [200, 201, 409].includes(a.status)), JSON.stringify(answers.map((a) => a.body))).toBe(true);

    const acknowledged = new Map<string, string>();
    answers.forEach((a, n) => {
      if (a.status !== 200 && a.status !== 201) return;
      const child = presses[n]!.family.childId;
      const id = a.body.enrolment.id as string;
      // Both presses of one family name the same enrolment, whichever instance took them.
      expect(acknowledged.get(child) ?? id).toBe(id);
      acknowledged.set(child, id);
    });
    expect(acknowledged.size).toBe(capacity);

    const rows = await t.rows<{ id: string; participant_id: string }>(
      sql`select id, participant_id from enrolments where event_id = ${eventId} and status in ('held', 'confirmed')`,
    );
    expect(new Map(rows.map((r) => [r.participant_id, r.id]))).toEqual(acknowledged);
    const [event] = await t.rows<{ seats_taken: number }>(sql`select seats_taken from events where id = ${eventId}`);
    expect(event!.seats_taken).toBe(capacity);

    // Every instance shows the card with no seat left.
    const cards = await Promise.all(Array.from({ length: INSTANCES }, () => call('GET', `/api/enrol-links/${token}`, { cookie: families[0]!.parentCookie })));
    expect(cards.map((c) => c.body.event.seatsLeft)).toEqual(Array(INSTANCES).fill(0));
  }, 300_000);

  it("scrapes an instance of two cluster workers as one: /metrics counts every worker's requests", async () => {
    const port = instances[0]!.port;
    /** A request on a connection of its own, so the cluster hands the requests to its workers in turn. */
    const get = (path: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          })
          .on('error', reject);
      });
    const healthChecks = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.startsWith('http_request_duration_seconds_count{') && line.includes('route="/api/health"'))
        .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);

    const before = healthChecks((await get('/metrics')).text);
    const requests = 20;
    for (let n = 0; n < requests; n++) expect((await get('/api/health')).status).toBe(200);
    // Each worker took about half of them; a scrape answered by either one must count them all.
    for (let scrape = 0; scrape < 4; scrape++) {
      const res = await get('/metrics');
      expect(res.status).toBe(200);
      expect(healthChecks(res.text) - before).toBeGreaterThanOrEqual(requests);
    }
  });

  it('loses no acknowledged write when an instance is killed (-9) during a stream of writes', async () => {
    const total = 60;
    const killAfter = 15;
    const acknowledged: string[] = [];
    const failed: number[] = [];
    let issued = 0;
    let killed = false;
    const victim = instances[1]!;

    const writer = async () => {
      while (issued < total) {
        const n = issued++;
        const res = await call('POST', '/api/staff/events', { cookie: s.venue.cookie, body: trialInput(s, { title: `Поток записей № ${n}`, startsAt: [hoursFromNow(300 + n)] }) });
        if (res.status === 201) acknowledged.push(...(res.body.ids as string[]));
        else failed.push(res.status);
        if (!killed && acknowledged.length >= killAfter) {
          killed = true;
          victim.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, writer));

    expect(killed).toBe(true);
    expect(victim.child.signalCode).toBe('SIGKILL');
    // Only a request cut off inside the killed process may fail, and only as the balancer's 502.
    expect(failed.every((status) => status === 502), JSON.stringify(failed)).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(total - 4);
    const stored = await t.rows<{ id: string }>(sql`select id from events where id = any(${`{${acknowledged.join(',')}}`}::uuid[])`);
    expect(stored.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
  }, 300_000);
});
