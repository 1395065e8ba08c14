import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import type { AfterCommit } from '@server/db/transaction.js';
import { HOLD_HOURS, type EnrolmentStatus } from '@common/events.js';
import { eventCard } from './event-cards.repository.js';
import { announceEnrolmentChange } from './enrolment-signal.js';
import type { NewEnrolment } from './enrolment.repository.js';
import { formatEventWhen } from './event-time.js';
import { notifyFamily } from './family-notice.js';

/**
 * Tells the family of a new enrolment, in the words of the status it got. The one way every
 * enrolment is announced, whoever made it (a parent by link or from a card, the pupil, a navigator).
 */
export async function announceEnrolment(
  ctx: AppContext,
  tx: Tx,
  afterCommit: AfterCommit,
  enrolment: { childId: string; eventId: string; status: EnrolmentStatus; source: NewEnrolment['source'] },
): Promise<void> {
  announceEnrolmentChange(ctx, afterCommit, { status: enrolment.status, count: 1 });
  const event = await eventCard(tx, enrolment.eventId);
  if (!event) return;
  const when = formatEventWhen(event.startsAt, event.endsAt);
  const notices: Partial<Record<EnrolmentStatus, { kind: string; title: string; body: string }>> = {
    held: {
      kind: 'event.agreement_requested',
      title: 'Нужно согласие родителя на участие',
      body: `Ребёнок хочет участвовать в мероприятии «${event.title}» (${when}). Место удерживается ${HOLD_HOURS} часов: согласуйте участие или откажитесь в кабинете родителя.`,
    },
    confirmed: {
      kind: 'event.enrolled',
      title: 'Запись на мероприятие подтверждена',
      body: `${enrolment.source === 'navigator' ? 'Педагог-навигатор записал ребёнка' : 'Ребёнок записан'} на мероприятие «${event.title}» (${when}). Оно появилось в разделе «Запланированные».`,
    },
    waitlisted: {
      kind: 'event.waitlisted',
      title: 'Ребёнок в листе ожидания',
      body: `Мест на мероприятие «${event.title}» (${when}) пока нет. Когда место освободится, запись придёт автоматически.`,
    },
  };
  const notice = notices[enrolment.status];
  if (notice) await notifyFamily(ctx, tx, afterCommit, enrolment.childId, notice);
}
