import { sql } from 'drizzle-orm';
import { countAffected, queryRows, type Executor } from '@server/db/client.js';

export interface EnrolmentDataRow {
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue: string;
  status: string;
  source: string;
  created_at: Date;
  end_reason: string | null;
  attendance: string | null;
  grade: number | null;
  feedback: string | null;
  observed_skills: string[];
}

/** Every enrolment of a pupil, ended ones included, with the mentor's marks: for its own archive. */
export async function enrolmentsDataOf(executor: Executor, participantId: string): Promise<EnrolmentDataRow[]> {
  return queryRows<EnrolmentDataRow>(
    executor,
    sql`select ev.title, ev.starts_at, ev.ends_at, v.name as venue, en.status, en.source, en.created_at, en.end_reason,
        en.attendance, en.grade, en.feedback, en.observed_skills
      from enrolments en join events ev on ev.id = en.event_id join venues v on v.id = ev.venue_id
      where en.participant_id = ${participantId} order by ev.starts_at`,
  );
}

export async function deleteEnrolmentsOf(executor: Executor, participantId: string): Promise<number> {
  return countAffected(executor, sql`delete from enrolments where participant_id = ${participantId}`);
}
