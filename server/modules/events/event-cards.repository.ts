import { queryRows, type Executor } from '@server/db/client.js';
import { sql } from 'drizzle-orm';
import type { EventCard } from '@common/schemas/events.js';

/** The card's columns; `e` is the events row. Mentors are named by first and last name only. */
export const EVENT_CARD_COLUMNS = `e.id, e.title, e.description, e.format, e.video_url, e.starts_at, e.ends_at, e.capacity, e.seats_taken,
  e.grade_from, e.grade_to, e.difficulty, e.ovz_suitable, e.ovz_notes, e.status, e.change_reason,
  json_build_object('id', co.id, 'code', co.code, 'name', co.name, 'sphereName', sp.name) as competency,
  json_build_object('id', v.id, 'name', v.name) as venue,
  case when pl.id is null then null else json_build_object('id', pl.id, 'name', pl.name, 'address', pl.address, 'cityName', ci.name) end as place,
  case when sc.id is null then null else json_build_object('id', sc.id, 'name', sc.name) end as school,
  (select coalesce(json_agg(json_build_object('id', m.id, 'name', m.first_name || ' ' || m.last_name) order by m.last_name), '[]'::json)
     from event_mentors em join accounts m on m.id = em.mentor_id where em.event_id = e.id) as mentors`;

export const EVENT_CARD_JOINS = `join competencies co on co.id = e.competency_id
  join spheres sp on sp.id = co.sphere_id
  join venues v on v.id = e.venue_id
  left join venue_places pl on pl.id = e.place_id
  left join cities ci on ci.id = pl.city_id
  left join schools sc on sc.id = e.school_id`;

export interface EventCardRow {
  id: string;
  title: string;
  description: string;
  format: EventCard['format'];
  video_url: string | null;
  starts_at: Date | string;
  ends_at: Date | string;
  capacity: number;
  seats_taken: number;
  grade_from: number;
  grade_to: number;
  difficulty: EventCard['difficulty'];
  ovz_suitable: boolean;
  ovz_notes: string | null;
  status: EventCard['status'];
  change_reason: string | null;
  competency: EventCard['competency'];
  venue: EventCard['venue'];
  place: EventCard['place'];
  school: EventCard['school'];
  mentors: EventCard['mentors'];
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

/** A raw card row (from any query that selects EVENT_CARD_COLUMNS) as the API shows it. */
export function toEventCard(r: EventCardRow): EventCard {
  const startsAt = iso(r.starts_at);
  const endsAt = iso(r.ends_at);
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    format: r.format,
    competency: r.competency,
    venue: r.venue,
    place: r.place,
    school: r.school,
    videoUrl: r.video_url,
    startsAt,
    endsAt,
    durationMinutes: Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000),
    capacity: r.capacity,
    seatsLeft: Math.max(0, r.capacity - r.seats_taken),
    gradeFrom: r.grade_from,
    gradeTo: r.grade_to,
    difficulty: r.difficulty,
    ovzSuitable: r.ovz_suitable,
    ovzNotes: r.ovz_notes,
    mentors: r.mentors,
    status: r.status,
    changeReason: r.change_reason,
  };
}

/** Cards of the given events, in the order of the ids. */
export async function eventCards(executor: Executor, ids: readonly string[]): Promise<EventCard[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<EventCardRow>(
    executor,
    sql`select ${sql.raw(EVENT_CARD_COLUMNS)} from events e ${sql.raw(EVENT_CARD_JOINS)} where e.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  const byId = new Map(rows.map((r) => [r.id, toEventCard(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function eventCard(executor: Executor, id: string): Promise<EventCard | null> {
  return (await eventCards(executor, [id]))[0] ?? null;
}
