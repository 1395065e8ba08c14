import { sql, type SQL } from 'drizzle-orm';
import { preparedRows, queryRows, type Database, type Executor, type Tx } from '@server/db/client.js';
import { LIVE_SESSION_CTE } from '@server/db/live-session.js';
import type { EnrolmentStatus } from '@common/events.js';
import { EVENT_CARD_COLUMNS, EVENT_CARD_JOINS, type EventCardRow } from './event-cards.repository.js';

/**
 * The facts behind every enrolment condition, for the CTEs `child` (id, status, email_verified_at,
 * grade, school_id) and `ev` (an events row). One text for the fused link statement and for every other path,
 * so the rules cannot drift apart. What concerns only the pupil is found once per pupil
 * (`child_facts`, materialised), not again for every candidate event.
 */
const FACTS_CTE = `child_facts as materialized (
  select child.id as child_id, child.grade, child.school_id,
    (child.status = 'active' and child.email_verified_at is not null) as registered,
    exists(select 1 from family_links fl where fl.child_id = child.id) as linked,
    exists(select 1 from consents co where co.child_id = child.id and co.kind = 'pd_processing' and co.withdrawn_at is null) as consent,
    exists(select 1 from diagnostic_attempts da where da.participant_id = child.id and da.status = 'completed') as tested,
    exists(select 1 from enrolments pe where pe.participant_id = child.id and pe.attendance in ('present', 'late')) as prior_trials
  from child
),
facts as (
  select cf.child_id, ev.id as event_id, ev.format, ev.status as event_status, ev.starts_at,
    cf.registered, cf.linked, cf.consent, cf.tested, cf.prior_trials,
    (ev.format <> 'school_lesson' or coalesce(cf.school_id = ev.school_id, false)) as own_school,
    cf.grade between ev.grade_from and ev.grade_to as grade_admitted,
    ev.seats_taken < ev.capacity as seat_free,
    exists(select 1 from enrolments ce join events ox on ox.id = ce.event_id
      where ce.participant_id = cf.child_id and ce.status in ('held', 'confirmed') and ox.id <> ev.id and ox.status = 'published'
        and ox.starts_at < ev.ends_at and ev.starts_at < ox.ends_at) as clash,
    le.id as live_id, le.status as live_status
  from child_facts cf cross join ev
  left join enrolments le on le.event_id = ev.id and le.participant_id = cf.child_id and le.status in ('held', 'confirmed', 'waitlisted')
)`;

/** The conditions that do not depend on seats, as SQL over `facts f`: what a seat or a waiting-list place requires. */
const ADMISSIBLE = `f.event_status = 'published' and f.starts_at > now() and f.live_id is null
  and f.registered and f.linked and f.consent and f.tested and (f.format <> 'school_lesson' or not f.prior_trials) and f.own_school
  and f.grade_admitted and not f.clash`;

export interface FactsRow {
  child_id: string;
  event_id: string;
  format: string;
  event_status: string;
  starts_at: Date | string;
  registered: boolean;
  linked: boolean;
  consent: boolean;
  tested: boolean;
  prior_trials: boolean;
  own_school: boolean;
  grade_admitted: boolean;
  seat_free: boolean;
  clash: boolean;
  live_id: string | null;
  live_status: EnrolmentStatus | null;
}

/** The facts for several pupils and one event. */
export async function factsFor(executor: Executor, eventId: string, childIds: readonly string[]): Promise<FactsRow[]> {
  if (childIds.length === 0) return [];
  return queryRows<FactsRow>(
    executor,
    sql`with ev as (select * from events where id = ${eventId}),
      child as (select c.id, c.status, c.email_verified_at, pp.grade, pp.school_id from accounts c
        join participant_profiles pp on pp.account_id = c.id where c.id = any(${sql.param([...childIds])}::uuid[])),
      ${sql.raw(FACTS_CTE)}
      select * from facts`,
  );
}

export async function factsOf(executor: Executor, eventId: string, childId: string): Promise<FactsRow | null> {
  return (await factsFor(executor, eventId, [childId]))[0] ?? null;
}

export interface LinkEnrolRow extends Partial<FactsRow> {
  account_id: string;
  role: string;
  last_seen_at: Date;
  link_ok: boolean;
  enrolment_id: string | null;
  enrolment_status: EnrolmentStatus | null;
}

/**
 * A parent's enrolment of its child through a registration link, in one statement: the session,
 * the link, the family link, every condition, the seat and the row. The seat is a conditional
 * UPDATE of the event row, so concurrent statements queue on it and the one that finds it full
 * takes nothing; a second statement for the same child, or a retried idempotency key, breaks a
 * unique index and the whole statement, seat included, is undone. The family is told afterwards,
 * in batches (enrolment-announcements.ts): the row is left unannounced.
 */
const LINK_ENROL_SQL = `with ${LIVE_SESSION_CTE},
  who as (select a.id, a.role, live.last_seen_at from live join accounts a on a.id = live.account_id where a.status <> 'disabled'),
  lk as (select l.event_id from event_links l where l.token_hash = $3 and l.revoked_at is null),
  ev as (select e.* from events e join lk on lk.event_id = e.id),
  child as (select c.id, c.status, c.email_verified_at, pp.grade, pp.school_id from who
    join family_links fl on fl.parent_id = who.id and fl.child_id = $4 and who.role = 'parent'
    join accounts c on c.id = fl.child_id join participant_profiles pp on pp.account_id = c.id),
  ${FACTS_CTE},
  ok as (select f.* from facts f where ${ADMISSIBLE}),
  seat as (update events e set seats_taken = e.seats_taken + 1 from ok
    where e.id = ok.event_id and e.seats_taken < e.capacity and e.status = 'published' returning e.id),
  ins as (insert into enrolments (event_id, participant_id, status, source, created_by, idempotency_key, confirmed_at, queued_at, announced_at)
    select ok.event_id, ok.child_id, case when seat.id is null then 'waitlisted' else 'confirmed' end, 'link', who.id, $5,
      case when seat.id is null then null else now() end, case when seat.id is null then now() end, null
    from ok cross join who left join seat on true
    where seat.id is not null or $6::boolean
    returning id, status)
  select who.id as account_id, who.role, who.last_seen_at, exists(select 1 from lk) as link_ok, f.*,
    ins.id as enrolment_id, ins.status as enrolment_status
  from who left join facts f on true left join ins on true`;

export async function enrolByLinkStatement(
  database: Database,
  params: { sessionHash: string; idleSeconds: number; tokenHash: string; childId: string; idempotencyKey: string | null; waitlist: boolean },
): Promise<LinkEnrolRow | null> {
  const [row] = await database.prepared<LinkEnrolRow>('enrol_by_link', LINK_ENROL_SQL, [
    params.sessionHash,
    params.idleSeconds,
    params.tokenHash,
    params.childId,
    params.idempotencyKey,
    params.waitlist,
  ]);
  return row ?? null;
}

export interface UnannouncedEnrolment {
  id: string;
  event_id: string;
  participant_id: string;
  status: EnrolmentStatus;
  source: NewEnrolment['source'];
}

/**
 * The oldest enrolments whose families have not been told yet, locked; rows another transaction
 * is announcing are skipped, so processes announce side by side without waiting on each other.
 */
export async function lockUnannounced(tx: Tx, limit: number): Promise<UnannouncedEnrolment[]> {
  return queryRows<UnannouncedEnrolment>(
    tx,
    sql`select id, event_id, participant_id, status, source from enrolments
      where announced_at is null order by created_at limit ${limit} for update skip locked`,
  );
}

export async function markAnnounced(tx: Tx, ids: readonly string[]): Promise<void> {
  await tx.execute(sql`update enrolments set announced_at = now() where id = any(${sql.param([...ids])}::uuid[])`);
}

/** Takes one seat if one is free; false when the event is full (or no longer open). */
export async function takeSeat(executor: Executor, eventId: string): Promise<boolean> {
  const rows = await queryRows(
    executor,
    sql`update events set seats_taken = seats_taken + 1 where id = ${eventId} and seats_taken < capacity and status = 'published' returning id`,
  );
  return rows.length === 1;
}

export async function releaseSeat(executor: Executor, eventId: string): Promise<void> {
  await executor.execute(sql`update events set seats_taken = seats_taken - 1 where id = ${eventId} and seats_taken > 0`);
}

export interface NewEnrolment {
  eventId: string;
  participantId: string;
  status: 'held' | 'confirmed' | 'waitlisted';
  source: 'link' | 'catalogue' | 'navigator' | 'parent';
  createdBy: string;
  idempotencyKey: string | null;
  holdHours: number;
}

export async function insertEnrolment(executor: Executor, e: NewEnrolment): Promise<{ id: string; status: EnrolmentStatus; hold_expires_at: Date | null }> {
  const [row] = await queryRows<{ id: string; status: EnrolmentStatus; hold_expires_at: Date | null }>(
    executor,
    sql`insert into enrolments (event_id, participant_id, status, source, created_by, idempotency_key, confirmed_at, queued_at, hold_expires_at)
      select ${e.eventId}, ${e.participantId}, ${e.status}, ${e.source}, ${e.createdBy}, ${e.idempotencyKey},
        case when ${e.status} = 'confirmed' then now() end,
        case when ${e.status} = 'waitlisted' then now() end,
        case when ${e.status} = 'held' then least(now() + make_interval(hours => ${e.holdHours}), ev.starts_at) end
      from events ev where ev.id = ${e.eventId}
      returning id, status, hold_expires_at`,
  );
  return row!;
}

export interface EnrolmentRow {
  id: string;
  event_id: string;
  participant_id: string;
  status: EnrolmentStatus;
  source: NewEnrolment['source'];
  created_by: string;
  hold_expires_at: Date | null;
  reconfirm_required: boolean;
  starts_at: Date;
  event_status: string;
  title: string;
}

const ENROLMENT_COLUMNS = sql`en.id, en.event_id, en.participant_id, en.status, en.source, en.created_by, en.hold_expires_at,
  en.reconfirm_required, ev.starts_at, ev.status as event_status, ev.title`;

export async function findEnrolment(executor: Executor, id: string, lock = false): Promise<EnrolmentRow | null> {
  const [row] = await queryRows<EnrolmentRow>(
    executor,
    sql`select ${ENROLMENT_COLUMNS} from enrolments en join events ev on ev.id = en.event_id where en.id = ${id} ${lock ? sql`for update of en` : sql``}`,
  );
  return row ?? null;
}

/** The pupil's live enrolments in events not yet begun, locked, with each event's venue. */
export async function upcomingLiveEnrolments(tx: Tx, participantId: string): Promise<Array<EnrolmentRow & { venue_id: string }>> {
  return queryRows<EnrolmentRow & { venue_id: string }>(
    tx,
    sql`select ${ENROLMENT_COLUMNS}, ev.venue_id from enrolments en join events ev on ev.id = en.event_id
      where en.participant_id = ${participantId} and en.status in ('held', 'confirmed', 'waitlisted') and ev.starts_at > now()
      order by ev.starts_at, en.id
      for update of en`,
  );
}

export async function findByIdempotencyKey(executor: Executor, createdBy: string, key: string): Promise<EnrolmentRow | null> {
  const [row] = await queryRows<EnrolmentRow>(
    executor,
    sql`select ${ENROLMENT_COLUMNS} from enrolments en join events ev on ev.id = en.event_id where en.created_by = ${createdBy} and en.idempotency_key = ${key}`,
  );
  return row ?? null;
}

export async function findLiveEnrolment(executor: Executor, eventId: string, participantId: string): Promise<EnrolmentRow | null> {
  const [row] = await queryRows<EnrolmentRow>(
    executor,
    sql`select ${ENROLMENT_COLUMNS} from enrolments en join events ev on ev.id = en.event_id
      where en.event_id = ${eventId} and en.participant_id = ${participantId} and en.status in ('held', 'confirmed', 'waitlisted')`,
  );
  return row ?? null;
}

/** Ends a live enrolment the caller has locked (findEnrolment with lock), or confirms a held one. */
export async function setStatus(executor: Executor, id: string, to: 'confirmed' | 'cancelled' | 'declined', reason: string | null = null): Promise<void> {
  const ending = to !== 'confirmed';
  await executor.execute(sql`update enrolments set status = ${to},
      confirmed_at = case when ${to} = 'confirmed' then now() else confirmed_at end,
      hold_expires_at = null,
      ended_at = case when ${ending} then now() end,
      end_reason = ${reason},
      reconfirm_required = case when ${ending} then false else reconfirm_required end
    where id = ${id}`);
}

/** A waitlisted enrolment promoted to a seat: held for the parent, or confirmed. */
export async function promote(executor: Executor, id: string, to: 'held' | 'confirmed', holdHours: number): Promise<void> {
  await executor.execute(sql`update enrolments en set status = ${to}, queued_at = null,
      confirmed_at = case when ${to} = 'confirmed' then now() end,
      hold_expires_at = case when ${to} = 'held' then least(now() + make_interval(hours => ${holdHours}), ev.starts_at) end
    from events ev where ev.id = en.event_id and en.id = ${id}`);
}

export async function clearReconfirm(executor: Executor, id: string): Promise<boolean> {
  const rows = await queryRows(executor, sql`update enrolments set reconfirm_required = false where id = ${id} and reconfirm_required returning id`);
  return rows.length === 1;
}

/** The waiting list of an event, first come first; locked so two releases never promote the same pupil. */
export async function waitingList(executor: Executor, eventId: string, limit: number): Promise<Array<{ id: string; participant_id: string; source: NewEnrolment['source'] }>> {
  return queryRows(
    executor,
    sql`select id, participant_id, source from enrolments where event_id = ${eventId} and status = 'waitlisted'
      order by queued_at, id limit ${limit} for update skip locked`,
  );
}

/** Held seats whose time for the parent's answer is over, claimed by the caller's transaction. */
export async function claimExpiredHolds(executor: Executor, limit: number): Promise<Array<{ id: string; event_id: string; participant_id: string; title: string }>> {
  return queryRows(
    executor,
    sql`update enrolments en set status = 'expired', ended_at = now(), end_reason = 'hold_expired', hold_expires_at = null
      from events ev
      where ev.id = en.event_id and en.id in (
        select id from enrolments where status = 'held' and hold_expires_at <= now() order by hold_expires_at limit ${limit} for update skip locked)
      returning en.id, en.event_id, en.participant_id, ev.title`,
  );
}

export interface PupilEnrolmentRow extends EventCardRow {
  enrolment_id: string;
  enrolment_status: EnrolmentStatus;
  source: string;
  reconfirm_required: boolean;
  hold_expires_at: Date | null;
  attendance: 'present' | 'absent' | 'late' | null;
  mentor_grade: number | null;
  feedback: string | null;
  observed_skills: Array<{ code: string; name: string }>;
  end_reason: string | null;
}

/**
 * A pupil's enrolments worth showing: the live ones, those ended by the event's cancellation while
 * it would still have been ahead, and the confirmed ones of events that took place.
 */
export async function pupilEnrolments(executor: Executor, participantId: string): Promise<PupilEnrolmentRow[]> {
  return queryRows(
    executor,
    sql`select ${sql.raw(EVENT_CARD_COLUMNS)}, en.id as enrolment_id, en.status as enrolment_status, en.source, en.reconfirm_required,
        en.hold_expires_at, en.attendance, en.grade as mentor_grade, en.feedback, en.end_reason,
        (select coalesce(json_agg(json_build_object('code', ss.code, 'name', ss.name) order by ss.name), '[]'::json)
           from soft_skills ss where ss.code = any(en.observed_skills)) as observed_skills
      from enrolments en join events e on e.id = en.event_id ${sql.raw(EVENT_CARD_JOINS)}
      where en.participant_id = ${participantId}
        and (en.status in ('held', 'confirmed', 'waitlisted') or (en.end_reason in ('event_cancelled', 'consent_withdrawn') and e.ends_at > now() - interval '7 days'))
      order by e.starts_at`,
  );
}

/** Pupils by id, with the grade the conditions look at; ids of other roles match nothing. */
export async function pupilsByIds(executor: Executor, ids: readonly string[]): Promise<Array<{ id: string; name: string; grade: number }>> {
  if (ids.length === 0) return [];
  return queryRows(
    executor,
    sql`select c.id, c.first_name || ' ' || c.last_name as name, pp.grade from accounts c
      join participant_profiles pp on pp.account_id = c.id where c.id = any(${sql.param([...ids])}::uuid[])`,
  );
}

export interface LinkLookup {
  event_id: string;
  revoked: boolean;
}

/** Which event a link token names, revoked or not; null for a token never issued. */
export async function findLink(executor: Executor, tokenHash: string): Promise<LinkLookup | null> {
  const [row] = await queryRows<LinkLookup>(executor, sql`select event_id, revoked_at is not null as revoked from event_links where token_hash = ${tokenHash}`);
  return row ?? null;
}

export interface CatalogueFilter {
  regionId: number | null;
  cityId: number | null;
  sphere?: string;
  competency?: string;
  format?: 'in_person' | 'online';
  from?: string;
  to?: string;
  ovz: boolean;
  withSeats: boolean;
  page: number;
  pageSize: number;
  /** «Подходит вам»: the model's order for one pupil instead of the date's (see fitOrder). */
  fit?: FitOrder;
}

/**
 * The terms of the fit model the catalogue orders by, computed from the pupil's footprint: each
 * competency's pull (by code), the weight of the place and what it is worth online or in the
 * pupil's city, and what each difficulty is worth at the pupil's grade.
 */
export interface FitOrder {
  competencies: ReadonlyArray<{ code: string; score: number }>;
  cityId: number | null;
  place: { weight: number; online: number; city: number };
  difficulty: Readonly<Record<'basic' | 'intermediate' | 'advanced', number>>;
}

/** The fit as a SQL expression over the card's joins; competencies the pupil shows no pull to count 0. */
function fitExpression(fit: FitOrder): SQL {
  const d = fit.difficulty;
  return sql`(coalesce(fit.score, 0)
    + ${fit.place.weight}::float8 * (case when e.format = 'online' then ${fit.place.online}::float8 when pl.city_id = ${fit.cityId}::int then ${fit.place.city}::float8 else 0 end)
    + (case e.difficulty when 'basic' then ${d.basic}::float8 when 'intermediate' then ${d.intermediate}::float8 else ${d.advanced}::float8 end))`;
}

function fitJoin(fit: FitOrder): SQL {
  if (fit.competencies.length === 0) return sql`left join (select null::text as code, 0::float8 as score) fit on false`;
  const rows = sql.join(
    fit.competencies.map((c) => sql`(${c.code}::text, ${c.score}::float8)`),
    sql`, `,
  );
  return sql`left join (values ${rows}) fit(code, score) on fit.code = co.code`;
}

/**
 * The tables the catalogue's filters (and the fit's terms) read, and no others: the page and its
 * count are planned on every request, and a join fewer is a good part of the time.
 */
function filterJoins(f: CatalogueFilter): SQL {
  const joins: SQL[] = [];
  if (f.regionId !== null) joins.push(sql`join venues v on v.id = e.venue_id`);
  if (f.cityId !== null || f.fit) joins.push(sql`left join venue_places pl on pl.id = e.place_id`);
  if (f.sphere || f.competency || f.fit) joins.push(sql`join competencies co on co.id = e.competency_id`);
  if (f.sphere) joins.push(sql`join spheres sp on sp.id = co.sphere_id`);
  return sql.join(joins, sql` `);
}

/**
 * Published trials a pupil may find on its own; lessons are reached only by their school's link.
 * Online events belong to the venue's region and are shown whatever city is chosen.
 */
export async function catalogue(database: Database, f: CatalogueFilter): Promise<{ rows: Array<EventCardRow & { fit_score?: number }>; total: number }> {
  const where: SQL[] = [sql`e.status = 'published'`, sql`e.format <> 'school_lesson'`, sql`e.starts_at > now()`];
  if (f.regionId !== null) where.push(sql`v.region_id = ${f.regionId}`);
  if (f.cityId !== null) where.push(sql`(e.format = 'online' or pl.city_id = ${f.cityId})`);
  if (f.sphere) where.push(sql`sp.code = ${f.sphere}`);
  if (f.competency) where.push(sql`co.code = ${f.competency}`);
  if (f.format) where.push(sql`e.format = ${f.format}`);
  if (f.from) where.push(sql`e.starts_at >= (${f.from}::date)::timestamp at time zone 'Europe/Moscow'`);
  if (f.to) where.push(sql`e.starts_at < ((${f.to}::date + 1)::timestamp at time zone 'Europe/Moscow')`);
  if (f.ovz) where.push(sql`e.ovz_suitable`);
  if (f.withSeats) where.push(sql`e.seats_taken < e.capacity`);
  const condition = sql.join(where, sql` and `);
  // The page is chosen from the bare rows; only its cards are built, not every matching event's.
  const joins = filterJoins(f);
  const page = f.fit
    ? sql`select e.id, e.starts_at, ${fitExpression(f.fit)} as fit_score from events e ${joins} ${fitJoin(f.fit)}
        where ${condition} order by fit_score desc, e.starts_at, e.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`
    : sql`select e.id, e.starts_at, 0::float8 as fit_score from events e ${joins}
        where ${condition} order by e.starts_at, e.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`;
  // Everyone opening the catalogue runs the same few shapes of these two: prepared, they are not planned again.
  const [rows, count] = await Promise.all([
    preparedRows<EventCardRow & { fit_score: number }>(
      database,
      'catalogue_page',
      sql`select ${sql.raw(EVENT_CARD_COLUMNS)}, page.fit_score from (${page}) page join events e on e.id = page.id ${sql.raw(EVENT_CARD_JOINS)}
        order by page.fit_score desc, page.starts_at, page.id`,
    ),
    preparedRows<{ n: number }>(database, 'catalogue_count', sql`select count(*)::int as n from events e ${joins} where ${condition}`),
  ]);
  return { rows, total: count[0]!.n };
}

export async function pupilHome(executor: Executor, participantId: string): Promise<{ region_id: number; city_id: number; grade: number } | null> {
  const [row] = await queryRows<{ region_id: number; city_id: number; grade: number }>(
    executor,
    sql`select region_id, city_id, grade from participant_profiles where account_id = ${participantId}`,
  );
  return row ?? null;
}

/** An event the pupil may enrol in, as its card, with the city of its place. */
export interface AdmissibleEventRow extends EventCardRow {
  event_id: string;
  city_id: number | null;
}

/**
 * The upcoming trials of the given competencies that one pupil may enrol in right now with a seat:
 * every condition of enrolment (the same FACTS_CTE and ADMISSIBLE as every enrolment path), its
 * grade, the pupil's region, and, for a pupil with ОВЗ, only events suitable for it. Each
 * competency's events are found through `events_competency_open_idx`, at most `perCompetency` of
 * them, so no request ever reads all events; the ones in `excludeIds` (dismissed) do not take a
 * competency's places. Prepared: the statement is long to plan and every
 * pupil's recommendations run it.
 */
const ADMISSIBLE_EVENTS_SQL = `with pupil as (select c.id, c.status, c.email_verified_at, pp.grade, pp.school_id, pp.region_id from accounts c
    join participant_profiles pp on pp.account_id = c.id where c.id = $1),
  child as (select id, status, email_verified_at, grade, school_id from pupil),
  ev as (select e.* from unnest($2::int[]) as wanted(competency_id)
    cross join pupil
    cross join lateral (
      select e.* from events e join venues v on v.id = e.venue_id
      where e.competency_id = wanted.competency_id and e.status = 'published' and e.starts_at > now()
        and e.format <> 'school_lesson' and e.seats_taken < e.capacity and v.region_id = pupil.region_id
        and pupil.grade between e.grade_from and e.grade_to and (not $4::boolean or e.ovz_suitable)
        and e.id <> all($5::uuid[])
      order by e.starts_at limit $3) e),
  ${FACTS_CTE}
  select f.event_id, pl.city_id, ${EVENT_CARD_COLUMNS}
  from facts f join events e on e.id = f.event_id ${EVENT_CARD_JOINS}
  where ${ADMISSIBLE} and f.seat_free`;

export async function admissibleEvents(
  database: Database,
  q: { participantId: string; competencyIds: readonly number[]; perCompetency: number; ovzOnly: boolean; excludeIds: readonly string[] },
): Promise<AdmissibleEventRow[]> {
  if (q.competencyIds.length === 0) return [];
  return database.prepared<AdmissibleEventRow>('admissible_events', ADMISSIBLE_EVENTS_SQL, [
    q.participantId,
    [...q.competencyIds],
    q.perCompetency,
    q.ovzOnly,
    [...q.excludeIds],
  ]);
}

export interface AttendedTrialRow {
  event_id: string;
  title: string;
  grade: number | null;
}

/** The events a pupil came to, with the mentor's grade: the footprint's `event:<id>` sources, named. */
export async function attendedTrials(executor: Executor, participantId: string): Promise<AttendedTrialRow[]> {
  return queryRows<AttendedTrialRow>(
    executor,
    sql`select e.id as event_id, e.title, en.grade from enrolments en join events e on e.id = en.event_id
      where en.participant_id = ${participantId} and en.attendance in ('present', 'late') order by e.starts_at`,
  );
}
