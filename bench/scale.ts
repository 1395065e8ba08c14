/**
 * npm run bench:scale [-- --pupils 1000000] [--small 10000] [--reuse] [--keep]
 *
 * The main read routes through HTTP at two sizes of the same generated country (bench/scale-data.ts):
 * each size in a database of its own on the PostgreSQL server of BENCH_DATABASE_URL (else
 * postgres://postgres@127.0.0.1:5432/postgres), named bilet_scale_<N>, served by the app in this
 * process (tsx, the sources). The same people are asked at both sizes: the first generated pupil
 * (grade 6, a parent, a test taken, a navigator), its parent, its school's account and navigator,
 * and the coordinator of the largest region. For each route: p50 and p99 at both sizes and the p99
 * ratio big ÷ small, target ≤ 1.5.
 *
 * --reuse keeps a database that already holds its size (from an earlier --keep or `npm run
 * seed:scale` with the same PD keys); --keep leaves the databases for the next run.
 * BENCH_DURATION (seconds per route, default 10) and BENCH_CONNECTIONS (default 10) tune the load.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { randomToken, hashToken } from '../server/lib/tokens.js';
import { seedDemoData, seedReferenceData } from '../server/seed/seed.js';
import { NAVIGATORS_PER_SCHOOL, scaleId, seedScale } from './scale-data.js';
import { fmt, freePort } from './support.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARMUP_SECONDS = 2;
const MIN_SAMPLES = 30;
const TARGET = 1.5;
const DEEP_PAGES = 50;
const PAGE_SIZE = 20;
const SEARCH = 'Иванов';

const urlOf = (name: string) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

interface RouteFigures {
  name: string;
  p50: number;
  p99: number;
  requests: number;
  /** How many items the route's page held, for the lists: a page of one and a page of twenty are not the same work. */
  items: number | null;
}

interface Route {
  name: string;
  path: string;
  cookie: string;
}

/**
 * Whom the routes are asked for, the same at every size: the region with the most generated pupils
 * (its coordinator), its first generated school (400 pupils: its account and first navigator) and
 * that school's first pupil with a parent and a test taken (grade 6 or 7), with its parent.
 */
async function people(db: pg.Client, pupils: number): Promise<{ regionId: number; schoolIndex: number; pupil: number }> {
  const { rows } = await db.query<{ region_id: number; school_id: string; schools: number }>(
    `select region_id, min(id::text) as school_id, (select count(*)::int from schools where id::text like $1) as schools
     from schools where id::text like $1 group by region_id order by sum(pupils_count) desc, region_id limit 1`,
    [`${scaleId('school', 0).slice(0, 24)}%`],
  );
  const { region_id: regionId, school_id: schoolId, schools } = rows[0]!;
  const schoolIndex = Number.parseInt(schoolId.slice(-12), 16) - 1;
  // Pupils g with g % 5 = 0 share their sibling's parent and g % 5 = 2 have no test yet (scale-data.ts).
  let pupil = schoolIndex + 1;
  while (pupil % 5 === 0 || pupil % 5 === 2) pupil += schools;
  if (pupil > pupils) throw new Error('The generated school has no pupil with a parent and a test');
  return { regionId, schoolIndex, pupil };
}

/** A session as sign-in leaves it: the routes are measured, not the sign-in (parents sign in through ESIA). */
async function sessionFor(db: pg.Client, accountId: string): Promise<string> {
  const token = randomToken();
  await db.query(`insert into sessions (id_hash, account_id, expires_at) values ($1, $2, now() + interval '1 day')`, [hashToken(token), accountId]);
  return `bilet_sid=${token}`;
}

async function fetchJson(baseUrl: string, path: string, cookie: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * The pupils list fifty pages in, by following the cursor each page hands out; in a region too
 * small for fifty, its last page. Keyset paging reads one page's rows at any depth, so the ratio
 * between the sizes stays meaningful; the depth reached is printed.
 */
async function deepPagePath(baseUrl: string, cookie: string): Promise<{ path: string; page: number }> {
  const base = `/api/participants?pageSize=${PAGE_SIZE}`;
  let body = await fetchJson(baseUrl, base, cookie);
  let path = base;
  let page = 1;
  while (page < DEEP_PAGES && typeof body.nextCursor === 'string') {
    path = `${base}&after=${encodeURIComponent(body.nextCursor)}`;
    body = await fetchJson(baseUrl, path, cookie);
    page += 1;
  }
  return { path, page };
}

async function load(baseUrl: string, route: Route, seconds: number, amount?: number): Promise<autocannon.Result> {
  // A slow list must be measured, not cut off at autocannon's default 10 s timeout.
  return autocannon({ url: `${baseUrl}${route.path}`, connections: CONNECTIONS, duration: seconds, amount, timeout: 120, headers: { cookie: route.cookie } });
}

async function measureSize(pupils: number, opts: { reuse: boolean }, admin: pg.Client): Promise<RouteFigures[]> {
  const name = `bilet_scale_${pupils}`;
  const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [name])).rowCount! > 0;
  let seeded = false;
  if (exists && opts.reuse) {
    const probe = new pg.Client({ connectionString: urlOf(name) });
    await probe.connect();
    const { rows } = await probe.query<{ n: number }>(`select count(*)::int as n from accounts where email like 'pupil-%@scale.bilet.test'`).catch(() => ({ rows: [{ n: 0 }] }));
    await probe.end();
    seeded = rows[0]!.n === pupils;
  }
  if (!seeded) {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  }
  const config = loadConfig({ ...process.env, NODE_ENV: 'development', DATABASE_URL: urlOf(name), JOBS_ENABLED: 'false', LOG_LEVEL: 'silent' });
  const app = await buildApp(config);
  const db = new pg.Client({ connectionString: urlOf(name) });
  try {
    await app.ctx.database.migrate();
    if (!seeded) {
      process.stdout.write(`\nGenerating ${fmt(pupils)} pupils in ${name} …\n`);
      await seedReferenceData(app.ctx.db);
      await seedDemoData(app.ctx);
      const summary = await seedScale(app.ctx, pupils, (line) => process.stdout.write(`  ${line}\n`));
      process.stdout.write(`  generated in ${summary.seconds.toFixed(1)} s\n`);
    } else {
      process.stdout.write(`\nReusing ${name} (${fmt(pupils)} pupils)\n`);
    }
    await db.connect();
    const { regionId, schoolIndex, pupil: pupilNumber } = await people(db, pupils);
    const [regionRow] = (await db.query<{ name: string; pupils: number; schools: number }>(
      `select r.name, (select count(*)::int from participant_profiles where region_id = r.id) as pupils,
         (select count(*)::int from schools where region_id = r.id) as schools from regions r where r.id = $1`,
      [regionId],
    )).rows;
    const { rows: schoolRows } = await db.query<{ n: number }>(`select pupils_count as n from schools where id = $1`, [scaleId('school', schoolIndex + 1)]);
    process.stdout.write(
      `  region: ${regionRow!.name}, ${fmt(regionRow!.pupils)} pupils in ${fmt(regionRow!.schools)} schools; the school: ${fmt(schoolRows[0]!.n)} pupils\n`,
    );
    const pupil = scaleId('pupil', pupilNumber);
    const pupilCookie = await sessionFor(db, pupil);
    const parentCookie = await sessionFor(db, scaleId('parent', pupilNumber));
    const schoolCookie = await sessionFor(db, scaleId('schoolStaff', schoolIndex + 1));
    const navigatorCookie = await sessionFor(db, scaleId('navigator', schoolIndex * NAVIGATORS_PER_SCHOOL + 1));
    const coordinatorCookie = await sessionFor(db, scaleId('coordinator', regionId));

    const port = await freePort();
    await app.listen({ host: '127.0.0.1', port });
    const baseUrl = `http://127.0.0.1:${port}`;
    const q = encodeURIComponent(SEARCH);
    const deep = await deepPagePath(baseUrl, coordinatorCookie);
    process.stdout.write(`  the coordinator's deep page is page ${deep.page} of the region's list\n`);
    const routes: Route[] = [
      { name: 'pupil cabinet', path: '/api/participant/cabinet', cookie: pupilCookie },
      { name: 'parent cabinet', path: '/api/parent/cabinet', cookie: parentCookie },
      { name: 'catalogue of events', path: '/api/events/catalogue', cookie: pupilCookie },
      { name: 'footprint', path: `/api/pupils/${pupil}/footprint`, cookie: pupilCookie },
      { name: 'diagnostics results', path: `/api/pupils/${pupil}/diagnostics/results`, cookie: pupilCookie },
      { name: "school's pupils", path: `/api/participants?pageSize=${PAGE_SIZE}`, cookie: schoolCookie },
      { name: "school's search", path: `/api/participants?pageSize=${PAGE_SIZE}&q=${q}`, cookie: schoolCookie },
      { name: "navigator's pupils", path: `/api/participants?pageSize=${PAGE_SIZE}`, cookie: navigatorCookie },
      { name: "coordinator's schools", path: `/api/organisations?kind=school&pageSize=${PAGE_SIZE}`, cookie: coordinatorCookie },
      { name: "coordinator's pupils", path: `/api/participants?pageSize=${PAGE_SIZE}`, cookie: coordinatorCookie },
      { name: "coordinator's search", path: `/api/participants?pageSize=${PAGE_SIZE}&q=${q}`, cookie: coordinatorCookie },
      { name: "coordinator's deep page", path: deep.path, cookie: coordinatorCookie },
    ];
    const figures: RouteFigures[] = [];
    for (const route of routes) {
      const first = await fetchJson(baseUrl, route.path, route.cookie);
      const items = Array.isArray(first.items) ? first.items.length : null;
      await load(baseUrl, route, WARMUP_SECONDS);
      let result = await load(baseUrl, route, DURATION);
      // A route too slow for MIN_SAMPLES answers in the time is loaded until it has given them, so its p99 is not one sample.
      if (result.requests.total < MIN_SAMPLES) result = await load(baseUrl, route, DURATION, MIN_SAMPLES);
      const failed = result.non2xx + result.errors + result.timeouts;
      if (failed > 0 || result.requests.total === 0) throw new Error(`${route.name} (${route.path}): ${failed} of ${result.requests.total} requests failed`);
      figures.push({ name: route.name, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, items });
      process.stdout.write(`  ${route.name.padEnd(26)} p50 ${fmt(result.latency.p50, 1).padStart(8)} ms   p99 ${fmt(result.latency.p99, 1).padStart(8)} ms   ${fmt(result.requests.total)} requests\n`);
    }
    return figures;
  } finally {
    await db.end().catch(() => undefined);
    await app.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { pupils: { type: 'string', default: '1000000' }, small: { type: 'string', default: '10000' }, reuse: { type: 'boolean' }, keep: { type: 'boolean' } },
  });
  const big = Number(values.pupils);
  const small = Number(values.small);
  if (!Number.isInteger(big) || !Number.isInteger(small) || small < 1_000 || big <= small) {
    throw new Error('--small and --pupils: whole numbers, 1,000 ≤ small < pupils');
  }
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const sizes = [small, big];
  try {
    process.stdout.write(
      `Scale benchmark: ${fmt(small)} and ${fmt(big)} pupils on ${new URL(ADMIN_URL).host}, ${CONNECTIONS} connections, ${DURATION} s a route after ${WARMUP_SECONDS} s of warm-up\n`,
    );
    const [atSmall, atBig] = [await measureSize(small, { reuse: values.reuse ?? false }, admin), await measureSize(big, { reuse: values.reuse ?? false }, admin)];
    const col = (s: string, n = 12) => s.padStart(n);
    process.stdout.write(
      `\n${'route'.padEnd(26)}${col(`p50 ${fmt(small / 1000)}k`)}${col(`p99 ${fmt(small / 1000)}k`)}${col(`p50 ${fmt(big / 1000)}k`)}${col(`p99 ${fmt(big / 1000)}k`)}${col('p99 ratio')}${col('items', 10)}  (target ≤ ${TARGET})\n`,
    );
    let misses = 0;
    atSmall!.forEach((s, i) => {
      const b = atBig![i]!;
      const ratio = b.p99 / Math.max(s.p99, 1);
      const miss = ratio > TARGET;
      if (miss) misses++;
      process.stdout.write(
        `${s.name.padEnd(26)}${col(`${fmt(s.p50, 1)} ms`)}${col(`${fmt(s.p99, 1)} ms`)}${col(`${fmt(b.p50, 1)} ms`)}${col(`${fmt(b.p99, 1)} ms`)}${col(fmt(ratio, 2))}${col(s.items === null ? '' : `${s.items} / ${b.items}`, 10)}${miss ? '  MISS' : ''}\n`,
      );
    });
    process.stdout.write(`\n${misses === 0 ? 'Every route within the target.' : `${misses} of ${atSmall!.length} routes miss the target.`} Latencies are under whatever else the machine runs.\n`);
  } finally {
    if (!values.keep) for (const n of sizes) await admin.query(`drop database if exists bilet_scale_${n} with (force)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
