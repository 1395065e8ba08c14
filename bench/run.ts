/**
 * HTTP benchmark of the built server (dist/, as `npm start` runs it), in-process on 127.0.0.1:
 * a bare route, a route doing one primary-key SELECT, and the participant cabinet. The cabinet's
 * throughput relative to the one-SELECT route shows what the page costs beyond the framework and
 * one round trip to the database. A school's import of 10,000 pupils is timed end to end and set
 * against bare multi-row INSERTs of as many pupils. Saving one diagnostic answer is set against a
 * route that inserts one row, and completing a 60-item test (scoring, result, footprint) is timed.
 * On PostgreSQL, enrolment in practical events is measured against two app processes (see enrolment.ts).
 * Run through `npm run bench`, which builds the server first.
 *
 * Database: DATABASE_URL, else BENCH_DATABASE_URL, else a fresh `bilet_bench` database on the local
 * PostgreSQL (postgres://postgres@127.0.0.1:5432), else embedded PGlite in a temporary directory.
 * BENCH_DURATION (seconds, default 10) and BENCH_CONNECTIONS (default 20) tune the runs;
 * BENCH_ONLY=recommendations runs only the recommendations benchmark (bench/recommendations.ts);
 * BENCH_ONLY=intake only the intake rules of support requests (bench/intake.ts), which need no database.
 * BENCH_ONLY=help only the chat bot's (bench/help.ts).
 * BENCH_ONLY=kpi only the coordinator's KPI dashboard (bench/kpi.ts).
 * BENCH_ONLY=enrolment only enrolment (bench/enrolment.ts); BENCH_ONLY=answer only saving one answer.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import ExcelJS from 'exceljs';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import * as OTPAuth from 'otpauth';
import { createEnrolmentBench } from './enrolment.js';
import { runIntakeBench } from './intake.js';
import { REC_TARGET, checkRecommendations, seedRecommendationsData, timeFreshComputation } from './recommendations.js';
import { KPI_TARGET, checkKpiDashboard, seedKpiData } from './kpi.js';
import { HELP_QUESTION, HELP_TARGET, checkBotAnswer, freshSearchPaths, seedHelpArticles } from './help.js';
import { fmt, freePort, fromDist as fromDistOf, snilsOf } from './support.js';

type AppModule = typeof import('../server/app.js');
type ConfigModule = typeof import('../server/config.js');
type SeedModule = typeof import('../server/seed/seed.js');
type SchemaModule = typeof import('../server/db/schema/index.js');
type OrganisationsModule = typeof import('../common/organisations.js');
type ValidatorsModule = typeof import('../common/validators.js');
type ImportsModule = typeof import('../server/modules/participants/import/run-import.js');
type DiagnosticsModule = typeof import('../server/modules/diagnostics/index.js');
type DimensionsModule = typeof import('../common/diagnostics/dimensions.js');
type KpiModule = typeof import('../server/modules/kpi/index.js');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'bilet_bench';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = 2;
const TARGET = 0.7;
const ANSWER_TARGET = 0.6;
const PUPIL = { email: 'pupil@bilet.demo', password: 'bilet-demo-2026' };
const COORDINATOR = { email: 'coordinator@bilet.demo', password: 'bilet-demo-2026' };
const SCHOOLS_IN_REGION = 1000;
const SCHOOL = { email: 'school@bilet.demo', password: 'bilet-demo-2026' };
const IMPORT_ROWS = 10_000;
const IMPORT_TARGET_SECONDS = 60;
/** The oversize upload found from outside: a 2.7 MB XLSX unpacking into ~340,000 rows. */
const OVERSIZE_ROWS = 340_000;
/** What one upload may add to every other request's wait, as the event loop's longest stall. */
const STALL_TARGET_MS = 50;

const fromDist = <T>(relative: string) => fromDistOf<T>(DIST, relative);

interface ChosenDatabase {
  url: string | undefined;
  label: string;
  postgres: boolean;
  cleanup(): Promise<void>;
}

async function chooseDatabase(): Promise<ChosenDatabase> {
  const nothing = async () => undefined;
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, label: 'PostgreSQL from DATABASE_URL', postgres: true, cleanup: nothing };
  if (process.env.BENCH_DATABASE_URL) {
    return { url: process.env.BENCH_DATABASE_URL, label: 'PostgreSQL from BENCH_DATABASE_URL', postgres: true, cleanup: nothing };
  }
  const admin = new pg.Client({ connectionString: LOCAL_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
    await admin.query(`create database ${BENCH_DB}`);
    await admin.end();
    const url = new URL(LOCAL_ADMIN_URL);
    url.pathname = `/${BENCH_DB}`;
    return {
      url: url.toString(),
      label: `PostgreSQL at 127.0.0.1:5432, fresh database ${BENCH_DB}`,
      postgres: true,
      cleanup: async () => {
        const again = new pg.Client({ connectionString: LOCAL_ADMIN_URL, connectionTimeoutMillis: 3000 });
        await again.connect();
        await again.query(`drop database if exists ${BENCH_DB} with (force)`);
        await again.end();
      },
    };
  } catch (err) {
    await admin.end().catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    return { url: undefined, label: `embedded PGlite (no PostgreSQL at 127.0.0.1:5432: ${reason})`, postgres: false, cleanup: nothing };
  }
}

interface Measurement {
  name: string;
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Without a callback autocannon returns its run tracker, which is also a promise of the result. */
type Run = Promise<autocannon.Result> & Pick<autocannon.Instance, 'stop'>;
let running: Run | undefined;

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  method?: 'GET' | 'PUT' | 'POST';
  body?: string;
  /** Each request's path in turn, when requests must not all hit the same row. */
  nextPath?: () => string;
}

async function load(t: Target, duration: number): Promise<Measurement> {
  const { name, url, headers, method = 'GET', body, nextPath } = t;
  const requests = nextPath ? [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: nextPath() }) }] : undefined;
  const instance = autocannon({ url, connections: CONNECTIONS, duration, headers, method, body, requests }) as Run;
  running = instance;
  const result = await instance;
  running = undefined;
  return { name, rps: result.requests.mean, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts };
}

/** One request before loading an endpoint, so a broken route fails with its status and body. */
async function probe(t: Target): Promise<void> {
  const method = t.method ?? 'GET';
  const res = await fetch(t.url, { method, headers: t.headers, body: t.body });
  if (!res.ok) throw new Error(`${method} ${new URL(t.url).pathname} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
}

async function sendJson(baseUrl: string, method: 'POST' | 'PUT', path: string, cookie: string, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie, origin: baseUrl, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const BENCH_TEST_ITEMS = 60;
/** Answers go round this many open attempts, so concurrent requests rarely touch the same row, as with real pupils. */
const ANSWER_ATTEMPTS = 20;
const COMPLETIONS = 40;
const COMPLETION_TARGET_MS = 50;

/** A 60-item Likert test over six spheres, for the grade band of the demo pupil, retakable at once. */
function benchTestDefinition(slug: string, gradeBand: string): string {
  const spheres = ['it', 'industry', 'construction', 'health', 'education', 'creative'];
  const items = Array.from({ length: BENCH_TEST_ITEMS }, (_, i) => `  - { id: q${i + 1}, type: likert, points: 5, text: "Утверждение номер ${i + 1} о моих интересах" }`);
  const scales = spheres.map(
    (sphere, s) => `  - id: ${sphere}
    title: Интерес к сфере ${s + 1}
    keys: [${Array.from({ length: 10 }, (_, k) => `{ item: q${s * 10 + k + 1}${k % 3 === 0 ? ', reverse: true' : ''} }`).join(', ')}]
    maps: [{ dimension: sphere:${sphere} }, { dimension: awareness:${sphere}, weight: 0.5 }]
    levels: [{ from: 0, to: 49, title: Слабо, text: Интерес пока не выражен. }, { from: 50, to: 100, title: Ярко, text: Интерес выражен. }]`,
  );
  return `format: 1
slug: ${slug}
kind: test
title: Тест для замера скорости
summary: Шестьдесят утверждений
description: Создан бенчмарком
gradeBands: ["${gradeBand}"]
durationMinutes: 20
retakeAfterDays: 0
source: Бенчмарк
licence: CC BY 4.0
items:
${items.join('\n')}
scales:
${scales.join('\n')}
`;
}

async function postJson(baseUrl: string, path: string, body: unknown): Promise<Response> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res;
}

function sessionCookie(res: Response): string {
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('bilet_sid='));
  if (!cookie) throw new Error('Sign-in set no bilet_sid cookie');
  return cookie;
}

async function signIn(baseUrl: string): Promise<string> {
  return sessionCookie(await postJson(baseUrl, '/api/auth/sign-in', PUPIL));
}

/** The coordinator signs in as in production: password, then the code from its authenticator. */
async function signInCoordinator(baseUrl: string, totpSecret: string): Promise<string> {
  const first = (await (await postJson(baseUrl, '/api/auth/sign-in', COORDINATOR)).json()) as { challenge?: string };
  if (!first.challenge) throw new Error('The coordinator was not asked for a second factor');
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(totpSecret) }).generate();
  return sessionCookie(await postJson(baseUrl, '/api/auth/sign-in/second-factor', { challenge: first.challenge, code }));
}

interface BenchPupil {
  lastName: string;
  firstName: string;
  birthDate: string;
  snils: string;
  email: string;
}

/** Distinct pupils of twelve, as a class list would hold them; `series` keeps two sets apart. */
function benchPupils(series: number): BenchPupil[] {
  const last = ['Иванов', 'Смирнова', 'Кузнецов', 'Попова', 'Васильев', 'Петрова', 'Соколов', 'Михайлова'];
  const first = ['Артём', 'Мария', 'Иван', 'Анна', 'Егор', 'Софья', 'Лев', 'Алиса'];
  const year = new Date().getUTCFullYear() - 12;
  return Array.from({ length: IMPORT_ROWS }, (_, i) => ({
    lastName: last[i % last.length]!,
    firstName: first[(i >> 3) % first.length]!,
    birthDate: `${year}-03-${String((i % 28) + 1).padStart(2, '0')}`,
    snils: snilsOf(series * 100_000_000 + i),
    email: `bench.${series}.${i}@example.ru`,
  }));
}

/** Two names on every row, as the file tried from outside had; written whole, so [Content_Types].xml leads as Excel puts it. */
async function oversizeXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ученики');
  sheet.addRow(['Фамилия', 'Имя']);
  for (let i = 0; i < OVERSIZE_ROWS; i++) sheet.addRow(['Иванов', 'Иван']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The event loop's longest stall in ms while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  try {
    await work();
  } finally {
    histogram.disable();
  }
  return histogram.max / 1e6;
}

function importCsv(pupils: BenchPupil[]): Buffer {
  const header = 'Фамилия;Имя;Отчество;Дата рождения;Класс;СНИЛС;Электронная почта';
  const lines = pupils.map((p) => {
    const [y, m, d] = p.birthDate.split('-');
    return `${p.lastName};${p.firstName};;${d}.${m}.${y};7А;${p.snils};${p.email}`;
  });
  return Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`, 'utf8');
}


function printTable(rows: Measurement[]): void {
  const header = ['Endpoint', 'req/s (mean)', 'p99 (ms)', 'non-2xx', 'errors'];
  const body = rows.map((r) => [r.name, fmt(r.rps, 1), fmt(r.p99, 1), String(r.non2xx), String(r.errors)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
  process.stdout.write(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('   ')}\n${body.map(line).join('\n')}\n`);
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(DIST, 'server/app.js'))) throw new Error('dist/server/app.js is missing: run `npm run bench`, which builds it');
  // Pure CPU work, timed before the server and the database start so nothing else runs beside it.
  const intake = process.env.BENCH_ONLY && process.env.BENCH_ONLY !== 'intake' ? undefined : await runIntakeBench(DIST);
  if (process.env.BENCH_ONLY === 'intake') {
    process.stdout.write(`\n${intake!.text}`);
    if (intake!.failures.length) process.stderr.write(`\nA requirement failed:\n  ${intake!.failures.join('\n  ')}\n`);
    return intake!.failures.length ? 1 : 0;
  }
  const [
    { buildApp },
    { loadConfig },
    { seedReferenceData, seedDemoData },
    { accounts, participantProfiles, schools, staffProfiles },
    { STAFF_CONSENT },
    { completeInn, completeOgrn },
    { runImport },
    { syncCatalogue },
    { gradeBandOf },
    { rebuildFigures },
  ] = await Promise.all([
      fromDist<AppModule>('server/app.js'),
      fromDist<ConfigModule>('server/config.js'),
      fromDist<SeedModule>('server/seed/seed.js'),
      fromDist<SchemaModule>('server/db/schema/index.js'),
      fromDist<OrganisationsModule>('common/organisations.js'),
      fromDist<ValidatorsModule>('common/validators.js'),
      fromDist<ImportsModule>('server/modules/participants/import/run-import.js'),
      fromDist<DiagnosticsModule>('server/modules/diagnostics/index.js'),
      fromDist<DimensionsModule>('common/diagnostics/dimensions.js'),
      fromDist<KpiModule>('server/modules/kpi/index.js'),
    ]);

  const database = await chooseDatabase();
  process.stdout.write(`Database: ${database.label}\n`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilet-bench-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let app: FastifyInstance | undefined;
  // The bench owns the master key, so the enrolment bench's app processes share it with this one.
  const masterKey = process.env.PD_ENCRYPTION_KEY ?? crypto.randomBytes(32).toString('base64');
  let enrolmentBench: ReturnType<typeof createEnrolmentBench> | undefined;

  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      running?.stop();
      await enrolmentBench?.stop();
      await app?.close().catch(() => undefined);
      await database.cleanup().catch((err: unknown) => process.stderr.write(`Could not drop ${BENCH_DB}: ${String(err)}\n`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void cleanup().finally(() => process.exit(128 + os.constants.signals[signal]));
    });
  }

  try {
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      JOBS_ENABLED: 'false',
      SEED_DEMO: 'true',
      DATABASE_URL: database.url ?? '',
      PD_ENCRYPTION_KEY: masterKey,
      // The chat bot's per-address ceiling derives from it; every request of the bench comes from one address.
      RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? '10000000',
    });
    app = await buildApp(config);
    const ctx = app.ctx;
    await ctx.database.migrate();
    // Every process here runs without workers, as web-only instances do; the queue's schema and
    // queues are what a worker instance would have made, so that sending a job (a mail after an
    // enrolment) costs what it costs in production instead of failing at once.
    await ctx.jobs.start();
    await ctx.jobs.stop();
    await seedReferenceData(ctx.db);
    await seedDemoData(ctx);
    const [pupil] = await ctx.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, PUPIL.email));
    if (!pupil) throw new Error(`The demo pupil ${PUPIL.email} is not in this database (demo data is seeded only into an empty one)`);

    // A region at full size: the coordinator's list pages through a thousand schools.
    const [coordinator] = await ctx.db.select().from(staffProfiles).innerJoin(accounts, eq(accounts.id, staffProfiles.accountId)).where(eq(accounts.email, COORDINATOR.email));
    const regionId = coordinator!.staff_profiles.regionId!;
    const [anySchool] = await ctx.db.select().from(schools).where(eq(schools.regionId, regionId)).limit(1);
    const extra = Array.from({ length: SCHOOLS_IN_REGION }, (_, i) => ({
      regionId,
      cityId: anySchool!.cityId,
      name: `Бенчмарк-школа № ${i + 1}`,
      inn: completeInn(`77${String(i).padStart(7, '0')}`),
      ogrn: completeOgrn(`1027${String(i).padStart(8, '0')}`),
      address: `ул. Тестовая, ${i + 1}`,
    }));
    for (let i = 0; i < extra.length; i += 250) await ctx.db.insert(schools).values(extra.slice(i, i + 250));
    // Autovacuum would analyze a table that grew this much; the planner needs the statistics.
    await ctx.db.execute(sql`analyze`);
    const totpSecret = new OTPAuth.Secret({ size: 20 }).base32;
    await ctx.db
      .update(staffProfiles)
      .set({ pdConsentVersion: STAFF_CONSENT.version, pdConsentAt: new Date(), totpSecretEnc: ctx.pd.encrypt(totpSecret), totpEnabledAt: new Date() })
      .where(eq(staffProfiles.accountId, coordinator!.accounts.id));

    // The school imports a class list of 10,000 through the API (upload, checks, preview, confirm)
    // and the job's writer; the baseline writes the same number of pupils with bare multi-row INSERTs.
    const [schoolStaff] = await ctx.db.select().from(staffProfiles).innerJoin(accounts, eq(accounts.id, staffProfiles.accountId)).where(eq(accounts.email, SCHOOL.email));
    await ctx.db
      .update(staffProfiles)
      .set({ pdConsentVersion: STAFF_CONSENT.version, pdConsentAt: new Date() })
      .where(eq(staffProfiles.accountId, schoolStaff!.accounts.id));
    const [school] = await ctx.db.select().from(schools).where(eq(schools.id, schoolStaff!.staff_profiles.schoolId!));
    const benchImport = async () => {
      const schoolCookie = sessionCookie(await postJson(baseUrl, '/api/auth/sign-in', SCHOOL));
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(importCsv(benchPupils(3)))], { type: 'text/csv' }), 'bench.csv');
      const started = performance.now();
      const uploaded = await fetch(`${baseUrl}/api/imports`, { method: 'POST', headers: { cookie: schoolCookie, origin: baseUrl }, body: form });
      const preview = (await uploaded.json()) as { id: string; created: number; errorCount: number };
      if (uploaded.status !== 201 || preview.created !== IMPORT_ROWS) throw new Error(`Import preview answered ${uploaded.status}: ${JSON.stringify(preview).slice(0, 300)}`);
      const previewed = performance.now();
      const confirm = await fetch(`${baseUrl}/api/imports/${preview.id}/confirm`, { method: 'POST', headers: { cookie: schoolCookie, origin: baseUrl } });
      if (confirm.status !== 202) throw new Error(`Import confirm answered ${confirm.status}: ${(await confirm.text()).slice(0, 300)}`);
      // Job workers are off during the benchmark, so the writer the job would run is called here.
      await runImport(ctx, preview.id, { actorId: schoolStaff!.accounts.id, actorRole: 'school', ip: '127.0.0.1' }, app!.log);
      const finished = performance.now();
      const result = (await (await fetch(`${baseUrl}/api/imports/${preview.id}`, { headers: { cookie: schoolCookie } })).json()) as { status: string; created: number };
      if (result.status !== 'done' || result.created !== IMPORT_ROWS) throw new Error(`Import ended ${JSON.stringify(result).slice(0, 300)}`);

      const plain = benchPupils(4).map((p) => ({
        account: { role: 'participant', email: p.email, status: 'pending', lastName: p.lastName, firstName: p.firstName, birthDate: p.birthDate },
        profile: {
          grade: 7,
          regionId: school!.regionId,
          cityId: school!.cityId,
          schoolId: school!.id,
          snilsEnc: ctx.pd.encrypt(p.snils),
          identityBidx: ctx.pd.blindIndex(`bench:${p.snils}`),
        },
      }));
      const plainStarted = performance.now();
      for (let i = 0; i < plain.length; i += 500) {
        const chunk = plain.slice(i, i + 500);
        await ctx.db.transaction(async (tx) => {
          const ids = await tx.insert(accounts).values(chunk.map((c) => c.account)).returning({ id: accounts.id });
          await tx.insert(participantProfiles).values(chunk.map((c, j) => ({ ...c.profile, accountId: ids[j]!.id })));
        });
      }
      const plainSeconds = (performance.now() - plainStarted) / 1000;
      const seconds = (finished - started) / 1000;
      return {
        seconds,
        previewSeconds: (previewed - started) / 1000,
        writeSeconds: (finished - previewed) / 1000,
        rowsPerSecond: IMPORT_ROWS / seconds,
        plainRowsPerSecond: IMPORT_ROWS / plainSeconds,
      };
    };

    // The event loop's longest stall while a school uploads the oversize file, beside an idle loop's.
    const benchOversizeUpload = async () => {
      const schoolCookie = sessionCookie(await postJson(baseUrl, '/api/auth/sign-in', SCHOOL));
      const file = await oversizeXlsx();
      const upload = async () => {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(file)]), 'oversize.xlsx');
        const res = await fetch(`${baseUrl}/api/imports`, { method: 'POST', headers: { cookie: schoolCookie, origin: baseUrl }, body: form });
        const body = (await res.json()) as { error?: { code: string } };
        if (res.status !== 400 || body.error?.code !== 'too_many_rows') throw new Error(`The oversize upload answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      };
      // The first upload starts the parsing thread; the measured one is an upload, not a start-up.
      await upload();
      const idleMs = await longestStall(() => new Promise((resolve) => setTimeout(resolve, 2_000)));
      const started = performance.now();
      const uploadMs = await longestStall(upload);
      return { idleMs, uploadMs, seconds: (performance.now() - started) / 1000, megabytes: file.length / 1024 / 1024 };
    };

    // The answer benchmark's baseline: a route that inserts one row, nothing else.
    await ctx.db.execute(sql`create table if not exists bench_rows (id bigserial primary key, value jsonb not null, at timestamptz not null default now())`);
    app.put('/bench/one-insert', { schema: { hide: true } }, async (request) => {
      await ctx.db.execute(sql`insert into bench_rows (value) values (${JSON.stringify(request.body)}::jsonb)`);
      return { saved: true };
    });
    const [pupilProfile] = await ctx.db.select({ grade: participantProfiles.grade }).from(participantProfiles).where(eq(participantProfiles.accountId, pupil.id));
    const benchSlugs = Array.from({ length: ANSWER_ATTEMPTS }, (_, i) => `bench-likert-60-${i + 1}`);
    const benchSlug = benchSlugs[0]!;
    await syncCatalogue(
      ctx.db,
      benchSlugs.map((slug) => ({ name: `${slug}.yaml`, source: benchTestDefinition(slug, gradeBandOf(pupilProfile!.grade)) })),
    );
    app.get('/bench/bare', { schema: { hide: true } }, async () => ({ ok: true }));
    app.get('/bench/one-select', { schema: { hide: true } }, async () => {
      const [row] = await ctx.db
        .select({ id: accounts.id, role: accounts.role, status: accounts.status })
        .from(accounts)
        .where(eq(accounts.id, pupil.id));
      return row;
    });
    await app.listen({ host: '127.0.0.1', port });

    const cookie = await signIn(baseUrl);

    // The pupil's recommendations against the one-SELECT route, both measured after the database has grown for them.
    // Each route warmed up, then loaded in turn; any failed request is named, so no ratio is read from errors.
    const measurePair = async (pair: Target[]): Promise<{ measured: Measurement[]; failed: string[] }> => {
      const measured: Measurement[] = [];
      const failed: string[] = [];
      for (const t of pair) {
        process.stdout.write(`  ${t.name} …\n`);
        await load(t, WARMUP);
        const m = await load(t, DURATION);
        measured.push(m);
        if (m.non2xx || m.errors || m.timeouts) failed.push(`${t.name}: ${m.non2xx} non-2xx responses, ${m.errors} connection errors, ${m.timeouts} timeouts`);
      }
      printTable(measured);
      return { measured, failed };
    };
    // A ratio is judged only on PostgreSQL and only when every request succeeded; a miss becomes a failure.
    const verdictOf = (ratio: number, target: number, failed: readonly string[]): string => {
      if (failed.length) return 'not judged: requests failed';
      if (!database.postgres) return 'not judged: the target is for PostgreSQL';
      return ratio >= target ? 'MET' : 'NOT MET';
    };
    const judge = (ratio: number, target: number, failed: string[], label: string): string => {
      const verdict = verdictOf(ratio, target, failed);
      if (verdict === 'NOT MET') failed.push(`${label} ÷ one-select ${ratio.toFixed(2)} is under ${target}`);
      return verdict;
    };
    const benchRecommendations = async (): Promise<{ text: string; failures: string[] }> => {
      process.stdout.write('  recommendations: seeding pupils, events and opportunities …\n');
      const rows = async <T>(q: SQL): Promise<T[]> => ((await ctx.db.execute(q)) as unknown as { rows: T[] }).rows;
      const seeded = await seedRecommendationsData({ db: ctx.db, rows, pupilId: pupil.id });
      const got = await checkRecommendations(baseUrl, cookie);
      const pair: Target[] = [
        { name: 'GET /bench/one-select', url: `${baseUrl}/bench/one-select`, headers: {} },
        { name: 'GET /api/recommendations/me', url: `${baseUrl}/api/recommendations/me`, headers: { cookie } },
      ];
      const { measured, failed } = await measurePair(pair);
      const ratio = measured[1]!.rps / measured[0]!.rps;
      const verdict = judge(ratio, REC_TARGET, failed, 'recommendations');
      const fresh = await timeFreshComputation(baseUrl, cookie, { db: ctx.db, pupilId: pupil.id });
      return {
        text: `recommendations ÷ one-select: ${ratio.toFixed(2)}   (target ≥ ${REC_TARGET} on PostgreSQL: ${verdict}; ${seeded}; the pupil got ${got}; ${fresh})\n`,
        failures: failed,
      };
    };
    // The chat bot's answer over 1,000 more published articles against the one-SELECT route.
    const benchHelp = async (): Promise<{ text: string; failures: string[] }> => {
      process.stdout.write('  help: seeding 1,000 articles …\n');
      const seeded = await seedHelpArticles(ctx.db, ROOT);
      const got = await checkBotAnswer(baseUrl);
      const pair: Target[] = [
        { name: 'GET /bench/one-select', url: `${baseUrl}/bench/one-select`, headers: {} },
        {
          name: 'POST /api/help/bot',
          url: `${baseUrl}/api/help/bot`,
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: baseUrl },
          body: JSON.stringify({ message: HELP_QUESTION }),
        },
        // Not judged: every request a question not asked before, so none is answered from the cache.
        { name: 'GET /api/help/search (new questions)', url: `${baseUrl}/api/help/search`, headers: {}, nextPath: freshSearchPaths(ROOT) },
      ];
      const { measured, failed } = await measurePair(pair);
      const ratio = measured[1]!.rps / measured[0]!.rps;
      const verdict = judge(ratio, HELP_TARGET, failed, 'help bot');
      const fresh = measured[2]!.rps / measured[0]!.rps;
      return {
        text:
          `help bot ÷ one-select: ${ratio.toFixed(2)}   (target ≥ ${HELP_TARGET} on PostgreSQL: ${verdict}; ${seeded}; ${got})\n` +
          `help search of new questions ÷ one-select: ${fresh.toFixed(2)}   (no answer from the cache; not judged)\n`,
        failures: failed,
      };
    };
    // The coordinator's KPI dashboard over 100,000 pupils of its region against the one-SELECT route.
    const benchKpi = async (): Promise<{ text: string; failures: string[] }> => {
      process.stdout.write('  kpi: seeding 100,000 pupils with their facts and counting the figures …\n');
      const rows = async <T>(q: SQL): Promise<T[]> => ((await ctx.db.execute(q)) as unknown as { rows: T[] }).rows;
      const seeded = await seedKpiData({ db: ctx.db, rows, regionId, rebuild: () => rebuildFigures(ctx) });
      const coordinatorCookie = await signInCoordinator(baseUrl, totpSecret);
      const got = await checkKpiDashboard(baseUrl, coordinatorCookie);
      const pair: Target[] = [
        { name: 'GET /bench/one-select', url: `${baseUrl}/bench/one-select`, headers: {} },
        { name: 'GET /api/kpi/dashboard (coordinator)', url: `${baseUrl}/api/kpi/dashboard`, headers: { cookie: coordinatorCookie } },
      ];
      const { measured, failed } = await measurePair(pair);
      const ratio = measured[1]!.rps / measured[0]!.rps;
      const verdict = judge(ratio, KPI_TARGET, failed, 'kpi dashboard');
      return {
        text: `kpi dashboard ÷ one-select: ${ratio.toFixed(2)}   (target ≥ ${KPI_TARGET} on PostgreSQL: ${verdict}; ${seeded}; ${got})\n`,
        failures: failed,
      };
    };
    const coordinatorCookie = await signInCoordinator(baseUrl, totpSecret);
    const startAttempt = async (slug = benchSlug) => {
      const res = await sendJson(baseUrl, 'POST', `/api/diagnostics/tests/${slug}/attempts`, cookie);
      if (!res.ok) throw new Error(`Starting the bench test answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      return ((await res.json()) as { attemptId: string }).attemptId;
    };
    const answerAttempts = await Promise.all(benchSlugs.map((slug) => startAttempt(slug)));
    const answerAttempt = answerAttempts[0]!;
    let answerTurn = 0;
    const nextAnswerPath = () => {
      const n = answerTurn++;
      return `/api/diagnostics/attempts/${answerAttempts[n % ANSWER_ATTEMPTS]}/answers/q${1 + (Math.floor(n / ANSWER_ATTEMPTS) % BENCH_TEST_ITEMS)}`;
    };
    const json = { 'content-type': 'application/json', origin: baseUrl };
    const targets: Target[] = [
      { name: 'GET /bench/bare', url: `${baseUrl}/bench/bare`, headers: {} },
      { name: 'GET /bench/one-select', url: `${baseUrl}/bench/one-select`, headers: {} },
      { name: 'GET /api/participant/cabinet', url: `${baseUrl}/api/participant/cabinet`, headers: { cookie } },
      {
        name: `GET /api/organisations (${SCHOOLS_IN_REGION} schools)`,
        url: `${baseUrl}/api/organisations?kind=school&sort=name&page=3&pageSize=20`,
        headers: { cookie: coordinatorCookie },
      },
      { name: 'PUT /bench/one-insert', url: `${baseUrl}/bench/one-insert`, headers: json, method: 'PUT', body: JSON.stringify({ value: 4 }) },
      {
        name: 'PUT …/answers/:itemId (save one answer)',
        url: `${baseUrl}/api/diagnostics/attempts/${answerAttempt}/answers/q7`,
        headers: { ...json, cookie },
        method: 'PUT',
        body: JSON.stringify({ value: 4 }),
        nextPath: nextAnswerPath,
      },
    ];
    for (const t of targets) await probe(t);

    const benchEnrolment = async () => {
      enrolmentBench = createEnrolmentBench({
        dist: DIST,
        databaseUrl: database.url,
        postgres: database.postgres,
        dataDir,
        masterKey,
        encrypt: (plain) => ctx.pd.encrypt(plain),
      });
      return enrolmentBench.run();
    };
    const answerText = (oneInsert: Measurement, answer: Measurement, failed: string[]) => {
      const ratio = answer.rps / oneInsert.rps;
      const verdict = verdictOf(ratio, ANSWER_TARGET, failed);
      return `answer ÷ one-insert:   ${ratio.toFixed(2)}   (saving one answer: ${fmt(answer.rps)} req/s, p99 ${fmt(answer.p99)} ms; target ≥ ${ANSWER_TARGET} on PostgreSQL: ${verdict})\n`;
    };
    const benchAnswer = async () => {
      const { measured, failed } = await measurePair(targets.filter((t) => t.method === 'PUT'));
      return { text: answerText(measured[0]!, measured[1]!, failed), failures: failed };
    };
    const alone: Record<string, () => Promise<{ text: string; failures: string[] }>> = {
      kpi: benchKpi,
      help: benchHelp,
      recommendations: benchRecommendations,
      enrolment: benchEnrolment,
      answer: benchAnswer,
    };
    const onlyName = process.env.BENCH_ONLY;
    if (onlyName) {
      const bench = alone[onlyName];
      if (!bench) throw new Error(`BENCH_ONLY=${onlyName} names no benchmark (${[...Object.keys(alone), 'intake'].join(', ')})`);
      const only = await bench();
      process.stdout.write(`\n${only.text}database: ${database.label}\n`);
      if (only.failures.length) {
        process.stderr.write(`\nThe figures are not valid or a requirement failed:\n  ${only.failures.join('\n  ')}\n`);
        return 1;
      }
      return 0;
    }

    process.stdout.write(`autocannon: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per endpoint\n`);
    const results: Measurement[] = [];
    const failures: string[] = [];
    for (const t of targets) {
      process.stdout.write(`  ${t.name} …\n`);
      const warm = await load(t, WARMUP);
      const measured = await load(t, DURATION);
      results.push(measured);
      for (const [phase, m] of [['warm-up', warm], ['run', measured]] as const) {
        if (m.non2xx || m.errors || m.timeouts) {
          failures.push(`${t.name} (${phase}): ${m.non2xx} non-2xx responses, ${m.errors} connection errors, ${m.timeouts} timeouts`);
        }
      }
    }

    // Completing a 60-item test: scoring, the result, the footprint and its snapshot, in one request.
    process.stdout.write(`  completing a ${BENCH_TEST_ITEMS}-item test, ${COMPLETIONS} times …\n`);
    await sendJson(baseUrl, 'POST', `/api/diagnostics/attempts/${answerAttempt}/complete`, cookie);
    const completionMs: number[] = [];
    for (let n = 0; n < COMPLETIONS; n++) {
      const attemptId = await startAttempt();
      for (let i = 1; i <= BENCH_TEST_ITEMS; i++) {
        const res = await sendJson(baseUrl, 'PUT', `/api/diagnostics/attempts/${attemptId}/answers/q${i}`, cookie, { value: 1 + ((i * 7 + n) % 5) });
        if (!res.ok) throw new Error(`Answering answered ${res.status}`);
      }
      const started = performance.now();
      const res = await sendJson(baseUrl, 'POST', `/api/diagnostics/attempts/${attemptId}/complete`, cookie);
      completionMs.push(performance.now() - started);
      if (!res.ok) throw new Error(`Completing answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    }
    completionMs.sort((a, b) => a - b);
    const completionMedian = completionMs[Math.floor(COMPLETIONS / 2)]!;
    const completionP95 = completionMs[Math.floor(COMPLETIONS * 0.95)]!;

    process.stdout.write(`  import of ${fmt(IMPORT_ROWS)} rows …\n`);
    const imported = await benchImport();
    process.stdout.write(`  upload of an XLSX of ${fmt(OVERSIZE_ROWS)} rows …\n`);
    const oversize = await benchOversizeUpload();
    const enrolment = await benchEnrolment();
    const recommendations = await benchRecommendations();
    const help = await benchHelp();
    const kpi = await benchKpi();
    printTable(results);
    const [bare, oneSelect, cabinet, schoolList, oneInsert, answer] = results as [Measurement, Measurement, Measurement, Measurement, Measurement, Measurement];
    const selectRatio = oneSelect.rps / bare.rps;
    const cabinetRatio = cabinet.rps / oneSelect.rps;
    const listRatio = schoolList.rps / oneSelect.rps;
    const verdict = verdictOf(cabinetRatio, TARGET, failures);
    process.stdout.write(
      `\none-select ÷ bare:      ${selectRatio.toFixed(2)}\n` +
        `cabinet ÷ one-select:  ${cabinetRatio.toFixed(2)}   (target ≥ ${TARGET} on PostgreSQL: ${verdict})\n` +
        `school list ÷ one-select: ${listRatio.toFixed(2)}   (a coordinator's page of ${SCHOOLS_IN_REGION} schools)\n` +
        answerText(oneInsert, answer, failures) +
        `completing a ${BENCH_TEST_ITEMS}-item test: median ${completionMedian.toFixed(1)} ms, p95 ${completionP95.toFixed(1)} ms over ${COMPLETIONS} ` +
        `(request to response, scoring + result + footprint; target < ${COMPLETION_TARGET_MS} ms: ${completionMedian < COMPLETION_TARGET_MS ? 'MET' : 'NOT MET'})\n` +
        `import ÷ plain INSERT: ${(imported.rowsPerSecond / imported.plainRowsPerSecond).toFixed(2)}   ` +
        `(${fmt(IMPORT_ROWS)} rows: import ${fmt(imported.rowsPerSecond)} rows/s in ${imported.seconds.toFixed(1)} s — upload and preview ` +
        `${imported.previewSeconds.toFixed(1)} s, writing ${imported.writeSeconds.toFixed(1)} s; plain multi-row INSERT ${fmt(imported.plainRowsPerSecond)} rows/s; ` +
        `target ≤ ${IMPORT_TARGET_SECONDS} s: ${imported.seconds <= IMPORT_TARGET_SECONDS ? 'MET' : 'NOT MET'})\n` +
        `event loop during an oversize upload: longest stall ${oversize.uploadMs.toFixed(0)} ms, idle ${oversize.idleMs.toFixed(0)} ms ` +
        `(${oversize.megabytes.toFixed(1)} MB XLSX of ${fmt(OVERSIZE_ROWS)} rows refused at the row limit in ${oversize.seconds.toFixed(1)} s; ` +
        `target < ${STALL_TARGET_MS} ms: ${oversize.uploadMs < STALL_TARGET_MS ? 'MET' : 'NOT MET'})\n` +
        enrolment.text +
        recommendations.text +
        kpi.text +
        (intake?.text ?? '') +
        help.text +
        `database: ${database.label}\n`,
    );
    failures.push(...enrolment.failures, ...recommendations.failures, ...(intake?.failures ?? []), ...help.failures, ...kpi.failures);
    if (failures.length) {
      process.stderr.write(`\nThe figures are not valid or a requirement failed:\n  ${failures.join('\n  ')}\n`);
      return 1;
    }
    return 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Benchmark failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
