/**
 * Per-process rates of the routes a pupil's day is made of, measured from outside against a server
 * that is already running (`node dist/server/main.js` on PostgreSQL with the demo data), for the
 * capacity plan (docs/capacity.md). Pin the server to one core (`taskset -c 0`) and run this on
 * another (`taskset -c 1`), so the figures are one Node process's worth.
 *
 *   CAPACITY_URL=http://127.0.0.1:3811 npx tsx bench/capacity.ts
 *
 * It signs in as the demo pupil, completes one test unless it has a result already (so the results
 * page shows one), starts the pupil's other Likert tests for the answer saving to rotate over, then loads each route in turn
 * after a warm-up: two baselines first (a route without the database, one with a single `select 1`),
 * so a loaded machine shows in them too. BENCH_DURATION (s, default 10) and BENCH_CONNECTIONS
 * (default 20) as in bench/run.ts; the server must allow the sign-ins (RATE_LIMIT_PER_MINUTE).
 *
 * On a shared machine the rates say more about the neighbours than about the code, so it also
 * reads the CPU time each request cost, which the neighbours barely change: the server's
 * (CAPACITY_SERVER_PID, from /proc) and its PostgreSQL backends' (CAPACITY_DATABASE_URL, the
 * server's database: the backends are found in pg_stat_activity and read from /proc, so
 * PostgreSQL must run on this machine). 1000 ÷ app ms is what one core of an app node serves.
 */
import fs from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { fmt } from './support.js';

const BASE = process.env.CAPACITY_URL ?? 'http://127.0.0.1:3811';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = 2;
const PUPIL = { email: 'pupil@bilet.demo', password: 'bilet-demo-2026' };
/** Tests of grades 6–7 whose items are all Likert: any answer 1–5 is valid. */
const LIKERT_TESTS = ['interests-spheres-6-7', 'riasec-6-7', 'soft-skills-junior-6-7', 'self-organisation-6-11', 'my-plans-6-7', 'creativity-6-11'];

interface Target {
  name: string;
  path: string;
  method?: 'GET' | 'PUT';
  body?: string;
  nextPath?: () => string;
}

async function call(method: string, path: string, cookie: string, body?: unknown): Promise<Response> {
  return fetch(`${BASE}${path}`, {
    method,
    headers: { cookie, origin: BASE, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function json<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

async function signIn(): Promise<{ cookie: string; pupilId: string }> {
  const res = await call('POST', '/api/auth/sign-in', '', PUPIL);
  if (!res.ok) throw new Error(`Sign-in answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const session = await json<{ account: { id: string } }>(await call('GET', '/api/auth/session', cookie), 'The session');
  return { cookie, pupilId: session.account.id };
}

/** An attempt of each test with its item ids: finished ones are skipped, an open one is resumed. */
async function openAttempts(cookie: string): Promise<Array<{ id: string; items: string[] }>> {
  const attempts: Array<{ id: string; items: string[] }> = [];
  for (const slug of LIKERT_TESTS) {
    const res = await call('POST', `/api/diagnostics/tests/${slug}/attempts`, cookie);
    if (!res.ok) continue;
    const { attemptId } = (await res.json()) as { attemptId: string };
    const attempt = await json<{ test: { items: Array<{ id: string; type: string }> } }>(await call('GET', `/api/diagnostics/attempts/${attemptId}`, cookie), 'An attempt');
    if (attempt.test.items.every((i) => i.type === 'likert')) attempts.push({ id: attemptId, items: attempt.test.items.map((i) => i.id) });
  }
  return attempts;
}

const CLOCK_TICKS = 100;

/** User and system CPU seconds of each of these processes so far; a process gone is left out. */
function cpuSeconds(pids: readonly number[]): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name in parentheses: state is the 3rd field, utime the 14th, stime the 15th.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    seconds.set(pid, (Number(rest[11]) + Number(rest[12])) / CLOCK_TICKS);
  }
  return seconds;
}

/**
 * CPU seconds spent between two readings. The pool closes idle connections and opens new ones, so
 * a process that started meanwhile counts whole; one that ended meanwhile is lost (an underestimate).
 */
function spent(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** The server process and its database backends, whose CPU time a route's requests are charged. */
async function cpuProbe(): Promise<{ appPids: number[]; dbPids(): Promise<number[]>; close(): Promise<void> }> {
  const appPids = process.env.CAPACITY_SERVER_PID ? [Number(process.env.CAPACITY_SERVER_PID)] : [];
  if (!process.env.CAPACITY_DATABASE_URL) return { appPids, dbPids: async () => [], close: async () => undefined };
  const client = new pg.Client({ connectionString: process.env.CAPACITY_DATABASE_URL });
  await client.connect();
  return {
    appPids,
    dbPids: async () =>
      (await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows.map((r) => r.pid),
    close: () => client.end(),
  };
}

async function load(t: Target, cookie: string, duration: number) {
  const requests = t.nextPath ? [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: t.nextPath!() }) }] : undefined;
  const headers = { cookie, origin: BASE, ...(t.body ? { 'content-type': 'application/json' } : {}) };
  return autocannon({ url: `${BASE}${t.path}`, connections: CONNECTIONS, duration, method: t.method ?? 'GET', headers, body: t.body, requests });
}

async function main(): Promise<number> {
  const { cookie, pupilId } = await signIn();
  let attempts = await openAttempts(cookie);
  // One finished test, so the results page and the footprint have something to show.
  const { results } = await json<{ results: unknown[] }>(await call('GET', `/api/pupils/${pupilId}/diagnostics/results`, cookie), 'The results');
  if (results.length === 0 && attempts.length > 1) {
    const finished = attempts[0]!;
    for (const item of finished.items) await json(await call('PUT', `/api/diagnostics/attempts/${finished.id}/answers/${item}`, cookie, { value: 4 }), 'An answer');
    await json(await call('POST', `/api/diagnostics/attempts/${finished.id}/complete`, cookie), 'Completing');
    attempts = attempts.slice(1);
  }
  if (attempts.length === 0) throw new Error('No Likert test is open to the pupil for saving answers: run this against a fresh demo database');
  let turn = 0;
  const nextAnswer = () => {
    const n = turn++;
    const attempt = attempts[n % attempts.length]!;
    return `/api/diagnostics/attempts/${attempt.id}/answers/${attempt.items[Math.floor(n / attempts.length) % attempt.items.length]}`;
  };
  const targets: Target[] = [
    { name: 'GET /api/auth/config (no database)', path: '/api/auth/config' },
    { name: 'GET /api/health (select 1)', path: '/api/health' },
    { name: 'GET /api/participant/cabinet', path: '/api/participant/cabinet' },
    { name: 'GET /api/events/catalogue', path: '/api/events/catalogue' },
    { name: 'GET /api/diagnostics/catalogue', path: '/api/diagnostics/catalogue' },
    { name: 'GET /api/pupils/:id/diagnostics/results', path: `/api/pupils/${pupilId}/diagnostics/results` },
    { name: 'GET /api/pupils/:id/footprint', path: `/api/pupils/${pupilId}/footprint` },
    { name: 'PUT …/answers/:itemId (save one answer)', path: nextAnswer(), method: 'PUT', body: JSON.stringify({ value: 3 }), nextPath: nextAnswer },
  ];
  const probe = await cpuProbe();
  process.stdout.write(`${BASE}: autocannon, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per route\n\n`);
  const header = ['route', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'app ms/req', 'db ms/req', 'req/s/core'];
  process.stdout.write(`${header[0]!.padEnd(44)}${header.slice(1).map((h) => h.padStart(12)).join('')}\n`);
  let failed = false;
  for (const t of targets) {
    await load(t, cookie, WARMUP);
    const before = { app: cpuSeconds(probe.appPids), db: cpuSeconds(await probe.dbPids()) };
    const r = await load(t, cookie, DURATION);
    const dbPids = await probe.dbPids();
    const requests = r.requests.total;
    const appMs = (spent(before.app, cpuSeconds(probe.appPids)) * 1000) / requests;
    const dbMs = (spent(before.db, cpuSeconds(dbPids)) * 1000) / requests;
    failed ||= r.non2xx + r.errors + r.timeouts > 0;
    const cells = [
      fmt(r.requests.mean),
      fmt(r.latency.p50),
      fmt(r.latency.p99),
      fmt(r.non2xx + r.errors + r.timeouts),
      probe.appPids.length ? fmt(appMs, 2) : '–',
      dbPids.length ? fmt(dbMs, 2) : '–',
      probe.appPids.length ? fmt(1000 / appMs) : '–',
    ];
    process.stdout.write(`${t.name.padEnd(44)}${cells.map((c) => c.padStart(12)).join('')}\n`);
  }
  await probe.close();
  if (failed) process.stderr.write('\nSome requests failed: the rates above are not to be read.\n');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
