import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { claimExpiredHolds, releaseSeat } from './enrolment.repository.js';
import { announceEnrolmentChange } from './enrolment-signal.js';
import { notifyFamily } from './family-notice.js';
import { promoteWaiting } from './waiting-list.service.js';

/** Holds the parent did not answer in time: the seat goes back (to the waiting list first). */
export async function expireHolds(ctx: AppContext): Promise<number> {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const expired = await claimExpiredHolds(tx, 200);
    announceEnrolmentChange(ctx, afterCommit, { status: 'expired', count: expired.length });
    for (const e of expired) {
      await releaseSeat(tx, e.event_id);
      await notifyFamily(ctx, tx, afterCommit, e.participant_id, {
        kind: 'event.hold_expired',
        title: 'Время на согласие истекло',
        body: `Родитель не успел согласовать участие в мероприятии «${e.title}», место освобождено. Если места ещё есть, можно записаться снова.`,
      });
    }
    for (const eventId of new Set(expired.map((e) => e.event_id))) await promoteWaiting(ctx, tx, afterCommit, eventId);
    return expired.length;
  });
}
