import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import { inTransaction, type AfterCommit } from '@server/db/transaction.js';
import { AppError, conflict, forbidden, notFound } from '@server/lib/errors.js';
import { EVENT_TRANSITIONS } from '@common/events.js';
import type { ListPage } from '@common/schemas/lists.js';
import type { CreateEventInput, StaffEventDetail, StaffEventSummary, UpdateEventInput } from '@common/schemas/events.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { noticeInCabinets, notifyAccounts, type NotificationInput } from '../notifications/index.js';
import { mailTemplates } from '../mail/index.js';
import { toEventCard } from './event-cards.repository.js';
import { notifyFamily } from './family-notice.js';
import { formatEventMoment, formatEventWhen } from './event-time.js';
import { linkTokenHash, newLinkToken } from './link-token.js';
import { announceEnrolmentChange } from './enrolment-signal.js';
import {
  LINK_STATUSES,
  canSeeEvent,
  canSeeLink,
  eventActions,
  eventScopeOf,
  ownsEvent,
  reviewsEvent,
  stepAllowed,
  type EventStep,
  type EventViewer,
} from './events.policy.js';
import {
  activeStaffIds,
  endLiveEnrolments,
  findActiveLink,
  findEventDetail,
  findEventRef,
  foreignReferences,
  formOptions,
  insertEvent,
  insertLink,
  listStaffEvents,
  replaceEventMentors,
  requireReconfirmation,
  revokeActiveLink,
  updateEventIf,
  type EventFormOptions,
  type EventRecord,
  type StaffEventsQuery,
} from './events.repository.js';

const MINUTE_MS = 60_000;

const eventNotFound = () => notFound('Мероприятие не найдено');

const STEP_REFUSALS: Record<EventStep, string> = {
  edit: 'Изменить можно только черновик или мероприятие, возвращённое на доработку',
  submit: 'На согласование отправляют черновик или мероприятие, возвращённое на доработку',
  approve: 'Мероприятие не ждёт согласования: его уже согласовали, вернули или отменили',
  return: 'Мероприятие не ждёт согласования: его уже согласовали, вернули или отменили',
  publish: 'Опубликовать можно только согласованное мероприятие',
  cancel: 'Мероприятие уже отменено',
  move: 'Перенести можно только опубликованное мероприятие',
};

const stepRefused = (step: EventStep) => conflict('event_status', STEP_REFUSALS[step]);
const alreadyStarted = () => conflict('event_started', 'Время мероприятия уже наступило — сначала измените дату');
const alreadyEnded = () => conflict('event_ended', 'Мероприятие уже прошло');

const staffLink = (id: string) => `/staff/events/${id}`;

type EventFields = Omit<CreateEventInput, 'startsAt'>;

/** Keeps only what the format uses, so a field left over from switching formats is not stored. */
function storedFields(input: EventFields) {
  return {
    competencyId: input.competencyId,
    format: input.format,
    title: input.title,
    description: input.description,
    placeId: input.format === 'in_person' ? (input.placeId ?? null) : null,
    videoUrl: input.format === 'in_person' ? null : (input.videoUrl ?? null),
    schoolId: input.format === 'school_lesson' ? (input.schoolId ?? null) : null,
    capacity: input.capacity,
    gradeFrom: input.gradeFrom,
    gradeTo: input.gradeTo,
    difficulty: input.difficulty,
    ovzSuitable: input.ovzSuitable,
    ovzNotes: input.ovzSuitable ? input.ovzNotes || null : null,
  };
}

/** The form's choices checked against the venue itself: the schema cannot know what the venue offers. */
async function assertOwnReferences(tx: Tx, venueId: string, fields: ReturnType<typeof storedFields>, mentorIds: readonly string[]): Promise<void> {
  const foreign = await foreignReferences(tx, venueId, { competencyId: fields.competencyId, placeId: fields.placeId, schoolId: fields.schoolId, mentorIds });
  const errors: Record<string, string> = {};
  if (foreign.competency) errors.competencyId = 'Площадка не проводит пробы по этой компетенции — выберите компетенцию из списка площадки';
  if (foreign.place) errors.placeId = 'Выберите место проведения вашей площадки';
  if (foreign.school) errors.schoolId = 'Выберите школу региона вашей площадки';
  if (foreign.mentors) errors.mentorIds = 'Назначьте наставников вашей площадки с открытым доступом';
  if (Object.keys(errors).length > 0) throw new AppError('invalid_reference', 422, 'Проверьте введённые данные', errors);
}

function venueOf(viewer: EventViewer): string {
  if (viewer.role !== 'venue' || viewer.venueId === null) throw forbidden();
  return viewer.venueId;
}

export async function listEventsFor(ctx: AppContext, viewer: EventViewer, query: StaffEventsQuery): Promise<ListPage<StaffEventSummary>> {
  return listStaffEvents(ctx.db, eventScopeOf(viewer), query);
}

export async function formOptionsFor(ctx: AppContext, viewer: EventViewer): Promise<EventFormOptions> {
  return formOptions(ctx.db, venueOf(viewer));
}

/** One draft per start time; several dates at once form a series that shares everything else. */
export async function createEvents(ctx: AppContext, viewer: EventViewer, input: CreateEventInput, actor: AuditActor): Promise<{ ids: string[] }> {
  const venueId = venueOf(viewer);
  const { startsAt, mentorIds, ...rest } = input;
  const fields = storedFields({ ...rest, mentorIds });
  const seriesId = startsAt.length > 1 ? randomUUID() : null;
  const ids = await inTransaction(ctx.db, async (tx) => {
    await assertOwnReferences(tx, venueId, fields, mentorIds);
    const created: string[] = [];
    for (const start of startsAt) {
      const begins = new Date(start);
      const id = await insertEvent(tx, {
        ...fields,
        venueId,
        startsAt: begins,
        endsAt: new Date(begins.getTime() + input.durationMinutes * MINUTE_MS),
        seriesId,
        createdBy: viewer.accountId,
      });
      await replaceEventMentors(tx, id, mentorIds);
      await recordAudit(tx, actor, 'event.created', id, { venueId, seriesId });
      created.push(id);
    }
    return created;
  });
  return { ids };
}

async function linkOf(ctx: AppContext, eventId: string): Promise<StaffEventDetail['link']> {
  const link = await findActiveLink(ctx.db, eventId);
  if (!link) return null;
  const url = linkUrl(ctx, ctx.pd.decrypt(link.tokenEnc));
  return { url, qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }), createdAt: new Date(link.createdAt).toISOString() };
}

const isoOrNull = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** The event as the caller may see it, with what it may do now; anything outside its scope is 404. */
export async function getEventFor(ctx: AppContext, viewer: EventViewer, id: string): Promise<StaffEventDetail> {
  const ref = await findEventRef(ctx.db, id);
  if (!ref || !canSeeEvent(viewer, ref)) throw eventNotFound();
  const row = (await findEventDetail(ctx.db, id))!;
  return {
    ...toEventCard(row),
    reviewComment: row.review_comment,
    submittedAt: isoOrNull(row.submitted_at),
    reviewedAt: isoOrNull(row.reviewed_at),
    seriesId: row.series_id,
    counts: row.counts,
    link: canSeeLink(viewer, ref) ? await linkOf(ctx, id) : null,
    actions: eventActions(viewer, ref, new Date()),
  };
}

/**
 * The one way a workflow step happens: the row is locked, the caller must own or review the event
 * (404 otherwise), the status must allow the step (409), and the work's conditional UPDATE keeps
 * the rule even for a writer that skipped the lock.
 */
async function runStep(
  ctx: AppContext,
  viewer: EventViewer,
  eventId: string,
  step: EventStep | 'link',
  by: 'owner' | 'reviewer',
  work: (tx: Tx, afterCommit: AfterCommit, event: EventRecord) => Promise<void>,
): Promise<StaffEventDetail> {
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const event = await findEventRef(tx, eventId, true);
    const allowed = event && (by === 'owner' ? ownsEvent(viewer, event) : reviewsEvent(viewer, event) && canSeeEvent(viewer, event));
    if (!event || !allowed) throw eventNotFound();
    if (step !== 'link' && !stepAllowed(step, event.status)) throw stepRefused(step);
    await work(tx, afterCommit, event);
  });
  return getEventFor(ctx, viewer, eventId);
}

async function transition(tx: Tx, event: EventRecord, step: EventStep, values: Parameters<typeof updateEventIf>[3]): Promise<void> {
  if (!(await updateEventIf(tx, event.id, EVENT_TRANSITIONS[step], values))) throw stepRefused(step);
}

export async function updateEventFor(ctx: AppContext, viewer: EventViewer, id: string, input: UpdateEventInput, actor: AuditActor): Promise<StaffEventDetail> {
  const { startsAt, mentorIds, ...rest } = input;
  const fields = storedFields({ ...rest, mentorIds });
  return runStep(ctx, viewer, id, 'edit', 'owner', async (tx, _afterCommit, event) => {
    await assertOwnReferences(tx, event.venueId, fields, mentorIds);
    const begins = new Date(startsAt);
    await transition(tx, event, 'edit', { ...fields, startsAt: begins, endsAt: new Date(begins.getTime() + input.durationMinutes * MINUTE_MS) });
    await replaceEventMentors(tx, id, mentorIds);
    await recordAudit(tx, actor, 'event.updated', id, { venueId: event.venueId });
  });
}

async function notifyStaff(tx: Tx, accountIds: readonly string[], notice: { kind: string; title: string; body: string; link: string }): Promise<void> {
  await noticeInCabinets(tx, accountIds, notice);
}

export async function submitEvent(ctx: AppContext, viewer: EventViewer, id: string, actor: AuditActor): Promise<StaffEventDetail> {
  return runStep(ctx, viewer, id, 'submit', 'owner', async (tx, _afterCommit, event) => {
    if (event.startsAt.getTime() <= Date.now()) throw alreadyStarted();
    await transition(tx, event, 'submit', { status: 'submitted', submittedAt: new Date() });
    await recordAudit(tx, actor, 'event.submitted', id, { venueId: event.venueId });
    await notifyStaff(tx, await activeStaffIds(tx, { role: 'regional_coordinator', regionId: event.regionId }), {
      kind: 'event_submitted',
      title: 'Мероприятие ждёт согласования',
      body: `«${event.title}», ${formatEventMoment(event.startsAt)}`,
      link: staffLink(id),
    });
  });
}

const linkUrl = (ctx: AppContext, token: string) => `${ctx.config.publicUrl}/e/${token}`;

/** Issues a lesson's registration link, revoking the one before: only the token's hash finds it, the token itself is kept encrypted. */
export async function issueLink(ctx: AppContext, tx: Tx, eventId: string, createdBy: string): Promise<{ token: string; renewed: boolean }> {
  const renewed = await revokeActiveLink(tx, eventId);
  const token = newLinkToken();
  await insertLink(tx, { eventId, tokenHash: linkTokenHash(token), tokenEnc: ctx.pd.encrypt(token), createdBy });
  return { token, renewed };
}

/**
 * A new link, handed at once to the school's responsible people, who pass it to families (seed
 * 000): by e-mail with its QR code, and a notice leading to the lesson's page, which shows the QR
 * code too. The notice leaves the token out, so the cabinet keeps no copy of it.
 */
async function issueLinkToSchool(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, event: EventRecord, createdBy: string): Promise<void> {
  const { token, renewed } = await issueLink(ctx, tx, event.id, createdBy);
  if (!event.schoolId) return;
  const url = linkUrl(ctx, token);
  const qrDataUrl = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  const when = formatEventWhen(event.startsAt, event.endsAt);
  const notice: NotificationInput = {
    kind: 'event_link_issued',
    title: renewed ? 'Новая ссылка для записи на урок мастерства' : 'Ссылка для записи на урок мастерства',
    body: `«${event.title}», ${formatEventMoment(event.startsAt)}: ссылка для записи и QR-код — на странице урока. Передайте их родителям учеников${renewed ? '; прежняя ссылка больше не работает' : ''}.`,
    link: staffLink(event.id),
    mail: (firstName) =>
      mailTemplates.lessonLink({ firstName, title: event.title, when, linkUrl: url, qrDataUrl, pageUrl: `${ctx.config.publicUrl}${staffLink(event.id)}`, renewed }),
  };
  const staff = await activeStaffIds(tx, { role: 'school', schoolId: event.schoolId });
  await notifyAccounts(
    ctx,
    tx,
    afterCommit,
    staff.map((accountId) => ({ accountId, input: notice })),
  );
}

export async function approveEvent(ctx: AppContext, viewer: EventViewer, id: string, actor: AuditActor): Promise<StaffEventDetail> {
  return runStep(ctx, viewer, id, 'approve', 'reviewer', async (tx, afterCommit, event) => {
    if (event.startsAt.getTime() <= Date.now()) throw conflict('event_started', 'Время мероприятия уже наступило — верните его площадке, чтобы она изменила дату');
    await transition(tx, event, 'approve', { status: 'approved', reviewComment: null, reviewedBy: viewer.accountId, reviewedAt: new Date() });
    await recordAudit(tx, actor, 'event.approved', id, { venueId: event.venueId });
    if (event.format === 'school_lesson') {
      await issueLinkToSchool(ctx, tx, afterCommit, event, viewer.accountId);
      await recordAudit(tx, actor, 'event.link_issued', id, { venueId: event.venueId });
    }
    await notifyStaff(tx, await activeStaffIds(tx, { role: 'venue', venueId: event.venueId }), {
      kind: 'event_approved',
      title: 'Мероприятие согласовано',
      body: `«${event.title}», ${formatEventMoment(event.startsAt)}: его можно публиковать`,
      link: staffLink(id),
    });
  });
}

export async function returnEvent(ctx: AppContext, viewer: EventViewer, id: string, comment: string, actor: AuditActor): Promise<StaffEventDetail> {
  return runStep(ctx, viewer, id, 'return', 'reviewer', async (tx, _afterCommit, event) => {
    await transition(tx, event, 'return', { status: 'returned', reviewComment: comment, reviewedBy: viewer.accountId, reviewedAt: new Date() });
    await recordAudit(tx, actor, 'event.returned', id, { venueId: event.venueId });
    await notifyStaff(tx, await activeStaffIds(tx, { role: 'venue', venueId: event.venueId }), {
      kind: 'event_returned',
      title: 'Мероприятие возвращено на доработку',
      body: `«${event.title}»: ${comment}`,
      link: staffLink(id),
    });
  });
}

export async function publishEvent(ctx: AppContext, viewer: EventViewer, id: string, actor: AuditActor): Promise<StaffEventDetail> {
  return runStep(ctx, viewer, id, 'publish', 'owner', async (tx, _afterCommit, event) => {
    if (event.startsAt.getTime() <= Date.now()) throw alreadyStarted();
    if (event.format === 'school_lesson' && !(await findActiveLink(tx, id))) {
      throw conflict('link_missing', 'У урока нет действующей ссылки на запись — выпустите новую ссылку и опубликуйте урок');
    }
    await transition(tx, event, 'publish', { status: 'published', publishedAt: new Date() });
    await recordAudit(tx, actor, 'event.published', id, { venueId: event.venueId });
  });
}

/** Cancels the event: every live enrolment ends, the seats are freed, and each family hears why. */
export async function cancelEvent(ctx: AppContext, viewer: EventViewer, id: string, reason: string, actor: AuditActor): Promise<StaffEventDetail> {
  return runStep(ctx, viewer, id, 'cancel', 'owner', async (tx, afterCommit, event) => {
    if (event.endsAt.getTime() <= Date.now()) throw alreadyEnded();
    await transition(tx, event, 'cancel', { status: 'cancelled', cancelledAt: new Date(), changeReason: reason });
    const pupils = await endLiveEnrolments(tx, id, 'event_cancelled');
    announceEnrolmentChange(ctx, afterCommit, { status: 'cancelled', count: pupils.length });
    await revokeActiveLink(tx, id);
    for (const pupil of pupils) {
      await notifyFamily(ctx, tx, afterCommit, pupil, {
        kind: 'event_cancelled',
        title: 'Мероприятие отменено',
        body: `«${event.title}», ${formatEventMoment(event.startsAt)}, отменено. Причина: ${reason}`,
      });
    }
    await recordAudit(tx, actor, 'event.cancelled', id, { venueId: event.venueId, enrolmentsEnded: pupils.length });
  });
}

/** Moves a published event, keeping its length; every family holding a seat is asked to confirm the new time. */
export async function moveEvent(
  ctx: AppContext,
  viewer: EventViewer,
  id: string,
  input: { startsAt: string; reason: string },
  actor: AuditActor,
): Promise<StaffEventDetail> {
  return runStep(ctx, viewer, id, 'move', 'owner', async (tx, afterCommit, event) => {
    if (event.endsAt.getTime() <= Date.now()) throw alreadyEnded();
    const begins = new Date(input.startsAt);
    const ends = new Date(begins.getTime() + (event.endsAt.getTime() - event.startsAt.getTime()));
    await transition(tx, event, 'move', { startsAt: begins, endsAt: ends, changeReason: input.reason });
    const pupils = await requireReconfirmation(tx, id);
    for (const pupil of pupils) {
      await notifyFamily(ctx, tx, afterCommit, pupil, {
        kind: 'event_moved',
        title: 'Мероприятие перенесено',
        body: `«${event.title}» перенесено с ${formatEventMoment(event.startsAt)} на ${formatEventMoment(begins)}. Причина: ${input.reason}. Подтвердите в личном кабинете, что участие в новое время в силе`,
      });
    }
    await recordAudit(tx, actor, 'event.moved', id, { venueId: event.venueId, from: event.startsAt.toISOString(), to: begins.toISOString() });
  });
}

function assertLinkable(event: EventRecord): void {
  if (event.format !== 'school_lesson') throw conflict('not_a_lesson', 'Ссылка на запись есть только у урока профессионального мастерства');
  if (!LINK_STATUSES.includes(event.status)) throw conflict('event_status', 'Ссылка на запись действует, пока урок согласован или опубликован');
  if (event.endsAt.getTime() <= Date.now()) throw alreadyEnded();
}

/** A new link for the lesson; the old one stops working at once. */
export async function regenerateLink(ctx: AppContext, viewer: EventViewer, id: string, actor: AuditActor): Promise<StaffEventDetail> {
  return runStep(ctx, viewer, id, 'link', 'owner', async (tx, afterCommit, event) => {
    assertLinkable(event);
    await issueLinkToSchool(ctx, tx, afterCommit, event, viewer.accountId);
    await recordAudit(tx, actor, 'event.link_issued', id, { venueId: event.venueId });
  });
}

export async function revokeLink(ctx: AppContext, viewer: EventViewer, id: string, actor: AuditActor): Promise<StaffEventDetail> {
  return runStep(ctx, viewer, id, 'link', 'owner', async (tx, _afterCommit, event) => {
    assertLinkable(event);
    if (!(await revokeActiveLink(tx, id))) throw conflict('link_missing', 'У урока нет действующей ссылки');
    await recordAudit(tx, actor, 'event.link_revoked', id, { venueId: event.venueId });
  });
}

