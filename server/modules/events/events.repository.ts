import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';
import { pageLimit, toListPage } from '@server/db/paging.js';
import { eventLinks, eventMentors, events } from '@server/db/schema/index.js';
import type { EventStatus } from '@common/events.js';
import { likePattern, type ListPage } from '@common/schemas/lists.js';
import type { StaffEventSummary, staffEventsQuerySchema } from '@common/schemas/events.js';
import type { z } from 'zod';
import { EVENT_CARD_COLUMNS, EVENT_CARD_JOINS, toEventCard, type EventCardRow } from './event-cards.repository.js';
import { SETTLED_STATUSES, type EventRef, type EventScope } from './events.policy.js';

export type StaffEventsQuery = z.output<typeof staffEventsQuerySchema>;
type Counts = StaffEventSummary['counts'];

const COUNTS_JOIN = `left join lateral (
    select count(*) filter (where en.status = 'confirmed')::int as confirmed,
           count(*) filter (where en.status = 'held')::int as held,
           count(*) filter (where en.status = 'waitlisted')::int as waitlisted
      from enrolments en where en.event_id = e.id) cnt on true`;
const COUNTS_COLUMN = `json_build_object('confirmed', cnt.confirmed, 'held', cnt.held, 'waitlisted', cnt.waitlisted) as counts`;

const settled = sql.raw(SETTLED_STATUSES.map((s) => `'${s}'`).join(', '));

/** The same visibility as canSeeEvent, as a condition on `e` (events) and `v` (its venue). */
function scopeCondition(scope: EventScope): SQL {
  switch (scope.kind) {
    case 'venue':
      return sql`e.venue_id = ${scope.venueId}`;
    case 'region':
      return sql`v.region_id = ${scope.regionId} and e.status <> 'draft'`;
    case 'school':
      return sql`e.format = 'school_lesson' and e.school_id = ${scope.schoolId} and e.status in (${settled})`;
    case 'mentor':
      return sql`e.status in (${settled}) and exists (select 1 from event_mentors em where em.event_id = e.id and em.mentor_id = ${scope.mentorId})`;
    case 'navigator':
      return sql`e.status = 'published' and case when e.format = 'school_lesson' then e.school_id = ${scope.schoolId} else v.region_id = ${scope.regionId} end`;
    case 'none':
      return sql`false`;
  }
}

const SORT_SQL: Record<StaffEventsQuery['sort'], string> = {
  startsAt: 'e.starts_at',
  title: 'lower(e.title)',
  status: 'e.status',
};

/** One page of the events the scope allows, each with its enrolment counts, and the total in the same statement. */
export async function listStaffEvents(executor: Executor, scope: EventScope, query: StaffEventsQuery): Promise<ListPage<StaffEventSummary>> {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (query.status) conditions.push(sql`e.status = ${query.status}`);
  if (query.upcoming !== undefined) conditions.push(query.upcoming ? sql`e.ends_at > now()` : sql`e.ends_at <= now()`);
  if (query.q) conditions.push(sql`e.title ilike ${likePattern(query.q)}`);
  const where = sql.join(conditions, sql` and `);
  const from = sql`events e ${sql.raw(EVENT_CARD_JOINS)}`;
  const order = sql.raw(`${SORT_SQL[query.sort]} ${query.order === 'desc' ? 'desc' : 'asc'}, e.starts_at, e.id`);
  const rows = await queryRows<EventCardRow & { counts: Counts; total: number }>(
    executor,
    sql`select ${sql.raw(EVENT_CARD_COLUMNS)}, ${sql.raw(COUNTS_COLUMN)}, count(*) over()::int as total
        from ${from} ${sql.raw(COUNTS_JOIN)} where ${where} order by ${order} ${pageLimit(query)}`,
  );
  const page = await toListPage(executor, rows, query, sql`${from} where ${where}`);
  return { ...page, items: page.items.map((r) => ({ ...toEventCard(r), counts: r.counts })) };
}

export interface EventRecord extends EventRef {
  id: string;
  title: string;
}

/** The event's facts the rules need; `forUpdate` locks the row so a change and the checks before it see one state. */
export async function findEventRef(executor: Executor, id: string, forUpdate = false): Promise<EventRecord | undefined> {
  const [row] = await queryRows<{
    id: string;
    venue_id: string;
    region_id: number;
    school_id: string | null;
    format: EventRef['format'];
    status: EventStatus;
    starts_at: Date | string;
    ends_at: Date | string;
    title: string;
    mentor_ids: string[];
  }>(
    executor,
    sql`select e.id, e.venue_id, v.region_id, e.school_id, e.format, e.status, e.starts_at, e.ends_at, e.title,
          array(select em.mentor_id from event_mentors em where em.event_id = e.id) as mentor_ids
        from events e join venues v on v.id = e.venue_id where e.id = ${id} ${forUpdate ? sql`for update of e` : sql``}`,
  );
  if (!row) return undefined;
  return {
    id: row.id,
    venueId: row.venue_id,
    regionId: row.region_id,
    schoolId: row.school_id,
    format: row.format,
    status: row.status,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    title: row.title,
    mentorIds: row.mentor_ids,
  };
}

export type EventDetailRow = EventCardRow & {
  review_comment: string | null;
  submitted_at: Date | string | null;
  reviewed_at: Date | string | null;
  series_id: string | null;
  counts: Counts;
};

export async function findEventDetail(executor: Executor, id: string): Promise<EventDetailRow | undefined> {
  const [row] = await queryRows<EventDetailRow>(
    executor,
    sql`select ${sql.raw(EVENT_CARD_COLUMNS)}, e.review_comment, e.submitted_at, e.reviewed_at, e.series_id, ${sql.raw(COUNTS_COLUMN)}
        from events e ${sql.raw(EVENT_CARD_JOINS)} ${sql.raw(COUNTS_JOIN)} where e.id = ${id}`,
  );
  return row;
}

export async function insertEvent(executor: Executor, values: typeof events.$inferInsert): Promise<string> {
  const [row] = await executor.insert(events).values(values).returning({ id: events.id });
  return row!.id;
}

export async function replaceEventMentors(executor: Executor, eventId: string, mentorIds: readonly string[]): Promise<void> {
  await executor.delete(eventMentors).where(eq(eventMentors.eventId, eventId));
  if (mentorIds.length > 0) await executor.insert(eventMentors).values(mentorIds.map((mentorId) => ({ eventId, mentorId })));
}

/**
 * Changes the event only while it is still in one of the given statuses, so of two concurrent
 * steps from the same status exactly one matches; false when the other came first.
 */
export async function updateEventIf(
  executor: Executor,
  id: string,
  from: readonly EventStatus[],
  values: Partial<typeof events.$inferInsert>,
): Promise<boolean> {
  const rows = await executor
    .update(events)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(events.id, id), inArray(events.status, [...from])))
    .returning({ id: events.id });
  return rows.length > 0;
}

/** Ends every live enrolment of a cancelled event and frees its seats; returns the pupils concerned. */
export async function endLiveEnrolments(executor: Executor, eventId: string, endReason: string): Promise<string[]> {
  const rows = await queryRows<{ participant_id: string }>(
    executor,
    sql`update enrolments set status = 'cancelled', ended_at = now(), end_reason = ${endReason}
        where event_id = ${eventId} and status in ('held', 'confirmed', 'waitlisted') returning participant_id`,
  );
  await executor.update(events).set({ seatsTaken: 0 }).where(eq(events.id, eventId));
  return rows.map((r) => r.participant_id);
}

/**
 * Asks everyone holding a seat to confirm the event's (already updated) new time; a seat held for a
 * parent's answer is released no later than the new start. Returns the pupils concerned.
 */
export async function requireReconfirmation(executor: Executor, eventId: string): Promise<string[]> {
  const rows = await queryRows<{ participant_id: string }>(
    executor,
    sql`update enrolments en set reconfirm_required = true,
          hold_expires_at = case when en.status = 'held' then least(en.hold_expires_at, ev.starts_at) end
        from events ev where ev.id = en.event_id and en.event_id = ${eventId} and en.status in ('held', 'confirmed')
        returning en.participant_id`,
  );
  return rows.map((r) => r.participant_id);
}

export async function findActiveLink(executor: Executor, eventId: string): Promise<{ tokenEnc: string; createdAt: Date } | undefined> {
  const [row] = await executor
    .select({ tokenEnc: eventLinks.tokenEnc, createdAt: eventLinks.createdAt })
    .from(eventLinks)
    .where(and(eq(eventLinks.eventId, eventId), isNull(eventLinks.revokedAt)));
  return row;
}

export async function revokeActiveLink(executor: Executor, eventId: string): Promise<boolean> {
  const rows = await executor
    .update(eventLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(eventLinks.eventId, eventId), isNull(eventLinks.revokedAt)))
    .returning({ id: eventLinks.id });
  return rows.length > 0;
}

export async function insertLink(executor: Executor, values: typeof eventLinks.$inferInsert): Promise<void> {
  await executor.insert(eventLinks).values(values);
}

/** Which of the given fields point outside the venue: its competencies, places, active mentors and its region's schools. */
export async function foreignReferences(
  executor: Executor,
  venueId: string,
  refs: { competencyId: number; placeId: string | null; schoolId: string | null; mentorIds: readonly string[] },
): Promise<{ competency: boolean; place: boolean; school: boolean; mentors: boolean }> {
  const mentorIds = refs.mentorIds.length > 0 ? sql`array[${sql.join(refs.mentorIds.map((id) => sql`${id}::uuid`), sql`, `)}]` : sql`array[]::uuid[]`;
  const [row] = await queryRows<{ competency: boolean; place: boolean; school: boolean; mentors: number }>(
    executor,
    sql`select
          exists (select 1 from venue_competencies vc where vc.venue_id = v.id and vc.competency_id = ${refs.competencyId}) as competency,
          ${refs.placeId === null ? sql`true` : sql`exists (select 1 from venue_places p where p.id = ${refs.placeId} and p.venue_id = v.id)`} as place,
          ${refs.schoolId === null ? sql`true` : sql`exists (select 1 from schools s where s.id = ${refs.schoolId} and s.region_id = v.region_id and s.status = 'active')`} as school,
          (select count(*)::int from staff_profiles sp join accounts a on a.id = sp.account_id
            where sp.venue_id = v.id and a.role = 'mentor' and a.status = 'active' and sp.account_id = any(${mentorIds})) as mentors
        from venues v where v.id = ${venueId}`,
  );
  return {
    competency: !row?.competency,
    place: !row?.place,
    school: !row?.school,
    mentors: (row?.mentors ?? 0) !== refs.mentorIds.length,
  };
}

export interface EventFormOptions {
  competencies: Array<{ id: number; code: string; name: string; sphereName: string }>;
  places: Array<{ id: string; name: string; address: string }>;
  mentors: Array<{ id: string; name: string }>;
  schools: Array<{ id: string; name: string }>;
}

/** What the venue's event form offers: its competencies, places and active mentors, and its region's schools. */
export async function formOptions(executor: Executor, venueId: string): Promise<EventFormOptions> {
  const [row] = await queryRows<EventFormOptions>(
    executor,
    sql`select
          (select coalesce(json_agg(json_build_object('id', c.id, 'code', c.code, 'name', c.name, 'sphereName', sp.name) order by c.name), '[]'::json)
             from venue_competencies vc join competencies c on c.id = vc.competency_id join spheres sp on sp.id = c.sphere_id
            where vc.venue_id = v.id) as competencies,
          (select coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'address', p.address) order by p.name), '[]'::json)
             from venue_places p where p.venue_id = v.id) as places,
          (select coalesce(json_agg(json_build_object('id', a.id, 'name', a.last_name || ' ' || a.first_name) order by a.last_name, a.first_name), '[]'::json)
             from staff_profiles sf join accounts a on a.id = sf.account_id
            where sf.venue_id = v.id and a.role = 'mentor' and a.status = 'active') as mentors,
          (select coalesce(json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name), '[]'::json)
             from schools s where s.region_id = v.region_id and s.status = 'active') as schools
        from venues v where v.id = ${venueId}`,
  );
  return row ?? { competencies: [], places: [], mentors: [], schools: [] };
}

/** Active staff of one role in a region (coordinators) or at a venue (its main accounts), to notify in the cabinet. */
export async function activeStaffIds(
  executor: Executor,
  where: { role: 'regional_coordinator'; regionId: number } | { role: 'venue'; venueId: string } | { role: 'school'; schoolId: string },
): Promise<string[]> {
  const scope =
    where.role === 'venue' ? sql`sp.venue_id = ${where.venueId}` : where.role === 'school' ? sql`sp.school_id = ${where.schoolId}` : sql`sp.region_id = ${where.regionId}`;
  const rows = await queryRows<{ id: string }>(
    executor,
    sql`select a.id from staff_profiles sp join accounts a on a.id = sp.account_id where a.role = ${where.role} and a.status = 'active' and ${scope}`,
  );
  return rows.map((r) => r.id);
}
