import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import { inTransaction, type AfterCommit } from '@server/db/transaction.js';
import { AppError, conflict, forbidden, notFound } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { childrenOfParent } from '../identity/index.js';
import { findPupilRelation } from '../participants/index.js';
import type { ChildEligibility, EventCard } from '@common/schemas/events.js';
import { eventCard } from './event-cards.repository.js';
import { factsFor, pupilsByIds, setStatus, type EnrolmentRow } from './enrolment.repository.js';
import { childChecks, lockedEnrolment, result } from './enrolment-rules.js';
import { notifyFamily } from './family-notice.js';
import { bookSeat } from './seat-booking.js';
import { endEnrolment } from './waiting-list.service.js';
import { announceEnrolmentChange } from './enrolment-signal.js';

/** Who a family member acts for on an event's card: the pupil itself, or the parent's linked children. */
async function familyChildren(ctx: AppContext, principal: Principal) {
  return principal.role === 'participant' ? pupilsByIds(ctx.db, [principal.accountId]) : childrenOfParent(ctx.db, principal.accountId);
}

/** An event's card for a family: published trials, or any event one of its children is enrolled in. */
export async function familyEvent(ctx: AppContext, principal: Principal, eventId: string): Promise<{ event: EventCard; children: ChildEligibility[] }> {
  const [event, children] = await Promise.all([eventCard(ctx.db, eventId), familyChildren(ctx, principal)]);
  if (!event) throw notFound('Мероприятие не найдено');
  const checked = childChecks(await factsFor(ctx.db, eventId, children.map((c) => c.id)), children);
  const enrolled = checked.some((c) => c.enrolment);
  if (!enrolled && (event.status !== 'published' || event.format === 'school_lesson')) throw notFound('Мероприятие не найдено');
  return { event, children: checked };
}

/**
 * Enrolment from an event's card: a parent enrols one of its children (confirmed at once), a pupil
 * asks for itself (the seat is held until a parent agrees, see answerRequest).
 */
export async function enrolFromCard(
  ctx: AppContext,
  principal: Principal,
  eventId: string,
  input: { childId?: string | undefined; waitlist: boolean; idempotencyKey?: string | undefined },
) {
  const asParent = principal.role === 'parent';
  const childId = asParent ? input.childId : principal.accountId;
  if (!childId) throw new AppError('child_required', 400, 'Выберите ребёнка, которого записываете', { childId: 'Выберите ребёнка' });
  if (asParent && (await findPupilRelation(ctx.db, principal, childId)) !== 'parent') throw notFound('Ребёнок не найден среди ваших детей');
  const event = await eventCard(ctx.db, eventId);
  if (!event || event.format === 'school_lesson') throw notFound('Мероприятие не найдено');
  return bookSeat(ctx, {
    eventId,
    childId,
    actorId: principal.accountId,
    source: asParent ? 'parent' : 'catalogue',
    seatStatus: asParent ? 'confirmed' : 'held',
    waitlist: input.waitlist,
    idempotencyKey: input.idempotencyKey ?? null,
  });
}

/** The parent's answer to a pupil's request: agreeing confirms the held seat, declining frees it. */
export async function answerRequest(ctx: AppContext, principal: Principal, enrolmentId: string, agree: boolean, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const { row, relation } = await lockedEnrolment(tx, principal, enrolmentId);
    if (relation !== 'parent') throw forbidden('Согласовать участие может только родитель');
    if (row.status !== 'held') throw conflict('not_awaiting', 'Эта запись не ждёт согласия родителя');
    if (row.hold_expires_at && new Date(row.hold_expires_at).getTime() <= Date.now()) {
      throw conflict('hold_expired', 'Время на согласие истекло, место освобождено. Ребёнок может записаться снова, если места есть');
    }
    if (agree) {
      await setStatus(tx, row.id, 'confirmed');
      announceEnrolmentChange(ctx, afterCommit, { status: 'confirmed', count: 1 });
    } else await endEnrolment(ctx, tx, afterCommit, row, 'declined', 'declined_by_parent');
    await recordAudit(tx, actor, agree ? 'event.enrolment_agreed' : 'event.enrolment_declined', row.participant_id, { enrolmentId: row.id, eventId: row.event_id });
    await notifyOfAnswer(ctx, tx, afterCommit, row, agree);
    return result(row.id, agree ? 'confirmed' : 'declined', null);
  });
}

async function notifyOfAnswer(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, row: EnrolmentRow, agree: boolean) {
  await notifyFamily(ctx, tx, afterCommit, row.participant_id, {
    kind: agree ? 'event.enrolment_agreed' : 'event.enrolment_declined',
    title: agree ? 'Родитель согласовал участие' : 'Родитель не согласовал участие',
    body: agree
      ? `Участие в мероприятии «${row.title}» согласовано — оно в разделе «Запланированные».`
      : `Родитель не согласовал участие в мероприятии «${row.title}», место освобождено.`,
  });
}
