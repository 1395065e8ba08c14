import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor, type Tx } from '@server/db/client.js';
import { competencies, enrolments, eventMentors, events, softSkills, spheres } from '@server/db/schema/index.js';
import type { Attendance, EnrolmentStatus, EventStatus } from '@common/events.js';

/** An event with what the mentor's rules and the footprint need, and whether this account runs it. */
export async function findEventForStaff(executor: Executor, eventId: string, accountId: string) {
  const [row] = await executor
    .select({
      id: events.id,
      title: events.title,
      venueId: events.venueId,
      status: events.status,
      startsAt: events.startsAt,
      competencyCode: competencies.code,
      sphereCode: spheres.code,
      mentorAssigned: sql<boolean>`exists (select 1 from ${eventMentors} where ${eventMentors.eventId} = ${events.id} and ${eventMentors.mentorId} = ${accountId})`,
    })
    .from(events)
    .innerJoin(competencies, eq(competencies.id, events.competencyId))
    .innerJoin(spheres, eq(spheres.id, competencies.sphereId))
    .where(eq(events.id, eventId));
  return row && { ...row, status: row.status as EventStatus };
}
export type StaffEvent = NonNullable<Awaited<ReturnType<typeof findEventForStaff>>>;

export interface RosterRow {
  enrolment_id: string;
  participant_id: string;
  last_name: string;
  first_name: string;
  grade: number;
  school_name: string | null;
  status: EnrolmentStatus;
  attendance: Attendance | null;
  mentor_grade: number | null;
  feedback: string | null;
  observed_skills: string[];
  has_ovz: boolean;
  /** Null unless a parent's consent to share health data is in force: without it the ciphertext never leaves the database. */
  ovz_details_enc: string | null;
  health_consent: boolean;
}

/** The pupils who hold a seat (confirmed, and held waiting for the parent), by name; one of them when enrolmentId is given. */
export async function rosterRows(executor: Executor, eventId: string, enrolmentId?: string): Promise<RosterRow[]> {
  return queryRows<RosterRow>(
    executor,
    sql`with roster as (
        select en.*, exists (
          select 1 from consents c where c.child_id = en.participant_id and c.kind = 'health_data' and c.withdrawn_at is null
        ) as health_consent
        from enrolments en
        where en.event_id = ${eventId} and en.status in ('held', 'confirmed') ${enrolmentId ? sql`and en.id = ${enrolmentId}` : sql``}
      )
      select r.id as enrolment_id, r.participant_id, a.last_name, a.first_name, p.grade, coalesce(sc.name, p.school_name_typed) as school_name,
        r.status, r.attendance, r.grade as mentor_grade, r.feedback, array_to_json(r.observed_skills) as observed_skills,
        p.has_ovz and r.health_consent as has_ovz, case when r.health_consent then p.ovz_details_enc end as ovz_details_enc, r.health_consent
      from roster r
      join accounts a on a.id = r.participant_id
      join participant_profiles p on p.account_id = r.participant_id
      left join schools sc on sc.id = p.school_id
      order by a.last_name, a.first_name, r.id`,
  );
}

export function softSkillReference(executor: Executor) {
  return executor.select({ code: softSkills.code, name: softSkills.name }).from(softSkills).orderBy(asc(softSkills.id));
}

export async function unknownSoftSkills(executor: Executor, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = new Set((await executor.select({ code: softSkills.code }).from(softSkills).where(inArray(softSkills.code, [...codes]))).map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}

/** The event's enrolments among these ids, locked for the change, so concurrent marks queue instead of overwriting each other's footprint. */
export async function lockEnrolments(tx: Tx, eventId: string, ids: readonly string[]) {
  const rows = await tx
    .select({
      id: enrolments.id,
      participantId: enrolments.participantId,
      status: enrolments.status,
      attendance: enrolments.attendance,
      grade: enrolments.grade,
      observedSkills: enrolments.observedSkills,
      feedbackAt: enrolments.feedbackAt,
    })
    .from(enrolments)
    .where(and(eq(enrolments.eventId, eventId), inArray(enrolments.id, [...ids])))
    .orderBy(asc(enrolments.id))
    .for('update');
  return rows.map((r) => ({ ...r, status: r.status as EnrolmentStatus, attendance: r.attendance as Attendance | null }));
}

/**
 * A mark replaces the previous one. Marking a pupil absent also takes back the grade and the
 * feedback: they describe work the pupil did there, and the footprint forgets the event at once.
 */
export async function setAttendance(tx: Tx, id: string, attendance: Attendance): Promise<void> {
  await tx
    .update(enrolments)
    .set({
      attendance,
      attendanceMarkedAt: sql`now()`,
      ...(attendance === 'absent' ? { grade: null, feedback: null, observedSkills: [], feedbackBy: null, feedbackAt: null } : {}),
    })
    .where(eq(enrolments.id, id));
}

export async function setFeedback(tx: Tx, id: string, input: { grade: number; feedback: string; observedSkills: string[]; by: string }): Promise<void> {
  await tx
    .update(enrolments)
    .set({ grade: input.grade, feedback: input.feedback, observedSkills: input.observedSkills, feedbackBy: input.by, feedbackAt: sql`now()` })
    .where(eq(enrolments.id, id));
}
