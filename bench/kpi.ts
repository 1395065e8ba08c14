/**
 * The KPI benchmark: the coordinator's `GET /api/kpi/dashboard` against the one-SELECT route in
 * the same run, target ≥ 0.5, on a database grown to 100,000 pupils in the coordinator's region,
 * spread over its schools, with attempts, enrolments on 2,000 past events and plans — bulk seeded
 * with INSERT … SELECT generate_series, then every figure recounted once by the refresh.
 */
import { sql, type SQL } from 'drizzle-orm';
import { fmt } from './support.js';

export const KPI_PUPILS = 100_000;
const KPI_EVENTS = 2_000;
export const KPI_TARGET = 0.5;

interface Executor {
  execute(query: SQL): Promise<unknown>;
}

export interface KpiBenchDeps {
  db: Executor;
  rows<T>(query: SQL): Promise<T[]>;
  regionId: number;
  /** Recounts every figure (the module's rebuildFigures), timed as part of the seeding. */
  rebuild(): Promise<number>;
}

const PUPIL_ID = (g: string) => sql.raw(`('00000000-0000-4000-b000-' || lpad(to_hex(${g}), 12, '0'))::uuid`);
const EVENT_ID = (g: string) => sql.raw(`('00000000-0000-4000-c000-' || lpad(to_hex(${g}), 12, '0'))::uuid`);

export async function seedKpiData({ db, rows, regionId, rebuild }: KpiBenchDeps): Promise<string> {
  const started = performance.now();
  const [venue] = await rows<{ venue_id: string; creator: string; city_id: number }>(
    sql`select v.id as venue_id, v.city_id, (select account_id from staff_profiles where venue_id = v.id limit 1) as creator
      from venues v where v.region_id = ${regionId} limit 1`,
  );
  if (!venue) throw new Error('The demo venue is missing: the KPI bench needs the demo data');
  const [season] = await rows<{ starts_on: string }>(sql`select min(starts_on)::text as starts_on from seasons where starts_on <= current_date and ends_on >= current_date`);
  if (!season?.starts_on) throw new Error('No current season: the KPI bench needs the demo seasons');
  await db.execute(sql`insert into accounts (id, role, email, status, email_verified_at, last_name, first_name, created_at)
    select ${PUPIL_ID('g')}, 'participant', 'bench-kpi-' || g || '@bench.local', case when g % 5 = 0 then 'pending' else 'active' end, now(),
      'Бенчмарков', 'Ученик', ${season.starts_on}::date + make_interval(days => g % greatest(1, current_date - ${season.starts_on}::date))
    from generate_series(1, ${KPI_PUPILS}) g`);
  await db.execute(sql`insert into participant_profiles (account_id, grade, region_id, city_id, school_id, snils_enc, identity_bidx)
    select ${PUPIL_ID('g')}, 6 + g % 6, ${regionId}::int, s.city_id, s.id, 'bench', 'bench-kpi-' || g
    from generate_series(1, ${KPI_PUPILS}) g
    join lateral (select id, city_id from schools where region_id = ${regionId} order by id offset (g % (select count(*) from schools where region_id = ${regionId})) limit 1) s on true`);
  await db.execute(sql`insert into diagnostic_attempts (participant_id, test_id, version_id, status, grade_band, seed, completed_at)
    select ${PUPIL_ID('g')}, v.test_id, v.id, 'completed', '6-7', 1, a.created_at + interval '1 day'
    from generate_series(1, ${KPI_PUPILS}, 2) g join accounts a on a.id = ${PUPIL_ID('g')}
    cross join lateral (select id, test_id from diagnostic_test_versions where status = 'published' order by id limit 1) v`);
  const [competency] = await rows<{ id: number }>(sql`select id from competencies order by id limit 1`);
  await db.execute(sql`insert into events (id, venue_id, competency_id, format, title, description, video_url, starts_at, ends_at, capacity, seats_taken,
      grade_from, grade_to, difficulty, status, published_at, created_by)
    select ${EVENT_ID('g')}, ${venue.venue_id}::uuid, ${competency!.id}::int, 'online', 'Бенч-проба № ' || g, 'Проба', 'https://video.example.ru/bench',
      ${season.starts_on}::date + make_interval(days => g % greatest(1, current_date - ${season.starts_on}::date), hours => 10),
      ${season.starts_on}::date + make_interval(days => g % greatest(1, current_date - ${season.starts_on}::date), hours => 13),
      30, 0, 6, 11, 'basic', 'published', now(), ${venue.creator}::uuid
    from generate_series(1, ${KPI_EVENTS}) g`);
  await db.execute(sql`insert into enrolments (event_id, participant_id, status, source, created_by, confirmed_at, attendance, attendance_marked_at)
    select ${EVENT_ID('1 + g % ' + KPI_EVENTS)}, ${PUPIL_ID('g')}, 'confirmed', 'catalogue', ${PUPIL_ID('g')}, now(),
      case when g % 9 = 0 then 'absent' else 'present' end, now()
    from generate_series(1, ${KPI_PUPILS}, 3) g`);
  await db.execute(sql`update events e set seats_taken = (select count(*) from enrolments x where x.event_id = e.id and x.status = 'confirmed')
    where e.title like 'Бенч-проба%'`);
  await db.execute(sql`analyze`);
  const seeded = (performance.now() - started) / 1000;
  const rebuildStarted = performance.now();
  const sources = await rebuild();
  await db.execute(sql`analyze`);
  const [counts] = await rows<{ pupils: number; weekly: number }>(
    sql`select (select count(*)::int from participant_profiles) as pupils, (select count(*)::int from kpi_weekly) as weekly`,
  );
  return (
    `${fmt(counts!.pupils)} pupils, ${fmt(KPI_EVENTS)} events, ${fmt(counts!.weekly)} weekly figure rows; seeded in ${seeded.toFixed(1)} s, ` +
    `${fmt(sources)} sources recounted in ${((performance.now() - rebuildStarted) / 1000).toFixed(1)} s`
  );
}

/** The bench is only valid when the dashboard shows the seeded pupils. */
export async function checkKpiDashboard(baseUrl: string, cookie: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/kpi/dashboard`, { headers: { cookie } });
  const body = (await res.json()) as { figures: Array<{ metric: string; value: number | null }>; children: Array<{ rows: unknown[] }> };
  if (res.status !== 200) throw new Error(`GET /api/kpi/dashboard answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  const registered = body.figures.find((f) => f.metric === 'pupils_registered')?.value ?? 0;
  if (registered < KPI_PUPILS / 2) throw new Error(`The coordinator's dashboard counts ${registered} pupils, not the seeded ones`);
  return `${fmt(registered)} pupils registered on the dashboard, ${body.children[0]?.rows.length ?? 0} schools on its first page`;
}
