import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import type { AfterCommit } from '@server/db/transaction.js';
import { HOLD_HOURS, firstFailedCondition } from '@common/events.js';
import type { EventCard } from '@common/schemas/events.js';
import { eventCard } from './event-cards.repository.js';
import { announceEnrolmentChange } from './enrolment-signal.js';
import { factsOf, promote, releaseSeat, setStatus, takeSeat, waitingList, type EnrolmentRow } from './enrolment.repository.js';
import { SEAT_HOLDING, toFacts } from './enrolment-rules.js';
import { formatEventWhen } from './event-time.js';
import { notifyFamily } from './family-notice.js';

/**
 * Gives freed seats to the waiting list, first come first, skipping pupils who no longer qualify.
 * Runs in the transaction that freed the seat, so nobody from outside the list can take it first.
 */
export async function promoteWaiting(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, eventId: string): Promise<void> {
  let event: EventCard | null = null;
  for (const waiting of await waitingList(tx, eventId, 50)) {
    const facts = await factsOf(tx, eventId, waiting.participant_id);
    if (!facts || facts.event_status !== 'published' || new Date(facts.starts_at).getTime() <= Date.now()) return;
    if (firstFailedCondition({ ...toFacts(facts), seatFree: true })) continue;
    if (!(await takeSeat(tx, eventId))) return;
    // The parent's agreement is still needed when the pupil queued on its own.
    const to = waiting.source === 'catalogue' ? 'held' : 'confirmed';
    await promote(tx, waiting.id, to, HOLD_HOURS);
    announceEnrolmentChange(ctx, afterCommit, { status: to, count: 1 });
    event ??= (await eventCard(tx, eventId))!;
    await notifyFamily(ctx, tx, afterCommit, waiting.participant_id, {
      kind: 'event.promoted',
      title: 'Освободилось место на мероприятии',
      body:
        to === 'held'
          ? `Для ребёнка освободилось место на мероприятии «${event.title}». Место удерживается ${HOLD_HOURS} часов: родителю нужно согласовать участие в кабинете.`
          : `Ребёнок записан из листа ожидания на мероприятие «${event.title}» (${formatEventWhen(event.startsAt, event.endsAt)}).`,
    });
  }
}

/** Ends a live enrolment and, when it held a seat, passes the seat on at once. */
export async function endEnrolment(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, row: EnrolmentRow, to: 'cancelled' | 'declined', reason: string): Promise<void> {
  await setStatus(tx, row.id, to, reason);
  announceEnrolmentChange(ctx, afterCommit, { status: to, count: 1 });
  if (SEAT_HOLDING.includes(row.status)) {
    await releaseSeat(tx, row.event_id);
    await promoteWaiting(ctx, tx, afterCommit, row.event_id);
  }
}
