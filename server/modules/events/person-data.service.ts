import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import type { AfterCommit } from '@server/db/transaction.js';
import { upcomingLiveEnrolments } from './enrolment.repository.js';
import { deleteEnrolmentsOf, enrolmentsDataOf } from './person-data.repository.js';
import { endEnrolment } from './waiting-list.service.js';

/** A pupil's enrolments for its own archive (art. 14). */
export async function enrolmentsOfPerson(ctx: AppContext, participantId: string) {
  return (await enrolmentsDataOf(ctx.db, participantId)).map((e) => ({
    event: e.title,
    venue: e.venue,
    startsAt: new Date(e.starts_at).toISOString(),
    endsAt: new Date(e.ends_at).toISOString(),
    status: e.status,
    source: e.source,
    enrolledAt: new Date(e.created_at).toISOString(),
    endReason: e.end_reason,
    attendance: e.attendance,
    grade: e.grade,
    feedback: e.feedback,
    observedSkills: e.observed_skills,
  }));
}

/**
 * Ends a pupil's live enrolments in events not yet begun, each freed seat going to the waiting list at
 * once, in the caller's transaction. Returns how many ended.
 */
export async function cancelUpcomingEnrolmentsOf(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, participantId: string, reason: string): Promise<number> {
  const rows = await upcomingLiveEnrolments(tx, participantId);
  for (const row of rows) await endEnrolment(ctx, tx, afterCommit, row, 'cancelled', reason);
  return rows.length;
}

export function eraseEnrolmentsOf(tx: Tx, participantId: string): Promise<number> {
  return deleteEnrolmentsOf(tx, participantId);
}
