import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';
import type { PublicLinkSummary } from '@common/schemas/events.js';

export interface LinkSummaryRow {
  title: string;
  format: PublicLinkSummary['format'];
  competency: PublicLinkSummary['competency'];
  venue: PublicLinkSummary['venue'];
  place: PublicLinkSummary['place'];
  school: PublicLinkSummary['school'];
  starts_at: Date | string;
  ends_at: Date | string;
  capacity: number;
  seats_taken: number;
  grade_from: number;
  grade_to: number;
  status: PublicLinkSummary['status'];
}

/** The public columns of the lesson behind a live (not revoked) link; only what a school announces. */
export async function findLinkSummary(executor: Executor, tokenHash: string): Promise<LinkSummaryRow | null> {
  const [row] = await queryRows<LinkSummaryRow>(
    executor,
    sql`select e.title, e.format, e.starts_at, e.ends_at, e.capacity, e.seats_taken, e.grade_from, e.grade_to, e.status,
          json_build_object('name', co.name, 'sphereName', sp.name) as competency,
          json_build_object('name', v.name) as venue,
          case when pl.id is null then null else json_build_object('name', pl.name, 'address', pl.address, 'cityName', ci.name) end as place,
          case when sc.id is null then null else json_build_object('name', sc.name) end as school
        from event_links l
        join events e on e.id = l.event_id
        join competencies co on co.id = e.competency_id
        join spheres sp on sp.id = co.sphere_id
        join venues v on v.id = e.venue_id
        left join venue_places pl on pl.id = e.place_id
        left join cities ci on ci.id = pl.city_id
        left join schools sc on sc.id = e.school_id
        where l.token_hash = ${tokenHash} and l.revoked_at is null`,
  );
  return row ?? null;
}
