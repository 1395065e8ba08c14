import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { isUniqueViolation } from '@server/db/pg-errors.js';
import { notFound } from '@server/lib/errors.js';
import { HOLD_HOURS, firstFailedCondition } from '@common/events.js';
import type { EnrolmentResult } from '@common/schemas/events.js';
import { factsOf, findByIdempotencyKey, findEnrolment, findLiveEnrolment, insertEnrolment, takeSeat, type NewEnrolment } from './enrolment.repository.js';
import { announceEnrolment } from './enrolment-notice.js';
import { assertOpen, enrolmentChanged, existing, ineligible, result, toFacts } from './enrolment-rules.js';

export interface BookingRequest {
  eventId: string;
  childId: string;
  actorId: string;
  source: NewEnrolment['source'];
  /** A pupil's own request waits for the parent's agreement; a parent's or navigator's is confirmed. */
  seatStatus: 'held' | 'confirmed';
  waitlist: boolean;
  idempotencyKey: string | null;
}

/**
 * Every enrolment other than the link's: conditions, then a seat by the conditional UPDATE, then the
 * row and the family's notice, in one transaction. A unique index stops a second live enrolment or a
 * replayed key.
 */
export async function bookSeat(ctx: AppContext, req: BookingRequest): Promise<{ status: 200 | 201; body: EnrolmentResult }> {
  try {
    return await inTransaction(ctx.db, async (tx, afterCommit) => {
      const facts = await factsOf(tx, req.eventId, req.childId);
      if (!facts) throw notFound('Ученик не найден');
      if (facts.live_id) {
        const live = await findEnrolment(tx, facts.live_id);
        return existing(live!);
      }
      assertOpen(facts);
      const failed = firstFailedCondition({ ...toFacts(facts), seatFree: true });
      if (failed) throw ineligible(failed);
      const seated = await takeSeat(tx, req.eventId);
      if (!seated) {
        // A simultaneous request for this child may have taken the seat while this one waited for it.
        const won = await findLiveEnrolment(tx, req.eventId, req.childId);
        if (won) return existing(won);
        if (!req.waitlist) throw ineligible('seat');
      }
      const row = await insertEnrolment(tx, {
        eventId: req.eventId,
        participantId: req.childId,
        status: seated ? req.seatStatus : 'waitlisted',
        source: req.source,
        createdBy: req.actorId,
        idempotencyKey: req.idempotencyKey,
        holdHours: HOLD_HOURS,
      });
      await announceEnrolment(ctx, tx, afterCommit, { childId: req.childId, eventId: req.eventId, status: row.status, source: req.source });
      return { status: 201 as const, body: result(row.id, row.status, row.hold_expires_at) };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const live = await findLiveEnrolment(ctx.db, req.eventId, req.childId);
    const byKey = !live && req.idempotencyKey ? await findByIdempotencyKey(ctx.db, req.actorId, req.idempotencyKey) : null;
    if (live ?? byKey) return existing((live ?? byKey)!);
    throw enrolmentChanged();
  }
}
