import type { AppContext } from '@server/context.js';
import type { Executor } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import { AppError, conflict, notFound } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import type { Attendance } from '@common/events.js';
import type { Roster, RosterEntry } from '@common/schemas/events.js';
import { recordAudit, recordAuditMany, type AuditActor } from '../audit/index.js';
import { eventCard } from './event-cards.repository.js';
import { recordEventFootprint } from './event-footprint.js';
import { feedbackRecorded } from './feedback-listeners.js';
import { notifyFamily } from './family-notice.js';
import { attended, canRunEvent, canSeeRoster, markingClosedReason } from './mentor.policy.js';
import {
  findEventForStaff,
  lockEnrolments,
  rosterRows,
  setAttendance,
  setFeedback,
  softSkillReference,
  unknownSoftSkills,
  type RosterRow,
  type StaffEvent,
} from './mentor.repository.js';

/** Pupils whose health data may be shown are told apart from those with nothing to show. */
const OVZ_WITHOUT_DETAILS = 'Есть ОВЗ';

const eventNotFound = () => notFound('Мероприятие не найдено');
const unprocessable = (code: string, message: string, fields?: Record<string, string>) => new AppError(code, 422, message, fields);

const MARKING_CLOSED: Record<NonNullable<ReturnType<typeof markingClosedReason>>, string> = {
  cancelled: 'Мероприятие отменено: отмечать в нём нельзя',
  not_published: 'Мероприятие ещё не опубликовано: отмечать в нём нельзя',
  too_early: 'Отмечать участников можно с начала мероприятия: до него никто ещё не пришёл',
};

async function eventSeenBy(ctx: AppContext, viewer: Principal, eventId: string): Promise<StaffEvent> {
  const event = await findEventForStaff(ctx.db, eventId, viewer.accountId);
  if (!event || !canSeeRoster(viewer, event)) throw eventNotFound();
  return event;
}

async function eventRunBy(executor: Executor, viewer: Principal, eventId: string): Promise<StaffEvent> {
  const event = await findEventForStaff(executor, eventId, viewer.accountId);
  if (!event || !canRunEvent(viewer, event)) throw eventNotFound();
  const closed = markingClosedReason(event, new Date());
  if (closed === 'too_early') throw unprocessable('marking_too_early', MARKING_CLOSED.too_early);
  if (closed) throw conflict(`marking_${closed}`, MARKING_CLOSED[closed]);
  return event;
}

function ovzNoteOf(ctx: AppContext, row: RosterRow): string | null {
  if (!row.health_consent) return null;
  if (row.ovz_details_enc) return ctx.pd.decrypt(row.ovz_details_enc);
  return row.has_ovz ? OVZ_WITHOUT_DETAILS : null;
}

function toEntry(ctx: AppContext, row: RosterRow): RosterEntry {
  return {
    enrolmentId: row.enrolment_id,
    participantId: row.participant_id,
    name: `${row.last_name} ${row.first_name}`,
    grade: row.grade,
    schoolName: row.school_name,
    status: row.status,
    ovzNote: ovzNoteOf(ctx, row),
    attendance: row.attendance,
    mentorGrade: row.mentor_grade,
    feedback: row.feedback,
    observedSkills: row.observed_skills,
  };
}

/** Whose health notes the caller has just been shown, one record per pupil, as for any other personal data. */
async function auditOvzShown(ctx: AppContext, actor: AuditActor, eventId: string, entries: readonly RosterEntry[]): Promise<number> {
  const shown = entries.filter((e) => e.ovzNote !== null);
  await recordAuditMany(ctx.db, actor, 'pd.viewed', shown.map((e) => ({ subjectId: e.participantId, details: { fields: 'ovz', eventId } })));
  return shown.length;
}

/** The roster as the mentor works with it; reading it is recorded, since it names children and may show their health notes. */
async function readRoster(ctx: AppContext, event: StaffEvent, actor: AuditActor): Promise<Roster> {
  const [card, rows, skills] = await Promise.all([eventCard(ctx.db, event.id), rosterRows(ctx.db, event.id), softSkillReference(ctx.db)]);
  const entries = rows.map((r) => toEntry(ctx, r));
  const ovzShown = await auditOvzShown(ctx, actor, event.id, entries);
  await recordAudit(ctx.db, actor, 'event.roster_viewed', event.id, { entries: entries.length, ovz: ovzShown > 0 });
  return { event: card!, entries, skills, markingOpen: markingClosedReason(event, new Date()) === null };
}

export async function getRoster(ctx: AppContext, viewer: Principal, eventId: string, actor: AuditActor): Promise<Roster> {
  return readRoster(ctx, await eventSeenBy(ctx, viewer, eventId), actor);
}

/**
 * Marks a batch of pupils at once, all or nothing: one enrolment that is not a confirmed place in
 * this event refuses the whole batch, so the mentor never wonders which marks were kept.
 */
export async function markAttendance(
  ctx: AppContext,
  viewer: Principal,
  eventId: string,
  marks: ReadonlyArray<{ enrolmentId: string; attendance: Attendance }>,
  actor: AuditActor,
): Promise<Roster> {
  const event = await inTransaction(ctx.db, async (tx) => {
    const found = await eventRunBy(tx, viewer, eventId);
    const wanted = new Map(marks.map((m) => [m.enrolmentId, m.attendance]));
    if (wanted.size !== marks.length) throw unprocessable('duplicate_mark', 'Один ученик отмечен в списке дважды');
    const rows = await lockEnrolments(tx, eventId, [...wanted.keys()]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const stranger = marks.find((m) => byId.get(m.enrolmentId)?.status !== 'confirmed');
    if (stranger) {
      throw unprocessable('not_enrolled', `Запись ${stranger.enrolmentId} — не подтверждённая запись на это мероприятие; отметки не сохранены`, {
        enrolmentId: stranger.enrolmentId,
      });
    }
    const changed = rows.filter((r) => r.attendance !== wanted.get(r.id));
    for (const row of changed) {
      const attendance = wanted.get(row.id)!;
      await setAttendance(tx, row.id, attendance);
      // A pupil never marked before leaves no trace to take back when marked absent.
      if (attended(attendance) || attended(row.attendance)) {
        const outcome = attendance === 'absent' ? { grade: null, observedSkills: [] } : { grade: row.grade, observedSkills: row.observedSkills };
        await recordEventFootprint(tx, { participantId: row.participantId, attendance, ...outcome }, found);
      }
    }
    await recordAuditMany(tx, actor, 'event.attendance_marked', changed.map((r) => ({ subjectId: r.id, details: { eventId, attendance: wanted.get(r.id)! } })));
    return found;
  });
  return readRoster(ctx, event, actor);
}

/** The mentor's grade, words and observed skills for a pupil who came; they reach the footprint and the family at once. */
export async function giveFeedback(
  ctx: AppContext,
  viewer: Principal,
  eventId: string,
  enrolmentId: string,
  input: { grade: number; feedback: string; skills: string[] },
  actor: AuditActor,
): Promise<RosterEntry> {
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const event = await eventRunBy(tx, viewer, eventId);
    const [row] = await lockEnrolments(tx, eventId, [enrolmentId]);
    if (!row) throw notFound('Запись на мероприятие не найдена');
    if (row.status !== 'confirmed' || !attended(row.attendance)) {
      throw unprocessable('not_attended', 'Оценку и отзыв можно оставить только ученику, который был на мероприятии: сначала отметьте, что он пришёл');
    }
    const unknown = await unknownSoftSkills(tx, input.skills);
    if (unknown.length > 0) throw unprocessable('unknown_skill', `Неизвестные навыки: ${unknown.join(', ')}`, { skills: 'Выберите навыки из списка' });
    await setFeedback(tx, enrolmentId, { grade: input.grade, feedback: input.feedback, observedSkills: input.skills, by: viewer.accountId });
    await recordEventFootprint(tx, { participantId: row.participantId, attendance: row.attendance, grade: input.grade, observedSkills: input.skills }, event);
    await notifyFamily(ctx, tx, afterCommit, row.participantId, {
      kind: 'event_feedback',
      title: row.feedbackAt ? 'Наставник изменил отзыв о мероприятии' : 'Наставник оставил отзыв о мероприятии',
      body: `Наставник оценил участие в мероприятии «${event.title}» и написал отзыв. Оценка, отзыв и замеченные навыки — в разделе «Мероприятия»; они уже учтены в цифровом следе.`,
    });
    await recordAudit(tx, actor, 'event.feedback_given', enrolmentId, { eventId, grade: input.grade, skills: input.skills.length });
    afterCommit(() => feedbackRecorded(ctx, row.participantId));
  });
  const [row] = await rosterRows(ctx.db, eventId, enrolmentId);
  const entry = toEntry(ctx, row!);
  await auditOvzShown(ctx, actor, eventId, [entry]);
  return entry;
}
