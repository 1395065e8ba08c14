import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';

/** The additive counters of kpi_contributions and kpi_weekly, in one order for every statement. */
export const COUNTERS = [
  'registered',
  'activated',
  'parent_linked',
  'consent_given',
  'tested',
  'attempts',
  'enrolled',
  'attended',
  'marks',
  'absences',
  'trials_held',
  'seats_offered',
  'seats_filled',
  'feedback_on_time',
  'feedback_due',
  'plans_published',
  'support_in_sla',
  'support_due',
  'guidance_minutes',
  'guidance_pupils',
  'min_40h',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

export type SourceKind = 'pupil' | 'event' | 'support';
export type DirtyKind = SourceKind | 'event_pupils';

/** The 40 hours of the federal minimum, in minutes. */
const MIN_40H_MINUTES = 40 * 60;

const COLS = sql.raw(COUNTERS.join(', '));
const SUMS = sql.raw(COUNTERS.map((c) => `sum(${c})::int`).join(', '));
const NEGATED_SUMS = sql.raw(COUNTERS.map((c) => `-sum(${c})::int`).join(', '));
const ADD_EXCLUDED = sql.raw(COUNTERS.map((c) => `${c} = kpi_weekly.${c} + excluded.${c}`).join(', '));

/** A moment's day and week (weeks start on Monday) as the programme counts them: Moscow time. */
const day = (at: string) => sql.raw(`(${at} at time zone 'Europe/Moscow')::date`);
const week = (at: string) => sql.raw(`date_trunc('week', ${at} at time zone 'Europe/Moscow')::date`);

/** Each region's dates of each season: its own where it set them, else the season's. */
const SEASON_DATES = sql`season_dates as (
  select r.id as region_id, s.id as season_id, coalesce(rs.starts_on, s.starts_on) as starts_on, coalesce(rs.ends_on, s.ends_on) as ends_on
  from regions r cross join seasons s
  left join region_seasons rs on rs.region_id = r.id and rs.season_id = s.id
)`;

/** Takes up to `limit` stale sources of a kind; the rows stay locked until the transaction ends. */
export async function claimDirty(executor: Executor, kind: DirtyKind, limit: number): Promise<string[]> {
  const rows = await queryRows<{ key: string }>(
    executor,
    sql`delete from kpi_dirty where kind = ${kind} and key in (
        select key from kpi_dirty where kind = ${kind} limit ${limit} for update skip locked)
      returning key`,
  );
  return rows.map((r) => r.key);
}

/**
 * An event that moved, was cancelled or changed mentors changes its pupils' figures too. Read
 * through the live-enrolment index: a marked attendance keeps its enrolment confirmed.
 */
export async function markEventPupils(executor: Executor, eventIds: string[]): Promise<void> {
  await executor.execute(sql`insert into kpi_dirty (kind, key)
    select 'pupil', participant_id from enrolments
    where event_id = any(${sql.param(eventIds)}::uuid[]) and status in ('held', 'confirmed', 'waitlisted')
    union select 'event', unnest(${sql.param(eventIds)}::uuid[])
    on conflict do nothing`);
}

/**
 * Time alone changes some figures: an event that ended is now held, 48 hours after it ended its
 * feedback is owed, a request past its deadline without an answer is late. Marks what crossed
 * such a line since the last run and moves the line to now.
 */
export async function markClockedChanges(executor: Executor): Promise<void> {
  const [state] = await queryRows<{ since: Date; until: Date }>(
    executor,
    sql`with prev as (select clocked_until from kpi_state where id = 1 for update)
      update kpi_state set clocked_until = now() from prev where kpi_state.id = 1
      returning prev.clocked_until as since, now() as until`,
  );
  if (!state) return;
  // Events last hours, not months: the start bound lets the partial index of published events find them.
  await executor.execute(sql`insert into kpi_dirty (kind, key)
    select 'event', id from events
    where status = 'published' and starts_at > ${state.since}::timestamptz - interval '31 days' and starts_at <= ${state.until}::timestamptz
      and ends_at > ${state.since}::timestamptz and ends_at <= ${state.until}::timestamptz
    union
    select 'event_pupils', id from events
    where status = 'published' and starts_at > ${state.since}::timestamptz - interval '33 days' and starts_at <= ${state.until}::timestamptz
      and ends_at + interval '48 hours' > ${state.since}::timestamptz and ends_at + interval '48 hours' <= ${state.until}::timestamptz
    union
    select 'support', id from support_requests
    where created_at > ${state.since}::timestamptz - interval '60 days' and first_answered_at is null
      and due_at > ${state.since}::timestamptz and due_at <= ${state.until}::timestamptz
    on conflict do nothing`);
}

/** A pupil's figures in every scope it counts in, each pupil-count once per season in its first week. */
function pupilContributions(ids: string[]): SQL {
  return sql`with p as (
      select a.id as pid, a.created_at, a.status, pp.region_id, pp.school_id, pp.grade, na.navigator_id
      from accounts a
      join participant_profiles pp on pp.account_id = a.id
      left join navigator_assignments na on na.participant_id = a.id
      where a.id = any(${sql.param(ids)}::uuid[]) and a.role = 'participant'
    ),
    ${SEASON_DATES},
    reg as (
      select p.pid, p.region_id, p.created_at, p.status = 'active' as active,
        (select min(f.created_at) from family_links f where f.child_id = p.pid) as linked_at,
        (select min(c.given_at) from consents c where c.child_id = p.pid and c.kind = 'pd_processing' and c.withdrawn_at is null) as consent_at
      from p
    ),
    en as (
      select p.pid, p.region_id, e.id as event_id, e.venue_id, e.starts_at, e.ends_at, x.attendance, x.feedback_at,
        x.attendance in ('present', 'late') as came
      from p
      join enrolments x on x.participant_id = p.pid and (x.status = 'confirmed' or x.attendance is not null)
      join events e on e.id = x.event_id and e.status = 'published'
    ),
    facts (pid, region_id, kind, at, anchor, minutes, event_id, venue_id) as (
      select pid, region_id, 'registered', created_at, null::timestamptz, 0, null::uuid, null::uuid from reg
      union all select pid, region_id, 'activated', created_at, null, 0, null, null from reg where active
      union all select pid, region_id, 'parent_linked', greatest(created_at, linked_at), created_at, 0, null, null from reg where linked_at is not null
      union all select pid, region_id, 'consent', greatest(created_at, consent_at), created_at, 0, null, null from reg where consent_at is not null
      union all
      select p.pid, p.region_id, 'attempt', d.completed_at, null, v.duration_minutes, null, null
      from p
      join diagnostic_attempts d on d.participant_id = p.pid and d.status = 'completed'
      join diagnostic_test_versions v on v.id = d.version_id
      union all select pid, region_id, 'enrolled', starts_at, null, 0, event_id, venue_id from en
      union all
      select pid, region_id, 'attended', starts_at, null, (extract(epoch from ends_at - starts_at) / 60)::int, event_id, venue_id from en where came
      union all select pid, region_id, 'mark', starts_at, null, 0, event_id, venue_id from en where attendance is not null
      union all select pid, region_id, 'absence', starts_at, null, 0, event_id, venue_id from en where attendance = 'absent'
      union all
      select pid, region_id, 'feedback_due', ends_at, null, 0, event_id, venue_id
      from en where came and (feedback_at is not null or ends_at + interval '48 hours' < now())
      union all
      select pid, region_id, 'feedback_on_time', ends_at, null, 0, event_id, venue_id
      from en where came and feedback_at <= ends_at + interval '48 hours'
      union all
      select p.pid, p.region_id, 'plan', min(v.published_at), null, 0, null, null
      from p join study_plan_versions v on v.participant_id = p.pid group by p.pid, p.region_id
    ),
    seasoned as (
      select f.*, sd.season_id, ${week('f.at')} as week
      from facts f
      join season_dates sd on sd.region_id = f.region_id and ${day('f.at')} between sd.starts_on and sd.ends_on
      where f.anchor is null or ${day('f.anchor')} between sd.starts_on and sd.ends_on
    ),
    scoped as (
      select s.*, sc.level, sc.scope_id
      from seasoned s join p on p.pid = s.pid
      cross join lateral (values ('federal', ''), ('region', p.region_id::text), ('school', p.school_id::text),
        ('class', p.school_id::text || ':' || p.grade), ('navigator', p.navigator_id::text)) sc(level, scope_id)
      where sc.scope_id is not null
      union all
      select s.*, sc.level, sc.scope_id
      from seasoned s cross join lateral (values ('venue', s.venue_id::text), ('event', s.event_id::text)) sc(level, scope_id)
      where s.event_id is not null
      union all
      select s.*, 'mentor', m.mentor_id::text from seasoned s join event_mentors m on m.event_id = s.event_id
    ),
    weekly as (
      select pid, level, scope_id, season_id, week,
        count(*) filter (where kind = 'registered')::int as registered,
        count(*) filter (where kind = 'activated')::int as activated,
        count(*) filter (where kind = 'parent_linked')::int as parent_linked,
        count(*) filter (where kind = 'consent')::int as consent_given,
        count(*) filter (where kind = 'attempt')::int as attempts,
        count(*) filter (where kind = 'mark')::int as marks,
        count(*) filter (where kind = 'absence')::int as absences,
        count(*) filter (where kind = 'feedback_on_time')::int as feedback_on_time,
        count(*) filter (where kind = 'feedback_due')::int as feedback_due,
        bool_or(kind = 'attempt') as has_attempt,
        bool_or(kind = 'enrolled') as has_enrolled,
        bool_or(kind = 'attended') as has_attended,
        bool_or(kind = 'plan') as has_plan,
        coalesce(sum(minutes) filter (where kind in ('attempt', 'attended')), 0)::int as minutes
      from scoped group by pid, level, scope_id, season_id, week
    ),
    ranked as (
      select w.*,
        min(week) filter (where has_attempt) over whole as first_attempt,
        min(week) filter (where has_enrolled) over whole as first_enrolled,
        min(week) filter (where has_attended) over whole as first_attended,
        min(week) filter (where has_plan) over whole as first_plan,
        min(week) filter (where minutes > 0) over whole as first_activity,
        sum(minutes) over (whole order by week) as minutes_to_date
      from weekly w
      window whole as (partition by pid, level, scope_id, season_id)
    )
    select 'pupil', pid, level, scope_id, season_id, week,
      registered, activated, parent_linked, consent_given,
      coalesce((week = first_attempt)::int, 0), attempts,
      coalesce((week = first_enrolled)::int, 0), coalesce((week = first_attended)::int, 0), marks, absences,
      0, 0, 0, feedback_on_time, feedback_due,
      coalesce((week = first_plan)::int, 0), 0, 0,
      minutes, coalesce((week = first_activity)::int, 0),
      (minutes_to_date >= ${MIN_40H_MINUTES} and minutes_to_date - minutes < ${MIN_40H_MINUTES})::int
    from ranked`;
}

/** An event's trials and seats in its venue's, region's, mentors' and own scopes. */
function eventContributions(ids: string[]): SQL {
  return sql`with e as (
      select e.id, e.venue_id, v.region_id, e.starts_at, e.ends_at, e.capacity, e.seats_taken
      from events e join venues v on v.id = e.venue_id
      where e.id = any(${sql.param(ids)}::uuid[]) and e.status = 'published'
    ),
    ${SEASON_DATES},
    facts (id, venue_id, region_id, kind, at, capacity, seats_taken) as (
      select id, venue_id, region_id, 'seats', starts_at, capacity, seats_taken from e
      union all select id, venue_id, region_id, 'held', ends_at, 0, 0 from e where ends_at <= now()
    ),
    seasoned as (
      select f.*, sd.season_id, ${week('f.at')} as week
      from facts f join season_dates sd on sd.region_id = f.region_id and ${day('f.at')} between sd.starts_on and sd.ends_on
    ),
    scoped as (
      select s.*, sc.level, sc.scope_id from seasoned s
      cross join lateral (values ('federal', ''), ('region', s.region_id::text), ('venue', s.venue_id::text), ('event', s.id::text)) sc(level, scope_id)
      union all
      select s.*, 'mentor', m.mentor_id::text from seasoned s join event_mentors m on m.event_id = s.id
    )
    select 'event', id, level, scope_id, season_id, week,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      count(*) filter (where kind = 'held')::int, sum(capacity)::int, sum(seats_taken)::int,
      0, 0, 0, 0, 0, 0, 0, 0
    from scoped group by id, level, scope_id, season_id, week`;
}

/** A support request's answer in time, in its region and the programme; a request refused at intake does not count. */
function supportContributions(ids: string[]): SQL {
  return sql`with r as (
      select id, region_id, created_at,
        (first_answered_at is not null and first_answered_at <= due_at)::int as in_sla,
        (first_answered_at is not null or due_at < now())::int as due
      from support_requests
      where id = any(${sql.param(ids)}::uuid[]) and intake_outcome = 'accepted'
    )
    select 'support', r.id, sc.level, sc.scope_id, s.season_id, ${week('r.created_at')},
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, r.in_sla, r.due, 0, 0, 0
    from r
    join lateral (
      select se.id as season_id from seasons se
      left join region_seasons rs on rs.season_id = se.id and rs.region_id = r.region_id
      where ${day('r.created_at')} between coalesce(rs.starts_on, se.starts_on) and coalesce(rs.ends_on, se.ends_on)
      order by se.starts_on limit 1
    ) s on true
    cross join lateral (values ('federal', ''), ('region', r.region_id::text)) sc(level, scope_id)
    where sc.scope_id is not null and r.due = 1`;
}

const CONTRIBUTIONS: Record<SourceKind, (ids: string[]) => SQL> = {
  pupil: pupilContributions,
  event: eventContributions,
  support: supportContributions,
};

/**
 * Takes back what these sources added to the weekly figures, computes what they add now and adds
 * that: each changed source costs its own rows, whatever the size of the scopes it counts in.
 */
export async function recomputeSources(executor: Executor, kind: SourceKind, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await executor.execute(sql`with old as (
      delete from kpi_contributions where source_kind = ${kind} and source_id = any(${sql.param(ids)}::uuid[]) returning *
    )
    insert into kpi_weekly (scope_level, scope_id, season_id, week, ${COLS})
    select scope_level, scope_id, season_id, week, ${NEGATED_SUMS} from old group by scope_level, scope_id, season_id, week
    on conflict (scope_level, scope_id, season_id, week) do update set ${ADD_EXCLUDED}`);
  await executor.execute(sql`with fresh as (
      insert into kpi_contributions (source_kind, source_id, scope_level, scope_id, season_id, week, ${COLS})
      ${CONTRIBUTIONS[kind](ids)}
      returning *
    )
    insert into kpi_weekly (scope_level, scope_id, season_id, week, ${COLS})
    select scope_level, scope_id, season_id, week, ${SUMS} from fresh group by scope_level, scope_id, season_id, week
    on conflict (scope_level, scope_id, season_id, week) do update set ${ADD_EXCLUDED}`);
}

export async function bumpVersion(executor: Executor, refreshed: boolean): Promise<void> {
  await executor.execute(
    refreshed
      ? sql`update kpi_state set version = version + 1, refreshed_at = now() where id = 1`
      : sql`update kpi_state set refreshed_at = now() where id = 1`,
  );
}

/** Everything stale at once: after seasons' dates change, or to build the figures of a database loaded in bulk. */
export async function markEverything(executor: Executor): Promise<void> {
  await executor.execute(sql`truncate kpi_contributions, kpi_weekly`);
  await executor.execute(sql`insert into kpi_dirty (kind, key)
    select 'pupil', account_id from participant_profiles
    union all select 'event', id from events where status = 'published'
    union all select 'support', id from support_requests
    on conflict do nothing`);
}
