import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { lockUnannounced, markAnnounced } from './enrolment.repository.js';
import { tellFamilies } from './enrolment-notice.js';

/** Enrolments announced in one transaction: the notices of a school's whole rush go out in a few. */
export const ANNOUNCEMENT_BATCH = 500;

/**
 * Tells the families of link enrolments that have not been told yet, a batch at a time; the
 * number of enrolments taken. The booking statement leaves its row unannounced so that the rush
 * for a lesson costs one statement a parent; the process that booked nudges this job at once, and
 * its schedule finds whatever a stopped process left. An enrolment already ended by then (the
 * parent cancelled within the moment) gets no notice of it: its end was told.
 */
export async function announceLinkEnrolments(ctx: AppContext): Promise<number> {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const rows = await lockUnannounced(tx, ANNOUNCEMENT_BATCH);
    if (rows.length === 0) return 0;
    await tellFamilies(
      ctx,
      tx,
      afterCommit,
      rows.map((r) => ({ childId: r.participant_id, eventId: r.event_id, status: r.status, source: r.source })),
    );
    await markAnnounced(
      tx,
      rows.map((r) => r.id),
    );
    return rows.length;
  });
}
