/**
 * Enrolment benchmarks of practical events, on PostgreSQL, against two app processes on two ports:
 *
 * - Rush: 5,000 distinct eligible pupils' parents enrol them, 200 at a time, into one 15-seat
 *   professional-mastery lesson through its registration link. Exactly 15 must be confirmed (checked
 *   against the HTTP answers, the enrolments table and the event's seats_taken) and nothing may
 *   answer 5xx; either failure fails the benchmark.
 * - Throughput: 3,000 enrolments spread over 200 lessons of 15 seats (low contention), as
 *   enrolments per second and as a ratio to a bare conditional-UPDATE seat-booking loop run on the
 *   same database, in the same run, at the same concurrency, through a pg Pool as large as the two
 *   processes' pools together.
 *
 * Pupils, parents, sessions, events and links are written with bulk SQL after the in-process app
 * migrated and seeded the database: going through the registration, ESIA and consent routes for
 * 8,300 families would take minutes and measure those routes, not enrolment.
 *
 * Where the time goes is printed beside the ratio: the route's own booking statement run alone
 * through a pool like the baseline's (the database's share), and the health route through both
 * processes (what HTTP, the framework and one trivial query cost on this machine).
 *
 * The processes run their jobs and deliver mail to an SMTP server in this process, as production
 * does: the families' notices and letters of the measured enrolments are written and sent on the
 * same two CPUs while the enrolments are measured. How long the families waited to be told is
 * printed too; each phase starts once the previous one's notices and letters are all out.
 */
import crypto from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { fmt, freePort, fromDist } from './support.js';

type TokensModule = typeof import('../server/lib/tokens.js');
type LinkTokenModule = typeof import('../server/modules/events/link-token.js');
type SessionModule = typeof import('../server/plugins/session.js');
type ConsentsModule = typeof import('../common/consents.js');
type EventsModule = typeof import('../common/events.js');
type EnrolmentRepositoryModule = typeof import('../server/modules/events/enrolment.repository.js');
type GostModule = typeof import('../server/modules/identity/esia/gost-signature.js');

/** 200 parents pressing the button at once, as the issue's rush asks. */
const CONNECTIONS = 200;
const RUSH_PUPILS = 5_000;
const THROUGHPUT_EVENTS = 200;
/** The warm-up's own lessons, so it leaves the measured ones untouched. */
const WARMUP_EVENTS = 20;
const THROUGHPUT_TARGET = 0.5;
/** The baseline runs this many rounds and keeps its best, so the ratio is never flattered by a slow round. */
const BASELINE_ROUNDS = 3;
/** The app's pool per process (server/db/client.ts reads the same variable with the same default). */
const APP_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const APP_PROCESSES = 2;
const GRADE = 8;
const START_TIMEOUT_MS = 60_000;
/** How long the HTTP floor (the health route, one trivial query) is loaded. */
const FLOOR_SECONDS = 3;
/** How long the notices and letters of a phase may take to go out before the benchmark fails. */
const DRAIN_TIMEOUT_MS = 120_000;

export interface EnrolmentBenchOptions {
  /** The compiled server (dist/); the app processes run dist/server/main.js as `npm start` does. */
  dist: string;
  databaseUrl: string | undefined;
  postgres: boolean;
  /** Scratch space of this run; each app process gets its own data directory under it. */
  dataDir: string;
  /** The master key (base64) the in-process app uses, so every process encrypts and decrypts alike. */
  masterKey: string;
  /** The app's personal-data encryption, for the links' stored tokens (shown again to staff). */
  encrypt(plain: string): string;
}

export interface EnrolmentBenchReport {
  /** Printed after the other figures. */
  text: string;
  /** Why the figures are not valid or a hard requirement failed; non-empty fails the benchmark. */
  failures: string[];
}

interface Family {
  childId: string;
  /** The parent's session cookie value (the token whose hash is the session row's id). */
  sid: string;
}

interface Lesson {
  id: string;
  token: string;
}

interface LoadResult {
  seconds: number;
  statuses: Map<number, number>;
  p99: number;
  errors: number;
  timeouts: number;
  /** Requests autocannon built; more than planned means it re-sent after a dropped connection. */
  built: number;
}



function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A running app process: `node dist/server/main.js`, exactly what `npm start` runs in production. */
class AppProcess {
  private tail = '';
  private exited: string | null = null;
  readonly child: ChildProcess;

  constructor(
    readonly port: number,
    dist: string,
    env: NodeJS.ProcessEnv,
  ) {
    // BENCH_PROFILE_DIR: each app process writes a CPU profile there when it stops, to see where the time goes.
    const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    this.child = spawn(process.execPath, [...profile, path.join(dist, 'server/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Both streams are drained (a full pipe would stall the server) and their end kept for a failure message.
    const keep = (chunk: Buffer) => {
      this.tail = (this.tail + chunk.toString('utf8')).slice(-2000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.child.on('exit', (code, signal) => {
      this.exited = `exited with ${signal ?? `code ${code}`}`;
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Polls the health route: the process answers only after migrating and seeding reference data. */
  async ready(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`The app process on port ${this.port} ${this.exited}:\n${this.tail}`);
      try {
        const res = await fetch(`${this.url}/api/health`);
        if (res.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`The app process on port ${this.port} did not answer /api/health within ${START_TIMEOUT_MS / 1000} s:\n${this.tail}`);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }
}

/** Without a callback autocannon returns its run tracker, which is also a promise of the result. */
type Run = Promise<autocannon.Result> & Pick<autocannon.Instance, 'stop' | 'on'>;

export function createEnrolmentBench(opts: EnrolmentBenchOptions) {
  const apps: AppProcess[] = [];
  const running = new Set<Run>();
  let pool: pg.Pool | undefined;
  // The mail server the processes deliver to: it takes every letter and keeps none.
  let delivered = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        delivered++;
        callback();
      });
    },
  });

  const stop = async () => {
    for (const run of running) run.stop();
    await Promise.all(apps.map((a) => a.stop()));
    await pool?.end().catch(() => undefined);
    pool = undefined;
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  };

  /**
   * Waits until every link enrolment's family was told and every letter left; how long the
   * families of `since`'s enrolments waited, from booking to notice.
   */
  async function drained(db: pg.Pool, since: Date): Promise<{ told: number; p50: number; max: number }> {
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    for (;;) {
      const { rows } = await db.query<{ unannounced: number; unsent: number }>(
        `select (select count(*)::int from enrolments where announced_at is null) as unannounced,
           (select count(*)::int from outgoing_mail where sent_at is null) as unsent`,
      );
      if (rows[0]!.unannounced === 0 && rows[0]!.unsent === 0) break;
      if (Date.now() > deadline) {
        throw new Error(`${rows[0]!.unannounced} enrolments untold and ${rows[0]!.unsent} letters unsent ${DRAIN_TIMEOUT_MS / 1000} s after the load`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { rows } = await db.query<{ told: number; p50: number | null; max: number | null }>(
      `select count(*)::int as told,
         percentile_cont(0.5) within group (order by extract(epoch from announced_at - created_at))::float8 as p50,
         max(extract(epoch from announced_at - created_at))::float8 as max
       from enrolments where source = 'link' and created_at >= $1`,
      [since],
    );
    return { told: rows[0]!.told, p50: rows[0]!.p50 ?? 0, max: rows[0]!.max ?? 0 };
  }

  /**
   * POSTs one enrolment per family, each family exactly once, split evenly between the two app
   * processes; lesson(i) names the lesson of the i-th family. Latencies and statuses are collected
   * from every response of both load generators, so p99 is over all requests, not a mean of two p99s.
   */
  async function enrolAll(families: Family[], lesson: (i: number) => Lesson, sessionCookie: string): Promise<LoadResult> {
    const statuses = new Map<number, number>();
    const latencies: number[] = [];
    let next = 0;
    const setupRequest = (req: autocannon.Request): autocannon.Request => {
      const i = next++;
      // A re-send after a dropped connection would name a family again; it is counted in `built`.
      const family = families[i % families.length]!;
      return {
        ...req,
        path: `/api/enrol-links/${lesson(i % families.length).token}/enrolments`,
        headers: { ...req.headers, cookie: `${sessionCookie}=${family.sid}` },
        body: JSON.stringify({ childId: family.childId, idempotencyKey: `bench-${family.childId}` }),
      };
    };
    const share = Math.floor(families.length / apps.length);
    const started = performance.now();
    const results = await Promise.all(
      apps.map((app, k) => {
        const amount = k === apps.length - 1 ? families.length - share * (apps.length - 1) : share;
        const run = autocannon({
          url: `${app.url}/api/enrol-links/x/enrolments`,
          method: 'POST',
          connections: Math.min(amount, Math.floor(CONNECTIONS / apps.length)),
          amount,
          headers: { 'content-type': 'application/json' },
          requests: [{ setupRequest }],
        }) as Run;
        running.add(run);
        run.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          latencies.push(ms);
        });
        // The tracker is a thenable, not a Promise: it has no finally of its own.
        return Promise.resolve(run).finally(() => running.delete(run));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      seconds,
      statuses,
      p99: percentile(latencies, 99),
      errors: results.reduce((n, r) => n + r.errors, 0),
      timeouts: results.reduce((n, r) => n + r.timeouts, 0),
      built: next,
    };
  }

  /**
   * The baseline: nothing but the seat booking every enrolment needs, the conditional UPDATE the
   * events table's check guards, at the same concurrency and through as many connections as the two
   * app processes have. Each lesson gets as many bookings as it has seats, as in the measured run.
   */
  async function bareBookings(baseline: pg.Pool, lessons: Lesson[], bookings: number): Promise<{ seconds: number; booked: number }> {
    let next = 0;
    let booked = 0;
    const worker = async () => {
      for (let i = next++; i < bookings; i = next++) {
        const res = await baseline.query('update events set seats_taken = seats_taken + 1 where id = $1 and seats_taken < capacity', [lessons[i % lessons.length]!.id]);
        booked += res.rowCount ?? 0;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    return { seconds: (performance.now() - started) / 1000, booked };
  }

  /**
   * The route's booking statement alone (the server's own function and SQL, prepared per connection
   * as the route does), with the same concurrency, pool size and spread as the baseline.
   */
  async function statementOnly(
    enrolByLinkStatement: EnrolmentRepositoryModule['enrolByLinkStatement'],
    hash: { session(sid: string): string; link(token: string): string },
    families: Family[],
    lessons: Lesson[],
  ): Promise<{ seconds: number; booked: number }> {
    const statementPool = new pg.Pool({ connectionString: opts.databaseUrl, max: APP_POOL_SIZE * APP_PROCESSES });
    // Only `prepared` is used by the statement; it behaves exactly as server/db/client.ts's does on PostgreSQL.
    const database = {
      prepared: async (name: string, text: string, values: unknown[]) => (await statementPool.query({ name, text, values })).rows,
    } as unknown as Parameters<typeof enrolByLinkStatement>[0];
    try {
      await Promise.all(Array.from({ length: APP_POOL_SIZE * APP_PROCESSES }, () => statementPool.query('select 1')));
      let next = 0;
      let booked = 0;
      const worker = async () => {
        for (let i = next++; i < families.length; i = next++) {
          const family = families[i]!;
          const row = await enrolByLinkStatement(database, {
            sessionHash: hash.session(family.sid),
            idleSeconds: 30 * 60,
            tokenHash: hash.link(lessons[i % lessons.length]!.token),
            childId: family.childId,
            idempotencyKey: `bench-${family.childId}`,
            waitlist: false,
          });
          if (row?.enrolment_status === 'confirmed') booked++;
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: CONNECTIONS }, worker));
      return { seconds: (performance.now() - started) / 1000, booked };
    } finally {
      await statementPool.end();
    }
  }

  /** GET /api/health on both processes at the same concurrency: HTTP and the framework around one `select 1`. */
  async function httpFloor(): Promise<{ rps: number; non2xx: number }> {
    const results = await Promise.all(
      apps.map((app) => {
        const run = autocannon({ url: `${app.url}/api/health`, connections: Math.floor(CONNECTIONS / apps.length), duration: FLOOR_SECONDS }) as Run;
        running.add(run);
        return Promise.resolve(run).finally(() => running.delete(run));
      }),
    );
    return { rps: results.reduce((n, r) => n + r.requests.total, 0) / FLOOR_SECONDS, non2xx: results.reduce((n, r) => n + r.non2xx, 0) };
  }

  async function run(): Promise<EnrolmentBenchReport> {
    if (!opts.postgres || !opts.databaseUrl) {
      return {
        text: '\nenrolment rush and throughput: skipped — they need PostgreSQL (two app processes share one database; PGlite is embedded in one)\n',
        failures: [],
      };
    }
    const [{ hashToken }, { newLinkToken, linkTokenHash }, { SESSION_COOKIE }, { CONSENT_TEXTS }, { LESSON }, { enrolByLinkStatement }] = await Promise.all([
      fromDist<TokensModule>(opts.dist, 'server/lib/tokens.js'),
      fromDist<LinkTokenModule>(opts.dist, 'server/modules/events/link-token.js'),
      fromDist<SessionModule>(opts.dist, 'server/plugins/session.js'),
      fromDist<ConsentsModule>(opts.dist, 'common/consents.js'),
      fromDist<EventsModule>(opts.dist, 'common/events.js'),
      fromDist<EnrolmentRepositoryModule>(opts.dist, 'server/modules/events/enrolment.repository.js'),
    ]);
    const db = (pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 4 }));
    const failures: string[] = [];

    // The demo region's school hosts the lessons; the demo venue runs them in one of its competencies.
    const { rows: places } = await db.query<{ school_id: string; region_id: number; city_id: number; venue_id: string; venue_staff: string; competency_id: number }>(
      `select s.id as school_id, s.region_id, s.city_id, v.id as venue_id, va.id as venue_staff,
         (select vc.competency_id from venue_competencies vc where vc.venue_id = v.id order by vc.competency_id limit 1) as competency_id
       from accounts sa join staff_profiles ssp on ssp.account_id = sa.id join schools s on s.id = ssp.school_id,
         accounts va join staff_profiles vsp on vsp.account_id = va.id join venues v on v.id = vsp.venue_id
       where sa.email = 'school@bilet.demo' and va.email = 'venue@bilet.demo'`,
    );
    const place = places[0];
    if (!place?.competency_id) throw new Error('The demo school, venue or venue competency is missing: the bench needs the demo data');
    const { rows: tests } = await db.query<{ test_id: number; version_id: number; grade_band: string }>(
      `select t.id as test_id, v.id as version_id, v.grade_bands[1] as grade_band
       from diagnostic_tests t join diagnostic_test_versions v on v.id = t.published_version_id
       where t.kind = 'test' order by t.id limit 1`,
    );
    const test = tests[0];
    if (!test) throw new Error('No published diagnostic test: the catalogue was not synchronised');

    /**
     * Eligible families in bulk: a verified, active pupil of the lessons' grade at the demo school,
     * its parent (with an ESIA profile, as parents sign in only through ESIA), their family link, the
     * parent's current personal-data consent, one completed test, and a live parent session.
     * Ids and session tokens are made here so the cookie of each family is known without reading back.
     * The encrypted and blind-index columns hold unique placeholders: enrolment never decrypts them.
     */
    const seedFamilies = async (tag: string, n: number): Promise<Family[]> => {
      const families = Array.from({ length: n }, () => ({ parentId: crypto.randomUUID(), childId: crypto.randomUUID(), sid: crypto.randomBytes(32).toString('base64url') }));
      const parentIds = families.map((f) => f.parentId);
      const childIds = families.map((f) => f.childId);
      const sidHashes = families.map((f) => hashToken(f.sid));
      const client = await db.connect();
      try {
        await client.query('begin');
        await client.query(
          `insert into accounts (id, role, email, email_verified_at, status, last_name, first_name, birth_date)
           select id, 'parent', format('bench.%s.parent.%s@example.ru', $2::text, i), now(), 'active', 'Бенчева', 'Мария', date '1985-05-05'
           from unnest($1::uuid[]) with ordinality u(id, i)`,
          [parentIds, tag],
        );
        await client.query(
          `insert into parent_profiles (account_id, esia_subject, snils_enc, snils_bidx, esia_email)
           select id, format('bench-%s-%s', $2::text, i), 'bench-placeholder', format('bench-%s-%s', $2::text, i), format('bench.%s.parent.%s@example.ru', $2::text, i)
           from unnest($1::uuid[]) with ordinality u(id, i)`,
          [parentIds, tag],
        );
        await client.query(
          `insert into accounts (id, role, email, email_verified_at, status, last_name, first_name, birth_date)
           select id, 'participant', format('bench.%s.pupil.%s@example.ru', $2::text, i), now(), 'active', 'Бенчев', 'Артём', date '2012-03-03'
           from unnest($1::uuid[]) with ordinality u(id, i)`,
          [childIds, tag],
        );
        await client.query(
          `insert into participant_profiles (account_id, grade, region_id, city_id, school_id, snils_enc, identity_bidx, created_by_parent_id)
           select cid, $3, $4, $5, $6, 'bench-placeholder', format('bench-%s-%s', $7::text, i), pid
           from unnest($1::uuid[], $2::uuid[]) with ordinality as u(cid, pid, i)`,
          [childIds, parentIds, GRADE, place.region_id, place.city_id, place.school_id, tag],
        );
        await client.query(`insert into family_links (parent_id, child_id) select * from unnest($1::uuid[], $2::uuid[])`, [parentIds, childIds]);
        await client.query(
          `insert into consents (child_id, parent_id, kind, text_version) select c, p, 'pd_processing', $3 from unnest($1::uuid[], $2::uuid[]) u(c, p)`,
          [childIds, parentIds, CONSENT_TEXTS.pd_processing.version],
        );
        await client.query(
          `insert into diagnostic_attempts (participant_id, test_id, version_id, status, grade_band, seed, started_at, completed_at, scales)
           select c, $2, $3, 'completed', $4, 1, now() - interval '1 hour', now() - interval '30 minutes', '[]'::jsonb from unnest($1::uuid[]) c`,
          [childIds, test.test_id, test.version_id, test.grade_band],
        );
        await client.query(
          `insert into sessions (id_hash, account_id, expires_at) select h, p, now() + interval '12 hours' from unnest($1::text[], $2::uuid[]) u(h, p)`,
          [sidHashes, parentIds],
        );
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
      return families.map((f) => ({ childId: f.childId, sid: f.sid }));
    };

    /** Published lessons for grades 6–11 at the demo school, one an hour from tomorrow 09:00, each with a live link. */
    const seedLessons = async (tag: string, n: number, firstHour: number): Promise<Lesson[]> => {
      const lessons = Array.from({ length: n }, () => ({ id: crypto.randomUUID(), token: newLinkToken() }));
      await db.query(
        `insert into events (id, venue_id, competency_id, format, title, description, school_id, starts_at, ends_at, capacity,
           grade_from, grade_to, difficulty, status, submitted_at, reviewed_at, published_at, created_by)
         select id, $2, $3, 'school_lesson', format('Урок мастерства %s № %s', $6::text, i),
           'Урок профессионального мастерства для замера скорости записи', $4,
           date_trunc('day', now()) + interval '1 day 9 hours' + make_interval(hours => $7 + i::int),
           date_trunc('day', now()) + interval '1 day 9 hours' + make_interval(hours => $7 + i::int, mins => $8),
           $9, 6, 11, 'basic', 'published', now(), now(), now(), $5
         from unnest($1::uuid[]) with ordinality u(id, i)`,
        [lessons.map((l) => l.id), place.venue_id, place.competency_id, place.school_id, place.venue_staff, tag, firstHour, LESSON.durationMinutes, LESSON.maxCapacity],
      );
      await db.query(
        `insert into event_links (event_id, token_hash, token_enc, created_by) select * from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[])`,
        [lessons.map((l) => l.id), lessons.map((l) => linkTokenHash(l.token)), lessons.map((l) => opts.encrypt(l.token)), lessons.map(() => place.venue_staff)],
      );
      return lessons;
    };

    const familyCount = RUSH_PUPILS + (2 * THROUGHPUT_EVENTS + WARMUP_EVENTS) * LESSON.maxCapacity;
    process.stdout.write(`  enrolment: seeding ${fmt(familyCount)} families and ${1 + 2 * THROUGHPUT_EVENTS + WARMUP_EVENTS} lessons …\n`);
    const seedStarted = performance.now();
    const [rushLesson] = await seedLessons('rush', 1, 0);
    const warmLessons = await seedLessons('warm', WARMUP_EVENTS, 1);
    const spreadLessons = await seedLessons('spread', THROUGHPUT_EVENTS, 1 + WARMUP_EVENTS);
    const rushFamilies = await seedFamilies('rush', RUSH_PUPILS);
    const warmFamilies = await seedFamilies('warm', WARMUP_EVENTS * LESSON.maxCapacity);
    const spreadFamilies = await seedFamilies('spread', THROUGHPUT_EVENTS * LESSON.maxCapacity);
    // The statement-alone profile books its own lessons, so it leaves the measured ones untouched.
    const profileLessons = await seedLessons('profile', THROUGHPUT_EVENTS, 1 + WARMUP_EVENTS + THROUGHPUT_EVENTS);
    const profileFamilies = await seedFamilies('profile', THROUGHPUT_EVENTS * LESSON.maxCapacity);
    // Autovacuum would analyze tables that grew this much; the planner needs the statistics.
    await db.query('analyze');
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    // Two equal processes as in production behind a balancer, each with its own CPU time and pool,
    // running their jobs; the request rate limit out of reach, so every press is an enrolment.
    const smtpPort = await freePort();
    await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
    const ports = await Promise.all(Array.from({ length: APP_PROCESSES }, () => freePort()));
    // Production refuses to start without its ESIA signing pair; no one signs in through ESIA here.
    const { loadOrCreateTestKeyFiles } = await fromDist<GostModule>(opts.dist, 'server/modules/identity/esia/gost-signature.js');
    const esiaKeys = await loadOrCreateTestKeyFiles(path.join(opts.dataDir, 'esia'));
    for (const [k, port] of ports.entries()) {
      const dataDir = path.join(opts.dataDir, `app-${k + 1}`);
      fs.mkdirSync(dataDir, { recursive: true });
      apps.push(
        new AppProcess(port, opts.dist, {
          ...process.env,
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(port),
          PUBLIC_URL: 'https://bench.bilet.invalid',
          ESIA_ISSUER: 'https://esia.bench.invalid',
          ESIA_CLIENT_ID: 'BENCH',
          ESIA_SIGNING_KEY_FILE: esiaKeys.keyFile,
          ESIA_SIGNING_CERT_FILE: esiaKeys.certFile,
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          DATA_DIR: dataDir,
          DATABASE_URL: opts.databaseUrl,
          PD_ENCRYPTION_KEY: opts.masterKey,
          SEED_DEMO: 'false',
          JOBS_ENABLED: 'true',
          RATE_LIMIT_PER_MINUTE: '1000000',
          LOG_LEVEL: 'warn',
        }),
      );
    }
    await Promise.all(apps.map((a) => a.ready()));

    /** One request first, so a broken route fails with its status and body instead of 5,000 times. */
    const probe = async (lesson: Lesson, family: Family) => {
      const res = await fetch(`${apps[0]!.url}/api/enrol-links/${lesson.token}/enrolments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${family.sid}` },
        body: JSON.stringify({ childId: family.childId, idempotencyKey: `bench-${family.childId}` }),
      });
      if (res.status !== 201) throw new Error(`POST /api/enrol-links/:token/enrolments answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    };
    // The probe's family enrols in a warm-up lesson and is left out of the warm-up run.
    await probe(warmLessons[0]!, warmFamilies[0]!);

    // A parent in a rush has just opened the page, so its session was touched within the minute
    // and the route does not rewrite last_seen_at: the same state for every family and run.
    const freshenSessions = () => db.query(`update sessions set last_seen_at = now() where account_id in (select id from accounts where email like 'bench.%.parent.%')`);

    // --- Warm-up ---
    // Production processes are warm when a school sends its link out: pools connected, statements
    // prepared, the confirming path compiled. Family i enrols in lesson i mod 20, one request each.
    await freshenSessions();
    process.stdout.write(`  enrolment: warm-up over ${WARMUP_EVENTS} lessons …\n`);
    const warm = await enrolAll(warmFamilies.slice(1), (i) => warmLessons[(i + 1) % WARMUP_EVENTS]!, SESSION_COOKIE);
    const warmFailed = warm.built - (warm.statuses.get(201) ?? 0);
    if (warmFailed || warm.errors || warm.timeouts) {
      failures.push(`warm-up: ${warmFailed} of ${warm.built} not 201 (${[...warm.statuses].map(([s, c]) => `${s}×${c}`).join(', ')}), ${warm.errors} errors, ${warm.timeouts} timeouts`);
    }

    await drained(db, new Date());

    // --- Rush ---
    await freshenSessions();
    process.stdout.write(`  enrolment rush: ${fmt(RUSH_PUPILS)} pupils, ${CONNECTIONS} at a time, one ${LESSON.maxCapacity}-seat lesson, ${APP_PROCESSES} app processes …\n`);
    const rush = await enrolAll(rushFamilies, () => rushLesson!, SESSION_COOKIE);
    const { rows: rushRows } = await db.query<{ confirmed: number; seat_holding: number; waitlisted: number; seats_taken: number }>(
      `select count(*) filter (where e.status = 'confirmed')::int as confirmed,
         count(*) filter (where e.status in ('held', 'confirmed'))::int as seat_holding,
         count(*) filter (where e.status = 'waitlisted')::int as waitlisted,
         (select seats_taken from events where id = $1) as seats_taken
       from enrolments e where e.event_id = $1`,
      [rushLesson!.id],
    );
    const rushDb = rushRows[0]!;
    const count = (r: LoadResult, pick: (status: number) => boolean) => [...r.statuses].filter(([s]) => pick(s)).reduce((n, [, c]) => n + c, 0);
    const rush201 = rush.statuses.get(201) ?? 0;
    const rush409 = rush.statuses.get(409) ?? 0;
    const rush422 = rush.statuses.get(422) ?? 0;
    const rush5xx = count(rush, (s) => s >= 500);
    const rushOther = count(rush, (s) => ![201, 409, 422].includes(s) && s < 500);
    const seats = LESSON.maxCapacity;
    if (rushDb.confirmed !== seats || rushDb.seats_taken !== seats || rushDb.seat_holding !== seats || rush201 !== seats) {
      failures.push(
        `rush: ${rushDb.confirmed} confirmed enrolments, ${rushDb.seat_holding} holding a seat, seats_taken ${rushDb.seats_taken}, ${rush201} answered 201 — all must be ${seats}`,
      );
    }
    if (rush5xx) failures.push(`rush: ${rush5xx} responses were 5xx`);
    if (rush.errors || rush.timeouts || rush.built !== RUSH_PUPILS) {
      failures.push(`rush: ${rush.errors} connection errors, ${rush.timeouts} timeouts, ${rush.built} requests for ${RUSH_PUPILS} pupils`);
    }

    await drained(db, new Date());

    // --- Throughput at low contention ---
    // Family i enrols in lesson i mod N, so the 200 requests in flight at any moment touch 200 different lessons.
    const bookings = spreadFamilies.length;
    process.stdout.write(`  enrolment throughput: bare conditional UPDATE, ${fmt(bookings)} bookings over ${THROUGHPUT_EVENTS} lessons, best of ${BASELINE_ROUNDS} …\n`);
    const baselinePool = new pg.Pool({ connectionString: opts.databaseUrl, max: APP_POOL_SIZE * APP_PROCESSES });
    let baselineSeconds = Infinity;
    try {
      // Every connection opened before the clock starts, as the app processes' pools already are.
      await Promise.all(Array.from({ length: APP_POOL_SIZE * APP_PROCESSES }, () => baselinePool.query('select 1')));
      for (let round = 0; round < BASELINE_ROUNDS; round++) {
        const b = await bareBookings(baselinePool, spreadLessons, bookings);
        if (b.booked !== bookings) failures.push(`baseline round ${round + 1}: booked ${b.booked} of ${bookings} seats`);
        baselineSeconds = Math.min(baselineSeconds, b.seconds);
        // The enrolments then start from empty lessons, exactly as the baseline did.
        await db.query('update events set seats_taken = 0 where id = any($1::uuid[])', [spreadLessons.map((l) => l.id)]);
      }
    } finally {
      await baselinePool.end();
    }

    await freshenSessions();
    process.stdout.write(`  enrolment throughput: ${fmt(bookings)} enrolments over ${THROUGHPUT_EVENTS} lessons …\n`);
    const { rows: clock } = await db.query<{ now: Date }>('select now()');
    const deliveredBefore = delivered;
    const spread = await enrolAll(spreadFamilies, (i) => spreadLessons[i % THROUGHPUT_EVENTS]!, SESSION_COOKIE);
    const told = await drained(db, clock[0]!.now);
    const letters = delivered - deliveredBefore;
    const spread201 = spread.statuses.get(201) ?? 0;
    const spread5xx = count(spread, (s) => s >= 500);
    const { rows: spreadRows } = await db.query<{ confirmed: number; seats: number }>(
      `select (select count(*)::int from enrolments where event_id = any($1::uuid[]) and status = 'confirmed') as confirmed,
         (select sum(seats_taken)::int from events where id = any($1::uuid[])) as seats`,
      [spreadLessons.map((l) => l.id)],
    );
    if (spread201 !== bookings || spread.errors || spread.timeouts) {
      failures.push(
        `throughput: ${spread201} of ${bookings} answered 201 (${[...spread.statuses].map(([s, c]) => `${s}×${c}`).join(', ')}), ${spread.errors} errors, ${spread.timeouts} timeouts`,
      );
    }
    if (spread5xx) failures.push(`throughput: ${spread5xx} responses were 5xx`);
    if (told.told !== spread201) failures.push(`throughput: ${told.told} families told of ${spread201} enrolments`);
    if (spreadRows[0]!.confirmed !== bookings || spreadRows[0]!.seats !== bookings) {
      failures.push(`throughput: ${spreadRows[0]!.confirmed} confirmed enrolments and ${spreadRows[0]!.seats} seats taken for ${bookings} enrolments`);
    }

    // --- Where the time goes ---
    await freshenSessions();
    process.stdout.write(`  enrolment profile: the booking statement alone, then the health route …\n`);
    const alone = await statementOnly(enrolByLinkStatement, { session: hashToken, link: linkTokenHash }, profileFamilies, profileLessons);
    if (alone.booked !== profileFamilies.length) failures.push(`profile: the statement alone booked ${alone.booked} of ${profileFamilies.length}`);
    const statementRate = alone.booked / alone.seconds;
    await drained(db, new Date());
    const floor = await httpFloor();
    if (floor.non2xx) failures.push(`profile: GET /api/health answered ${floor.non2xx} non-2xx`);

    const enrolRate = spread201 / spread.seconds;
    const baselineRate = bookings / baselineSeconds;
    const ratio = enrolRate / baselineRate;
    const throughputValid = !failures.some((f) => f.startsWith('throughput') || f.startsWith('baseline') || f.startsWith('warm-up'));
    const rushOk = !failures.some((f) => f.startsWith('rush'));
    const text =
      `\nenrolment rush (${fmt(RUSH_PUPILS)} pupils, ${CONNECTIONS} at a time over ${APP_PROCESSES} processes, one ${seats}-seat lesson):\n` +
      `  confirmed:  ${rushDb.confirmed} (HTTP 201: ${rush201}; SQL: ${rushDb.confirmed} confirmed, seats_taken ${rushDb.seats_taken}; must be ${seats}: ${rushOk ? 'MET' : 'NOT MET'})\n` +
      `  waitlisted: ${rushDb.waitlisted}   refused: ${rush409} no seat (409), ${rush422} ineligible (422), ${rushOther} other 4xx   5xx: ${rush5xx} (must be 0)\n` +
      `  p99 ${fmt(rush.p99)} ms, ${fmt(RUSH_PUPILS / rush.seconds)} req/s, ${rush.seconds.toFixed(1)} s in all\n` +
      `enrolment ÷ bare UPDATE: ${ratio.toFixed(2)}   (${fmt(spread201)} enrolments over ${THROUGHPUT_EVENTS} lessons: ${fmt(enrolRate)} enrolments/s, ` +
      `p99 ${fmt(spread.p99)} ms; bare conditional UPDATE ${fmt(baselineRate)} bookings/s through a pool of ${APP_POOL_SIZE * APP_PROCESSES}; ` +
      `${CONNECTIONS} concurrent; target ≥ ${THROUGHPUT_TARGET}: ${!throughputValid ? 'not judged: requests failed' : ratio >= THROUGHPUT_TARGET ? 'MET' : 'NOT MET'})\n` +
      `  the families told: all ${fmt(told.told)} by the announcements job, half within ${fmt(told.p50 * 1000)} ms of booking, the last after ${told.max.toFixed(1)} s; ` +
      `their ${fmt(letters)} letters delivered to the bench's SMTP server\n` +
      `  where the time goes: the route's booking statement alone through a pool of ${APP_POOL_SIZE * APP_PROCESSES} ${fmt(statementRate)} enrolments/s ` +
      `(÷ bare UPDATE ${(statementRate / baselineRate).toFixed(2)}); GET /api/health through both processes ${fmt(floor.rps)} req/s ` +
      `(HTTP and the framework around one trivial query; ${os.cpus().length} CPUs shared by the database, both processes and the load generator)\n` +
      `  (seeding ${fmt(familyCount)} families with bulk SQL took ${seedSeconds.toFixed(1)} s)\n`;
    return { text, failures };
  }

  return {
    run: async () => {
      try {
        return await run();
      } finally {
        await stop();
      }
    },
    stop,
  };
}
