import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import type { AfterCommit } from '@server/db/transaction.js';
import { HOLD_HOURS, type EnrolmentStatus } from '@common/events.js';
import type { EventCard } from '@common/schemas/events.js';
import { eventCards } from './event-cards.repository.js';
import { announceEnrolmentChange } from './enrolment-signal.js';
import type { NewEnrolment } from './enrolment.repository.js';
import { formatEventWhen } from './event-time.js';
import { notifyFamilies, type FamilyNotice } from './family-notice.js';

export interface AnnouncedEnrolment {
  childId: string;
  eventId: string;
  status: EnrolmentStatus;
  source: NewEnrolment['source'];
}

/**
 * Tells the family of a new enrolment, in the words of the status it got. The one way every
 * enrolment is announced, whoever made it (a parent by link or from a card, the pupil, a navigator).
 */
export async function announceEnrolment(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, enrolment: AnnouncedEnrolment): Promise<void> {
  announceEnrolmentChange(ctx, afterCommit, { status: enrolment.status, count: 1 });
  await tellFamilies(ctx, tx, afterCommit, [enrolment]);
}

/** The families' notices of several enrolments, with one read of their events and one write of the notices. */
export async function tellFamilies(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, enrolments: readonly AnnouncedEnrolment[]): Promise<void> {
  const events = new Map((await eventCards(tx, [...new Set(enrolments.map((e) => e.eventId))])).map((e) => [e.id, e]));
  await notifyFamilies(
    ctx,
    tx,
    afterCommit,
    enrolments.flatMap((enrolment) => {
      const event = events.get(enrolment.eventId);
      const notice = event && noticeOf(enrolment, event);
      return notice ? [{ participantId: enrolment.childId, notice }] : [];
    }),
  );
}

function noticeOf(enrolment: AnnouncedEnrolment, event: EventCard): FamilyNotice | null {
  const when = formatEventWhen(event.startsAt, event.endsAt);
  switch (enrolment.status) {
    case 'held':
      return {
        kind: 'event.agreement_requested',
        title: 'Нужно согласие родителя на участие',
        body: `Ребёнок хочет участвовать в мероприятии «${event.title}» (${when}). Место удерживается ${HOLD_HOURS} часов: согласуйте участие или откажитесь в кабинете родителя.`,
      };
    case 'confirmed':
      return {
        kind: 'event.enrolled',
        title: 'Запись на мероприятие подтверждена',
        body: `${enrolment.source === 'navigator' ? 'Педагог-навигатор записал ребёнка' : 'Ребёнок записан'} на мероприятие «${event.title}» (${when}). Оно появилось в разделе «Запланированные».`,
      };
    case 'waitlisted':
      return {
        kind: 'event.waitlisted',
        title: 'Ребёнок в листе ожидания',
        body: `Мест на мероприятие «${event.title}» (${when}) пока нет. Когда место освободится, запись придёт автоматически.`,
      };
    default:
      return null;
  }
}
