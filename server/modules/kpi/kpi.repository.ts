import { sql, type SQL } from 'drizzle-orm';
import type { FederalDistrict, KpiLevel } from '@common/kpi.js';
import { queryRows, type Executor } from '@server/db/client.js';
import { COUNTERS, type Counters } from './refresh.repository.js';

/** A dashboard's scope with what the rules and the breadcrumbs need of it. */
export interface ScopeInfo {
  level: KpiLevel;
  /** null for the federal scope. */
  id: string | null;
  name: string;
  regionId: number | null;
  regionName: string | null;
  /** A school's own id, or a navigator's school. */
  schoolId: string | null;
  schoolName: string | null;
  /** A venue's own id, or a mentor's venue. */
  venueId: string | null;
  venueName: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PERSON_NAME = sql.raw(`concat_ws(' ', a.last_name, a.first_name, a.middle_name)`);

/** The scope, or null when there is none such (an unknown id, a person of another role). */
export async function findScope(executor: Executor, level: KpiLevel, id: string | null): Promise<ScopeInfo | null> {
  const none = { regionId: null, regionName: null, schoolId: null, schoolName: null, venueId: null, venueName: null };
  if (level === 'federal') return { level, id: null, name: '', ...none };
  if (id === null) return null;
  if (level === 'region') {
    if (!/^\d{1,9}$/.test(id)) return null;
    const [r] = await queryRows<{ name: string }>(executor, sql`select name from regions where id = ${Number(id)}`);
    return r ? { level, id, name: r.name, ...none, regionId: Number(id), regionName: r.name } : null;
  }
  if (!UUID.test(id)) return null;
  const query: Record<Exclude<KpiLevel, 'federal' | 'region'>, SQL> = {
    school: sql`select s.name, s.region_id, r.name as region_name, s.id as school_id, s.name as school_name, null as venue_id, null as venue_name
      from schools s join regions r on r.id = s.region_id where s.id = ${id}`,
    venue: sql`select v.name, v.region_id, r.name as region_name, null as school_id, null as school_name, v.id as venue_id, v.name as venue_name
      from venues v join regions r on r.id = v.region_id where v.id = ${id}`,
    navigator: sql`select ${PERSON_NAME} as name, s.region_id, r.name as region_name, s.id as school_id, s.name as school_name, null as venue_id, null as venue_name
      from accounts a join staff_profiles sp on sp.account_id = a.id join schools s on s.id = sp.school_id join regions r on r.id = s.region_id
      where a.id = ${id} and a.role = 'navigator'`,
    mentor: sql`select ${PERSON_NAME} as name, v.region_id, r.name as region_name, null as school_id, null as school_name, v.id as venue_id, v.name as venue_name
      from accounts a join staff_profiles sp on sp.account_id = a.id join venues v on v.id = sp.venue_id join regions r on r.id = v.region_id
      where a.id = ${id} and a.role = 'mentor'`,
  };
  const [row] = await queryRows<{
    name: string;
    region_id: number;
    region_name: string;
    school_id: string | null;
    school_name: string | null;
    venue_id: string | null;
    venue_name: string | null;
  }>(executor, query[level]);
  if (!row) return null;
  return {
    level,
    id,
    name: row.name,
    regionId: row.region_id,
    regionName: row.region_name,
    schoolId: row.school_id,
    schoolName: row.school_name,
    venueId: row.venue_id,
    venueName: row.venue_name,
  };
}

export interface SeasonRow {
  id: number;
  name: string;
  starts_on: string;
  ends_on: string;
}

/** Every season, with a region's own dates where it set them. */
export async function listSeasons(executor: Executor, regionId: number | null): Promise<SeasonRow[]> {
  return queryRows<SeasonRow>(
    executor,
    sql`select s.id, s.name, coalesce(rs.starts_on, s.starts_on)::text as starts_on, coalesce(rs.ends_on, s.ends_on)::text as ends_on
      from seasons s left join region_seasons rs on rs.season_id = s.id and rs.region_id = ${regionId}
      order by s.starts_on`,
  );
}

const COUNTER_SUMS = sql.raw(COUNTERS.map((c) => `coalesce(sum(${c}), 0)::int as ${c}`).join(', '));
const COUNTER_COLS = sql.raw(COUNTERS.join(', '));

export interface WeekRange {
  seasonId: number;
  fromWeek: string;
  toWeek: string;
}

/** One scope's weekly counters within the range, week by week. */
export async function weeklyCounters(executor: Executor, level: string, id: string, range: WeekRange): Promise<Array<Counters & { week: string }>> {
  return queryRows(
    executor,
    sql`select week::text as week, ${COUNTER_COLS} from kpi_weekly
      where scope_level = ${level} and scope_id = ${id} and season_id = ${range.seasonId} and week between ${range.fromWeek} and ${range.toWeek}
      order by week`,
  );
}

/** Several scopes' counters summed over the range, read by the weekly table's primary key. */
export async function summedCounters(executor: Executor, level: string, ids: string[], range: WeekRange): Promise<Map<string, Counters>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<Counters & { scope_id: string }>(
    executor,
    sql`select scope_id, ${COUNTER_SUMS} from kpi_weekly
      where scope_level = ${level} and scope_id = any(${sql.param(ids)}::text[]) and season_id = ${range.seasonId}
        and week between ${range.fromWeek} and ${range.toWeek}
      group by scope_id`,
  );
  return new Map(rows.map((r) => [r.scope_id, r]));
}

/** Targets of these scopes of one level for the season: scope id → metric → target. */
export async function targetsOf(executor: Executor, seasonId: number, level: string, ids: string[]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (ids.length === 0) return out;
  const rows = await queryRows<{ scope_id: string; metric: string; target: number }>(
    executor,
    sql`select scope_id, metric, target from kpi_targets
      where season_id = ${seasonId} and scope_level = ${level} and scope_id = any(${sql.param(ids)}::text[])`,
  );
  for (const r of rows) {
    if (!out.has(r.scope_id)) out.set(r.scope_id, new Map());
    out.get(r.scope_id)!.set(r.metric, Number(r.target));
  }
  return out;
}

export async function seasonExists(executor: Executor, seasonId: number): Promise<boolean> {
  const rows = await queryRows(executor, sql`select 1 from seasons where id = ${seasonId}`);
  return rows.length > 0;
}

/** Sets and removes targets of one scope, then bumps the figures' version so no cached dashboard shows the old ones. */
export async function writeTargets(
  executor: Executor,
  key: { seasonId: number; level: string; id: string },
  targets: Array<[string, number | null]>,
  setBy: string,
): Promise<void> {
  for (const [metric, target] of targets) {
    if (target === null) {
      await executor.execute(sql`delete from kpi_targets
        where season_id = ${key.seasonId} and scope_level = ${key.level} and scope_id = ${key.id} and metric = ${metric}`);
    } else {
      await executor.execute(sql`insert into kpi_targets (season_id, scope_level, scope_id, metric, target, set_by)
        values (${key.seasonId}, ${key.level}, ${key.id}, ${metric}, ${target}, ${setBy})
        on conflict (season_id, scope_level, scope_id, metric) do update set target = excluded.target, set_by = excluded.set_by, updated_at = now()`);
    }
  }
  await executor.execute(sql`update kpi_state set version = version + 1 where id = 1`);
}

/** A drill-down row before its figures: what it opens, its name and what is shown beside it. */
export interface ChildRow {
  id: string;
  name: string;
  sortKey: string;
  note: string | null;
  district?: FederalDistrict | null;
}

/** Keyset paging: after (sort key, id), `limit` rows; `null` limit means every row (exports). */
export interface Page {
  after: { key: string; id: string } | null;
  limit: number | null;
}

const keyset = (page: Page, key: SQL, id: SQL): SQL => (page.after ? sql`and (${key}, ${id}) > (${page.after.key}, ${page.after.id})` : sql``);
const limit = (page: Page): SQL => (page.limit === null ? sql`` : sql`limit ${page.limit}`);

export async function regionRows(executor: Executor, page: Page): Promise<ChildRow[]> {
  return queryRows(
    executor,
    sql`select id::text as id, name, name as "sortKey", null as note, federal_district as district from regions
      where true ${keyset(page, sql`name`, sql`id::text`)} order by name, id::text ${limit(page)}`,
  );
}

export async function organisationRows(executor: Executor, kind: 'schools' | 'venues', regionId: number, page: Page): Promise<ChildRow[]> {
  const table = sql.raw(kind);
  return queryRows(
    executor,
    sql`select id::text as id, name, name as "sortKey", null as note from ${table}
      where region_id = ${regionId} ${keyset(page, sql`name`, sql`id::text`)} order by name, id::text ${limit(page)}`,
  );
}

export async function staffRows(executor: Executor, role: 'navigator' | 'mentor', where: { schoolId?: string; venueId?: string }, page: Page): Promise<ChildRow[]> {
  const scope = where.schoolId ? sql`sp.school_id = ${where.schoolId}` : sql`sp.venue_id = ${where.venueId!}`;
  return queryRows(
    executor,
    sql`select a.id::text as id, ${PERSON_NAME} as name, ${PERSON_NAME} as "sortKey", null as note
      from staff_profiles sp join accounts a on a.id = sp.account_id
      where ${scope} and a.role = ${role} and a.status <> 'disabled' ${keyset(page, PERSON_NAME, sql`a.id::text`)}
      order by 2, 1 ${limit(page)}`,
  );
}

/** A venue's or a mentor's published events starting within the dates, in time order. */
export async function eventRows(
  executor: Executor,
  owner: { venueId?: string; mentorId?: string },
  dates: { from: string; to: string },
  page: Page,
): Promise<ChildRow[]> {
  const scope = owner.venueId
    ? sql`e.venue_id = ${owner.venueId}`
    : sql`exists (select 1 from event_mentors m where m.event_id = e.id and m.mentor_id = ${owner.mentorId!})`;
  const sortKey = sql`to_char(e.starts_at, 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
  return queryRows(
    executor,
    sql`select e.id::text as id, e.title as name, ${sortKey} as "sortKey",
        to_char(e.starts_at at time zone 'Europe/Moscow', 'DD.MM.YYYY HH24:MI') as note
      from events e
      where ${scope} and e.status = 'published'
        and (e.starts_at at time zone 'Europe/Moscow')::date between ${dates.from} and ${dates.to}
        ${keyset(page, sortKey, sql`e.id::text`)}
      order by 3, 1 ${limit(page)}`,
  );
}

export interface DigestScopeRow {
  level: 'region' | 'school';
  id: string;
  name: string;
  emails: string[];
}

/** Each coordinator's region and each school with the active e-mails of its coordinators or school staff. */
export async function digestScopes(executor: Executor): Promise<DigestScopeRow[]> {
  return queryRows(
    executor,
    sql`select 'region' as level, r.id::text as id, r.name, array_agg(a.email order by a.email) as emails
      from regions r join staff_profiles sp on sp.region_id = r.id join accounts a on a.id = sp.account_id
      where a.role = 'regional_coordinator' and a.status = 'active'
      group by r.id, r.name
      union all
      select 'school', s.id::text, s.name, array_agg(a.email order by a.email)
      from schools s join staff_profiles sp on sp.school_id = s.id join accounts a on a.id = sp.account_id
      where a.role = 'school' and a.status = 'active' and s.status = 'active'
      group by s.id, s.name
      order by 1, 3`,
  );
}

/** The end of the latest season that has finished by the given moment, if any. */
export async function lastSeasonEndBefore(executor: Executor, at: Date): Promise<string | null> {
  const [row] = await queryRows<{ ends_on: string | null }>(
    executor,
    sql`select max(ends_on)::text as ends_on from seasons where ends_on < (${at.toISOString()}::timestamptz at time zone 'Europe/Moscow')::date`,
  );
  return row?.ends_on ?? null;
}
