import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { conflict, notFound } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import type { EnrolmentView, EventCard, PupilEvents } from '@common/schemas/events.js';
import { eventCard, toEventCard } from './event-cards.repository.js';
import { clearReconfirm, findEnrolment, pupilEnrolments, type PupilEnrolmentRow } from './enrolment.repository.js';
import { LIVE, SEAT_HOLDING, lockedEnrolment, relationTo, result } from './enrolment-rules.js';
import { notifyFamily } from './family-notice.js';
import { endEnrolment } from './waiting-list.service.js';

/** Cancelled by the pupil, a parent or the navigator; a held seat goes on to the waiting list at once. */
export async function cancelEnrolment(ctx: AppContext, principal: Principal, enrolmentId: string, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const { row, relation } = await lockedEnrolment(tx, principal, enrolmentId);
    if (!LIVE.includes(row.status)) throw conflict('enrolment_ended', 'Эта запись уже не действует');
    await endEnrolment(ctx, tx, afterCommit, row, 'cancelled', `cancelled_by_${relation}`);
    await recordAudit(tx, actor, 'event.enrolment_cancelled', row.participant_id, { enrolmentId: row.id, eventId: row.event_id });
    if (relation !== 'self') {
      await notifyFamily(ctx, tx, afterCommit, row.participant_id, {
        kind: 'event.enrolment_cancelled',
        title: 'Запись на мероприятие отменена',
        body: `Запись на мероприятие «${row.title}» отменена ${relation === 'parent' ? 'родителем' : 'педагогом-навигатором'}.`,
      });
    }
    return result(row.id, 'cancelled', null);
  });
}

/** After the event moved, the pupil or a parent confirms the new time (or cancels instead). */
export async function reconfirm(ctx: AppContext, principal: Principal, enrolmentId: string, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx) => {
    const { row } = await lockedEnrolment(tx, principal, enrolmentId);
    if (!SEAT_HOLDING.includes(row.status) || !(await clearReconfirm(tx, row.id))) {
      throw conflict('nothing_to_confirm', 'Подтверждать нечего: время этой записи не менялось');
    }
    await recordAudit(tx, actor, 'event.enrolment_reconfirmed', row.participant_id, { enrolmentId: row.id, eventId: row.event_id });
    return result(row.id, row.status, row.hold_expires_at);
  });
}

function toView(r: PupilEnrolmentRow): EnrolmentView {
  return {
    id: r.enrolment_id,
    status: r.enrolment_status,
    source: r.source,
    reconfirmRequired: r.reconfirm_required,
    endReason: r.end_reason,
    holdExpiresAt: r.hold_expires_at ? new Date(r.hold_expires_at).toISOString() : null,
    attendance: r.attendance,
    mentorGrade: r.mentor_grade,
    feedback: r.feedback,
    observedSkills: r.observed_skills,
    event: toEventCard(r),
  };
}

/** «Запланированные» and «Прошедшие» of a pupil, for itself, its parents and its navigator. */
export async function pupilEvents(ctx: AppContext, principal: Principal, pupilId: string, actor: AuditActor): Promise<PupilEvents> {
  const relation = await relationTo(ctx.db, principal, pupilId);
  if (relation === 'navigator') await recordAudit(ctx.db, actor, 'event.pupil_events_viewed', pupilId);
  const views = (await pupilEnrolments(ctx.db, pupilId)).map(toView);
  const now = Date.now();
  return {
    planned: views.filter((v) => Date.parse(v.event.endsAt) > now),
    past: views.filter((v) => Date.parse(v.event.endsAt) <= now && v.status === 'confirmed').reverse(),
  };
}

/** The enrolment with its event, for the calendar file; only for those who may see the enrolment. */
export async function enrolmentEvent(ctx: AppContext, principal: Principal, enrolmentId: string): Promise<EventCard> {
  const row = await findEnrolment(ctx.db, enrolmentId);
  if (!row) throw notFound('Запись не найдена');
  await relationTo(ctx.db, principal, row.participant_id);
  if (!SEAT_HOLDING.includes(row.status)) throw conflict('enrolment_ended', 'Эта запись не действует — добавлять в календарь нечего');
  return (await eventCard(ctx.db, row.event_id))!;
}
