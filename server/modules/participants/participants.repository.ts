import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';
import {
  accounts,
  navigatorAssignments,
  participantProfiles,
  schools,
  staffProfiles,
} from '@server/db/schema/index.js';
import { likePattern, likePrefix } from '@common/schemas/lists.js';
import { PARTICIPANT_SEARCH_SUBSTRING_MIN, type ParticipantListQuery, type ParticipantSort } from '@common/schemas/participants.js';
import type { ParticipantScope } from './participants.policy.js';
import { consentWithdrawnSql } from '../identity/index.js';

export interface SchoolRow {
  id: string;
  name: string;
  regionId: number;
  cityId: number;
}

export async function findSchool(executor: Executor, id: string): Promise<SchoolRow | undefined> {
  const [row] = await executor
    .select({ id: schools.id, name: schools.name, regionId: schools.regionId, cityId: schools.cityId })
    .from(schools)
    .where(eq(schools.id, id));
  return row;
}

/** A pupil's account frozen (waiting for erasure) is out of every staff list and card. */
function scopeCondition(scope: ParticipantScope): SQL {
  return sql`pp.account_status <> 'disabled' and ${ownScope(scope)}`;
}

function ownScope(scope: ParticipantScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'region':
      return sql`pp.region_id = ${scope.regionId}`;
    case 'school':
      return sql`pp.school_id = ${scope.schoolId}`;
    case 'navigator':
      return sql`na.navigator_id = ${scope.navigatorId}`;
    case 'none':
      return sql`false`;
  }
}

const HAS_PARENT = sql`exists (select 1 from family_links fl where fl.child_id = pp.account_id)`;
const HAS_CONSENT = sql`exists (select 1 from consents c where c.child_id = pp.account_id and c.kind = 'pd_processing' and c.withdrawn_at is null)`;
const HAS_TESTED = sql`exists (select 1 from diagnostic_attempts d where d.participant_id = pp.account_id and d.status = 'completed')`;

const STATUS_CONDITIONS = {
  not_activated: sql`pp.account_status <> 'active'`,
  no_parent: sql`not ${HAS_PARENT}`,
  no_consent: sql`not ${HAS_CONSENT}`,
  no_navigator: sql`na.participant_id is null`,
  not_tested: sql`not ${HAS_TESTED}`,
} as const;

const FROM = sql`from participant_profiles pp
  join accounts a on a.id = pp.account_id
  left join navigator_assignments na on na.participant_id = pp.account_id`;

/** The values of a row's sort key, in order: the keyset cursor is made of them. */
export type SortKey = Array<string | number>;

/**
 * The columns of each order, as the indexes of migration 0020 hold them after the scope's column;
 * the last is the pupil's id, so ties never make a row appear twice or not at all.
 */
const SORT_COLUMNS: Record<ParticipantSort, ReadonlyArray<{ column: SQL; type: SQL }>> = {
  name: [
    { column: sql`pp.last_name_key`, type: sql`text` },
    { column: sql`pp.first_name_key`, type: sql`text` },
    { column: sql`pp.middle_name_key`, type: sql`text` },
    { column: sql`pp.account_id`, type: sql`uuid` },
  ],
  grade: [
    { column: sql`pp.grade`, type: sql`smallint` },
    { column: sql`pp.last_name_key`, type: sql`text` },
    { column: sql`pp.first_name_key`, type: sql`text` },
    { column: sql`pp.middle_name_key`, type: sql`text` },
    { column: sql`pp.account_id`, type: sql`uuid` },
  ],
  createdAt: [
    { column: sql`pp.created_at`, type: sql`timestamptz` },
    { column: sql`pp.account_id`, type: sql`uuid` },
  ],
};

/** Lower case with ё as е, as the database keeps names for sorting and searching. */
function listKey(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е');
}

/** Long enough for trigrams: any part of the name or e-mail; shorter, the start of the last name. */
function isSubstringSearch(q: string): boolean {
  return [...listKey(q)].length >= PARTICIPANT_SEARCH_SUBSTRING_MIN;
}

function searchCondition(q: string): SQL {
  const key = listKey(q);
  // Too short for a trigram: the start of the last name, a range of the name-ordered index.
  if (!isSubstringSearch(q)) return sql`pp.last_name_key like ${likePrefix(key)}`;
  return sql`pp.search_text like ${likePattern(key)}`;
}

/** The scope, the filters and the cursor: every condition of the list but the search. */
function listConditions(scope: ParticipantScope, q: ParticipantListQuery, after: SortKey | null): SQL[] {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (q.grade !== undefined) conditions.push(sql`pp.grade = ${q.grade}`);
  if (q.schoolId) conditions.push(sql`pp.school_id = ${q.schoolId}`);
  if (q.navigatorId) conditions.push(sql`na.navigator_id = ${q.navigatorId}`);
  if (q.status) conditions.push(STATUS_CONDITIONS[q.status]);
  if (after) conditions.push(pastCursor(q, after));
  return conditions;
}

function assignmentsJoin(scope: ParticipantScope, q: ParticipantListQuery): SQL {
  const needed = scope.kind === 'navigator' || q.navigatorId !== undefined || q.status === 'no_navigator';
  return needed ? sql`left join navigator_assignments na on na.participant_id = pp.account_id` : sql``;
}

function orderBy(q: ParticipantListQuery, columns: ReadonlyArray<SQL> = SORT_COLUMNS[q.sort].map((c) => c.column)): SQL {
  const dir = sql.raw(q.order === 'desc' ? 'desc' : 'asc');
  return sql.join(
    columns.map((column) => sql`${column} ${dir}`),
    sql`, `,
  );
}

/** Rows strictly past the cursor in the list's order: one row comparison, an index bound. */
function pastCursor(q: ParticipantListQuery, after: SortKey): SQL {
  const columns = SORT_COLUMNS[q.sort];
  const values = columns.map((c, i) => sql`${after[i]}::${c.type}`);
  return sql`(${sql.join(
    columns.map((c) => c.column),
    sql`, `,
  )}) ${sql.raw(q.order === 'desc' ? '<' : '>')} (${sql.join(values, sql`, `)})`;
}

function sortKeyOf(q: ParticipantListQuery): SQL {
  return sql`json_build_array(${sql.join(
    SORT_COLUMNS[q.sort].map((c) => c.column),
    sql`, `,
  )})`;
}

export interface ParticipantRow {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  grade: number;
  snils_enc: string;
  status: string;
  created_at: Date | string;
  school_id: string | null;
  school_name: string | null;
  navigator_id: string | null;
  navigator_last_name: string | null;
  navigator_first_name: string | null;
  navigator_middle_name: string | null;
  parent_linked: boolean;
  consent_given: boolean;
  tested: boolean;
}

const LIST_COLUMNS = sql`a.id, a.last_name, a.first_name, a.middle_name, pp.grade, pp.snils_enc, a.status, a.created_at,
  s.id as school_id, s.name as school_name,
  nav.id as navigator_id, nav.last_name as navigator_last_name, nav.first_name as navigator_first_name, nav.middle_name as navigator_middle_name,
  ${HAS_PARENT} as parent_linked, ${HAS_CONSENT} as consent_given, ${HAS_TESTED} as tested`;

const DETAIL_JOINS = sql`left join schools s on s.id = pp.school_id
  left join accounts nav on nav.id = na.navigator_id`;

/**
 * How many of the scope's pupils, in the list's order, a substring search reads before it turns to
 * the trigram index. A common name (say «Иванов», one pupil in fifty) fills a page within the first
 * few hundred rows whatever the region's size, where the index would fetch and sort every match in
 * the country; a rare one fills no page here, and the index finds its few matches at once. A scope
 * smaller than this (a school, a navigator's pupils) is read whole, and that is the answer.
 */
export const SEARCH_WALK_ROWS = 2_000;

export type ParticipantPageRow = ParticipantRow & { sort_key: SortKey };

/**
 * A search by name order puts first the pupils whose last name starts with the search: whom a
 * coordinator typing «Иванов» looks for, read straight off the scope's name index however many
 * the region has. The other matches (a first name, a patronymic, the middle of a name, an
 * e-mail) follow in the same order. The sort key of such a search starts with its group, 0 or 1.
 */
export function ranksMatches(q: ParticipantListQuery): boolean {
  return q.sort === 'name' && q.q !== undefined && isSubstringSearch(q.q);
}

/**
 * Up to `limit` of the caller's pupils past the cursor, in the list's order. The page is chosen
 * from the profile alone, reading the scope's index in the shown order (or, for a search, the
 * matching rows of the scope); only its rows are then joined to what the list shows.
 */
export async function listParticipants(
  executor: Executor,
  scope: ParticipantScope,
  q: ParticipantListQuery,
  after: SortKey | null,
  limit: number,
  walkRows = SEARCH_WALK_ROWS,
): Promise<ParticipantPageRow[]> {
  if (ranksMatches(q)) return rankedSearch(executor, scope, q, after, limit, walkRows);
  const conditions = listConditions(scope, q, after);
  if (!q.q) return selectPage(executor, scope, q, conditions, limit);
  if (!isSubstringSearch(q.q)) return selectPage(executor, scope, q, [...conditions, searchCondition(q.q)], limit);
  return searchPage(executor, scope, q, conditions, limit, walkRows);
}

/** The search by name order (see ranksMatches): the last names that start with it, then the rest. */
async function rankedSearch(
  executor: Executor,
  scope: ParticipantScope,
  q: ParticipantListQuery,
  after: SortKey | null,
  limit: number,
  walkRows: number,
): Promise<ParticipantPageRow[]> {
  const [group, ...key] = after ?? [0];
  const startsLastName = sql`pp.last_name_key like ${likePrefix(listKey(q.q!))}`;
  const grouped = (n: number) => (row: ParticipantPageRow) => ({ ...row, sort_key: [n, ...row.sort_key] });
  let first: ParticipantPageRow[] = [];
  if (group === 0) {
    first = (await selectPage(executor, scope, q, [...listConditions(scope, q, after ? key : null), startsLastName], limit)).map(grouped(0));
    if (first.length >= limit) return first;
  }
  const conditions = [...listConditions(scope, q, group === 1 ? key : null), sql`not (${startsLastName})`];
  const rest = await searchPage(executor, scope, q, conditions, limit - first.length, walkRows);
  return [...first, ...rest.map(grouped(1))];
}

/** The page of pupils meeting `conditions`, read in the list's order, with what the list shows of each. */
async function selectPage(executor: Executor, scope: ParticipantScope, q: ParticipantListQuery, conditions: SQL[], limit: number): Promise<ParticipantPageRow[]> {
  const page = sql`select pp.account_id, ${sortKeyOf(q)} as sort_key
    from participant_profiles pp ${assignmentsJoin(scope, q)}
    where ${sql.join(conditions, sql` and `)}
    order by ${orderBy(q)}
    limit ${limit}`;
  return queryRows<ParticipantPageRow>(
    executor,
    sql`select ${LIST_COLUMNS}, page.sort_key
      from (${page}) page
      join participant_profiles pp on pp.account_id = page.account_id
      join accounts a on a.id = pp.account_id
      left join navigator_assignments na on na.participant_id = pp.account_id
      ${DETAIL_JOINS}
      order by ${orderBy(q)}`,
  );
}

/**
 * A substring search's page. First the next `walkRows` pupils of the scope in the list's order,
 * filtered: the page found is the answer when it is full or the walk reached the scope's end.
 * Otherwise the matches are too rare for walking, and the trigram index is asked.
 */
async function searchPage(
  executor: Executor,
  scope: ParticipantScope,
  q: ParticipantListQuery,
  conditions: SQL[],
  limit: number,
  walkRows: number,
): Promise<ParticipantPageRow[]> {
  const keys = SORT_COLUMNS[q.sort].map((_, i) => sql.raw(`walk.k${i}`));
  const rows = await queryRows<ParticipantPageRow & { walked: number }>(
    executor,
    sql`with walk as materialized (
        select pp.account_id, ${sql.join(
          SORT_COLUMNS[q.sort].map((c, i) => sql`${c.column} as ${sql.raw(`k${i}`)}`),
          sql`, `,
        )}, ${searchCondition(q.q!)} as hit
        from participant_profiles pp ${assignmentsJoin(scope, q)}
        where ${sql.join(conditions, sql` and `)}
        order by ${orderBy(q)}
        limit ${walkRows}
      ), page as (
        select walk.account_id, json_build_array(${sql.join(keys, sql`, `)}) as sort_key, ${sql.join(
          keys.map((k, i) => sql`${k} as ${sql.raw(`k${i}`)}`),
          sql`, `,
        )}
        from walk where walk.hit
        order by ${orderBy(q, keys)}
        limit ${limit}
      )
      select ${LIST_COLUMNS}, page.sort_key, w.walked
      from (select count(*)::int as walked from walk) w
      left join page on true
      left join participant_profiles pp on pp.account_id = page.account_id
      left join accounts a on a.id = pp.account_id
      left join navigator_assignments na on na.participant_id = pp.account_id
      ${DETAIL_JOINS}
      order by ${orderBy(q, keys.map((_, i) => sql.raw(`page.k${i}`)))}`,
  );
  // No match at all still brings one row, empty but for how many pupils the walk read.
  const walked = rows[0]?.walked ?? 0;
  const found = rows.filter((row) => row.id !== null).map(({ walked: _, ...row }) => row);
  // Fewer matches than a page are the answer only when the walk read every pupil left in the scope.
  if (found.length >= limit || walked < walkRows) return found;
  return selectPage(executor, scope, q, [...conditions, searchCondition(q.q!)], limit);
}
/**
 * How many pupils the unfiltered list holds, from the schools' counters (migration 0017) less the
 * frozen pupils they still count; a navigator's pupils, a few dozen, are counted. Null when a
 * search or filter narrows the list: nothing keeps that figure, and counting it would read the
 * whole scope.
 */
export async function countParticipants(executor: Executor, scope: ParticipantScope, q: ParticipantListQuery): Promise<number | null> {
  if (q.q || q.grade !== undefined || q.status) return null;
  if (scope.kind === 'none') return 0;
  if (scope.kind === 'navigator' || q.navigatorId) {
    const conditions = [scopeCondition(scope)];
    if (q.navigatorId) conditions.push(sql`na.navigator_id = ${q.navigatorId}`);
    if (q.schoolId) conditions.push(sql`pp.school_id = ${q.schoolId}`);
    const [row] = await queryRows<{ total: number }>(
      executor,
      sql`select count(*)::int as total from navigator_assignments na join participant_profiles pp on pp.account_id = na.participant_id
        where ${sql.join(conditions, sql` and `)}`,
    );
    return row?.total ?? 0;
  }
  const schoolId = q.schoolId ?? (scope.kind === 'school' ? scope.schoolId : null);
  if (schoolId !== null) {
    const inScope = scope.kind === 'region' ? sql`s.region_id = ${scope.regionId}` : scope.kind === 'school' ? sql`s.id = ${scope.schoolId}` : sql`true`;
    const [row] = await queryRows<{ total: number }>(
      executor,
      sql`select (s.pupils_count - (select count(*) from participant_profiles pp where pp.school_id = s.id and pp.account_status = 'disabled'))::int as total
        from schools s where s.id = ${schoolId} and ${inScope}`,
    );
    return row?.total ?? 0;
  }
  const region = scope.kind === 'region' ? sql`region_id = ${scope.regionId}` : sql`true`;
  const [row] = await queryRows<{ total: number }>(
    executor,
    sql`select (
        (select coalesce(sum(pupils_count), 0) from schools where ${region})
        + (select count(*) from participant_profiles where ${region} and school_id is null and account_status <> 'disabled')
        - (select count(*) from participant_profiles where ${region} and school_id is not null and account_status = 'disabled')
      )::int as total`,
  );
  return row?.total ?? 0;
}

export interface ParticipantDetailRow extends ParticipantRow {
  birth_date: string | null;
  email: string;
  phone: string | null;
  region_id: number;
  region_name: string;
  city_id: number;
  city_name: string;
}

export async function findParticipantInScope(executor: Executor, scope: ParticipantScope, id: string): Promise<ParticipantDetailRow | undefined> {
  const [row] = await queryRows<ParticipantDetailRow>(
    executor,
    sql`select ${LIST_COLUMNS}, a.birth_date::text as birth_date, a.email, a.phone,
        r.id as region_id, r.name as region_name, ci.id as city_id, ci.name as city_name
      ${FROM} ${DETAIL_JOINS}
      join regions r on r.id = pp.region_id
      join cities ci on ci.id = pp.city_id
      where pp.account_id = ${id} and ${scopeCondition(scope)}`,
  );
  return row;
}

export async function findProfileOfSchool(executor: Executor, schoolId: string, id: string) {
  const [row] = await executor
    .select()
    .from(participantProfiles)
    .where(and(eq(participantProfiles.accountId, id), eq(participantProfiles.schoolId, schoolId)));
  return row;
}

/** The existing profile of a child, locked so a school taking it over cannot race another. */
export async function lockChildByIdentity(executor: Executor, identityBidx: string) {
  const [row] = await executor
    .select({ accountId: participantProfiles.accountId, schoolId: participantProfiles.schoolId })
    .from(participantProfiles)
    .where(eq(participantProfiles.identityBidx, identityBidx))
    .for('update');
  return row;
}

/** Moves pupils into a school: its place becomes theirs, and the school's word on the grade wins. */
export async function attachToSchool(executor: Executor, school: SchoolRow, pupils: ReadonlyArray<{ accountId: string; grade: number }>): Promise<void> {
  if (pupils.length === 0) return;
  await executor.execute(sql`update participant_profiles pp
    set school_id = ${school.id}, region_id = ${school.regionId}, city_id = ${school.cityId}, school_name_typed = null,
      grade = v.grade, updated_at = now()
    from unnest(${sql.param(pupils.map((p) => p.accountId))}::uuid[], ${sql.param(pupils.map((p) => p.grade))}::smallint[]) as v(id, grade)
    where pp.account_id = v.id`);
}

/** A navigator who works at this school and has not been removed. */
export async function isNavigatorOfSchool(executor: Executor, navigatorId: string, schoolId: string): Promise<boolean> {
  const rows = await executor
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(staffProfiles, eq(staffProfiles.accountId, accounts.id))
    .where(and(eq(accounts.id, navigatorId), eq(accounts.role, 'navigator'), ne(accounts.status, 'disabled'), eq(staffProfiles.schoolId, schoolId)));
  return rows.length > 0;
}

/** Locks the school's pupils among these ids and says how many of them there are. */
export async function lockPupilsOfSchool(executor: Executor, ids: readonly string[], schoolId: string): Promise<number> {
  const rows = await executor
    .select({ id: participantProfiles.accountId })
    .from(participantProfiles)
    .where(and(inArray(participantProfiles.accountId, [...ids]), eq(participantProfiles.schoolId, schoolId)))
    .for('update');
  return rows.length;
}

export async function assignNavigator(executor: Executor, ids: readonly string[], navigatorId: string, assignedBy: string): Promise<void> {
  await executor
    .insert(navigatorAssignments)
    .values(ids.map((participantId) => ({ participantId, navigatorId, assignedBy })))
    .onConflictDoUpdate({
      target: navigatorAssignments.participantId,
      set: { navigatorId, assignedBy, assignedAt: sql`now()` },
    });
}

export async function unassignNavigator(executor: Executor, ids: readonly string[]): Promise<void> {
  await executor.delete(navigatorAssignments).where(inArray(navigatorAssignments.participantId, [...ids]));
}

/**
 * The mentor ran an event the pupil came to (present or late), and the pupil's personal data may
 * be processed (a parent's consent in force): both facts of the mentor's relation, in one query.
 */
export async function mentorFacts(executor: Executor, pupilId: string, mentorId: string): Promise<{ attended: boolean; consented: boolean }> {
  const [row] = await queryRows<{ attended: boolean; consented: boolean }>(
    executor,
    sql`select
        exists (
          select 1 from enrolments en join event_mentors em on em.event_id = en.event_id
          where en.participant_id = ${pupilId} and em.mentor_id = ${mentorId} and en.attendance in ('present', 'late')
        ) and not exists (select 1 from accounts a where a.id = ${pupilId} and a.status = 'disabled') as attended,
        exists (
          select 1 from consents c where c.child_id = ${pupilId} and c.kind = 'pd_processing' and c.withdrawn_at is null
        ) as consented`,
  );
  return row ?? { attended: false, consented: false };
}

/**
 * Both facts of the navigator's relation, in one query: assigned, with the pupil's account not
 * frozen (a pupil waiting for erasure is out of the navigator's sight), and whether the parents'
 * consent to process the pupil's data was withdrawn.
 */
export async function navigatorFacts(executor: Executor, pupilId: string, navigatorId: string): Promise<{ assigned: boolean; withdrawn: boolean }> {
  const [row] = await queryRows<{ assigned: boolean; withdrawn: boolean }>(
    executor,
    sql`select
        exists (
          select 1 from navigator_assignments na join accounts a on a.id = na.participant_id
          where na.participant_id = ${pupilId} and na.navigator_id = ${navigatorId} and a.status <> 'disabled'
        ) as assigned,
        ${consentWithdrawnSql(sql`${pupilId}`, 'pd_processing')} as withdrawn`,
  );
  return row ?? { assigned: false, withdrawn: false };
}
