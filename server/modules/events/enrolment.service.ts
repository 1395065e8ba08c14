import type { AppContext } from '@server/context.js';
import type { Executor, Tx } from '@server/db/client.js';
import { inTransaction, type AfterCommit } from '@server/db/transaction.js';
import { isUniqueViolation } from '@server/db/pg-errors.js';
import { AppError, conflict, forbidden, notFound, unauthorized } from '@server/lib/errors.js';
import { touchSessionIfStale, type Principal } from '@server/plugins/session.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { isParentOf, linkedChildren } from '../identity/index.js';
import { findPupilRelation, type PupilRelation } from '../participants/index.js';
import {
  ELIGIBILITY_TEXTS,
  HOLD_HOURS,
  eligibilityChecklist,
  firstFailedCondition,
  type EligibilityCondition,
  type EligibilityFacts,
  type EnrolmentStatus,
} from '@common/events.js';
import type { ChildEligibility, EnrolmentResult, EnrolmentView, EventCard, GroupEnrolResult, LinkCard, PupilEvents } from '@common/schemas/events.js';
import { eventCard, toEventCard } from './event-cards.repository.js';
import {
  catalogue,
  claimExpiredHolds,
  clearReconfirm,
  enrolByLinkStatement,
  factsFor,
  factsOf,
  findByIdempotencyKey,
  findEnrolment,
  findLink,
  findLiveEnrolment,
  insertEnrolment,
  promote,
  pupilEnrolments,
  pupilHome,
  pupilsByIds,
  accountOfSession,
  releaseSeat,
  setStatus,
  takeSeat,
  waitingList,
  type CatalogueFilter,
  type EnrolmentRow,
  type FactsRow,
  type NewEnrolment,
} from './enrolment.repository.js';
import { canSeeEvent } from './events.policy.js';
import { findEventRef } from './events.repository.js';
import { notifyFamily } from './family-notice.js';
import { linkTokenHash } from './link-token.js';
import { formatEventWhen } from './event-time.js';

const LIVE: readonly EnrolmentStatus[] = ['held', 'confirmed', 'waitlisted'];
const SEAT_HOLDING: readonly EnrolmentStatus[] = ['held', 'confirmed'];

function toFacts(f: FactsRow): EligibilityFacts {
  return {
    registered: f.registered,
    linked: f.linked,
    consent: f.consent,
    tested: f.tested,
    priorTrials: f.prior_trials,
    isLesson: f.format === 'school_lesson',
    gradeAdmitted: f.grade_admitted,
    seatFree: f.seat_free,
    clash: f.clash,
  };
}

/** The refusal of a condition, with its remedy; a full event says the waiting list is open. */
function ineligible(condition: EligibilityCondition): AppError {
  const t = ELIGIBILITY_TEXTS[condition];
  const error =
    condition === 'seat'
      ? new AppError('event_full', 409, `${t.failed}. ${t.remedy}.`)
      : new AppError('ineligible', 422, `${t.failed}. ${t.remedy}.`);
  error.details = { condition, waitlist: condition === 'seat' };
  return error;
}

/** An event that is not published or has begun takes no enrolments, whatever else holds. */
function assertOpen(f: Pick<FactsRow, 'event_status' | 'starts_at'>): void {
  if (f.event_status !== 'published') throw conflict('event_closed', 'Запись на это мероприятие закрыта: оно не опубликовано или отменено');
  if (new Date(f.starts_at).getTime() <= Date.now()) throw conflict('event_started', 'Мероприятие уже началось — записаться на него нельзя');
}

function result(id: string, status: EnrolmentStatus, holdExpiresAt: Date | string | null): EnrolmentResult {
  return { enrolment: { id, status, holdExpiresAt: holdExpiresAt ? new Date(holdExpiresAt).toISOString() : null } };
}

const existing = (e: Pick<EnrolmentRow, 'id' | 'status' | 'hold_expires_at'>) => ({ status: 200 as const, body: result(e.id, e.status, e.hold_expires_at) });

/** A lesson's registration link: the event it names, or why it does not work. */
async function eventOfLink(ctx: AppContext, token: string): Promise<string> {
  const link = await findLink(ctx.db, linkTokenHash(token));
  if (!link) throw notFound('Ссылка для записи не найдена. Проверьте, что она скопирована целиком, или попросите у школы новую');
  if (link.revoked) throw notFound('Эта ссылка для записи отозвана. Попросите у школы новую ссылку');
  return link.event_id;
}

function childChecks(rows: readonly FactsRow[], names: ReadonlyArray<{ id: string; name: string; grade: number }>): ChildEligibility[] {
  const byChild = new Map(rows.map((r) => [r.child_id, r]));
  return names.flatMap((c) => {
    const f = byChild.get(c.id);
    if (!f) return [];
    return [{ childId: c.id, name: c.name, grade: c.grade, checks: eligibilityChecklist(toFacts(f)), enrolment: f.live_id ? { id: f.live_id, status: f.live_status! } : null }];
  });
}

async function childrenOf(executor: Executor, parentId: string): Promise<Array<{ id: string; name: string; grade: number }>> {
  return (await linkedChildren(executor, parentId)).map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}`, grade: c.grade }));
}

/** The lesson's card behind a link, with each of the parent's children checked against every condition. */
export async function linkCard(ctx: AppContext, principal: Principal, token: string): Promise<LinkCard> {
  if (principal.role !== 'parent') throw forbidden('Эта ссылка — для родителей: по ней родитель записывает ребёнка на урок');
  const eventId = await eventOfLink(ctx, token);
  const [event, children] = await Promise.all([eventCard(ctx.db, eventId), childrenOf(ctx.db, principal.accountId)]);
  if (!event) throw notFound('Урок не найден');
  return { event, children: childChecks(await factsFor(ctx.db, eventId, children.map((c) => c.id)), children) };
}

/**
 * «Записать ребенка» behind a link: one statement decides and books (see enrolByLinkStatement);
 * the reasons are worked out only when it did not book.
 */
export async function enrolByLink(
  ctx: AppContext,
  sessionHash: string | null,
  token: string,
  input: { childId: string; waitlist: boolean; idempotencyKey?: string | undefined },
): Promise<{ status: 200 | 201; body: EnrolmentResult }> {
  if (!sessionHash) throw unauthorized();
  const key = input.idempotencyKey ?? null;
  let row;
  try {
    row = await enrolByLinkStatement(ctx.database, {
      sessionHash,
      idleSeconds: ctx.config.sessionIdleMs / 1000,
      tokenHash: linkTokenHash(token),
      childId: input.childId,
      idempotencyKey: key,
      waitlist: input.waitlist,
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return replayed(ctx, sessionHash, token, input.childId, key);
  }
  if (!row) throw unauthorized();
  await touchSessionIfStale(ctx.database, sessionHash, row.last_seen_at);
  if (row.role !== 'parent') throw forbidden('Записать ребёнка по ссылке может только родитель');
  if (row.enrolment_id) return { status: 201, body: result(row.enrolment_id, row.enrolment_status!, null) };
  if (!row.link_ok) await eventOfLink(ctx, token);
  if (!row.child_id) throw notFound('Ребёнок не найден среди ваших детей');
  const facts = row as FactsRow;
  if (facts.live_id) return existing({ id: facts.live_id, status: facts.live_status!, hold_expires_at: null });
  assertOpen(facts);
  // Every condition held in the statement's snapshot yet nothing was booked: the last seat went meanwhile.
  throw ineligible(firstFailedCondition(toFacts(facts)) ?? 'seat');
}

/**
 * A retry, or a second click racing the first: answer with the enrolment that won. Only the
 * child's own parent can get here (the statement books for linked children only); checked again
 * so this path never answers about anyone else's child.
 */
async function replayed(ctx: AppContext, sessionHash: string, token: string, childId: string, key: string | null) {
  const eventId = await eventOfLink(ctx, token);
  const accountId = await accountOfSession(ctx.db, sessionHash);
  if (!accountId || !(await isParentOf(ctx.db, accountId, childId))) throw notFound('Ребёнок не найден среди ваших детей');
  const live = await findLiveEnrolment(ctx.db, eventId, childId);
  if (live) return existing(live);
  const byKey = key ? await findByIdempotencyKey(ctx.db, accountId, key) : null;
  if (byKey) return existing(byKey);
  throw conflict('enrolment_changed', 'Запись изменилась одновременно с вашим запросом — обновите страницу');
}

/** Who a family member acts for on an event's card: the pupil itself, or the parent's linked children. */
async function familyChildren(ctx: AppContext, principal: Principal) {
  return principal.role === 'participant' ? pupilsByIds(ctx.db, [principal.accountId]) : childrenOf(ctx.db, principal.accountId);
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

interface EnrolRequest {
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
 * row, in one transaction. A unique index stops a second live enrolment or a replayed key.
 */
async function enrol(ctx: AppContext, req: EnrolRequest): Promise<{ status: 200 | 201; body: EnrolmentResult }> {
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
      if (!seated && !req.waitlist) throw ineligible('seat');
      const row = await insertEnrolment(tx, {
        eventId: req.eventId,
        participantId: req.childId,
        status: seated ? req.seatStatus : 'waitlisted',
        source: req.source,
        createdBy: req.actorId,
        idempotencyKey: req.idempotencyKey,
        holdHours: HOLD_HOURS,
      });
      await announce(ctx, tx, afterCommit, req.childId, req.eventId, row.status, req.source);
      return { status: 201 as const, body: result(row.id, row.status, row.hold_expires_at) };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const live = await findLiveEnrolment(ctx.db, req.eventId, req.childId);
    const byKey = !live && req.idempotencyKey ? await findByIdempotencyKey(ctx.db, req.actorId, req.idempotencyKey) : null;
    if (live ?? byKey) return existing((live ?? byKey)!);
    throw conflict('enrolment_changed', 'Запись изменилась одновременно с вашим запросом — обновите страницу');
  }
}

/** Tells the family what happened to the child's place, in the words of the status it got. */
async function announce(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, childId: string, eventId: string, status: EnrolmentStatus, source: NewEnrolment['source']) {
  const event = await eventCard(tx, eventId);
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
      body: `${source === 'navigator' ? 'Педагог-навигатор записал ребёнка' : 'Ребёнок записан'} на мероприятие «${event.title}» (${when}). Оно появилось в разделе «Запланированные».`,
    },
    waitlisted: {
      kind: 'event.waitlisted',
      title: 'Ребёнок в листе ожидания',
      body: `Мест на мероприятие «${event.title}» (${when}) пока нет. Когда место освободится, запись придёт автоматически.`,
    },
  };
  const notice = notices[status];
  if (notice) await notifyFamily(ctx, tx, afterCommit, childId, { ...notice });
}

/** Enrolment from an event's card: a pupil asks for itself, a parent enrols one of its children. */
export async function enrolFromCard(
  ctx: AppContext,
  principal: Principal,
  eventId: string,
  input: { childId?: string | undefined; waitlist: boolean; idempotencyKey?: string | undefined },
) {
  const asParent = principal.role === 'parent';
  const childId = asParent ? input.childId : principal.accountId;
  if (!childId) throw new AppError('child_required', 400, 'Выберите ребёнка, которого записываете', { childId: 'Выберите ребёнка' });
  if (asParent && !(await isParentOf(ctx.db, principal.accountId, childId))) throw notFound('Ребёнок не найден среди ваших детей');
  const event = await eventCard(ctx.db, eventId);
  if (!event || event.format === 'school_lesson') throw notFound('Мероприятие не найдено');
  return enrol(ctx, {
    eventId,
    childId,
    actorId: principal.accountId,
    source: asParent ? 'parent' : 'catalogue',
    seatStatus: asParent ? 'confirmed' : 'held',
    waitlist: input.waitlist,
    idempotencyKey: input.idempotencyKey ?? null,
  });
}

/** Who may act on an enrolment: the pupil, a linked parent, the assigned navigator; others do not see it. */
async function relationTo(executor: Executor, principal: Principal, participantId: string): Promise<PupilRelation> {
  const relation = await findPupilRelation(executor, principal, participantId);
  if (!relation) throw notFound('Запись не найдена');
  return relation;
}

async function lockedEnrolment(ctx: AppContext, tx: Tx, principal: Principal, enrolmentId: string) {
  const row = await findEnrolment(tx, enrolmentId, true);
  if (!row) throw notFound('Запись не найдена');
  const relation = await relationTo(tx, principal, row.participant_id);
  return { row, relation };
}

/**
 * Gives freed seats to the waiting list, first come first, skipping pupils who no longer qualify.
 * Runs in the transaction that freed the seat, so nobody from outside the list can take it first.
 */
async function promoteWaiting(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, eventId: string): Promise<void> {
  let event: EventCard | null = null;
  for (const waiting of await waitingList(tx, eventId, 50)) {
    const facts = await factsOf(tx, eventId, waiting.participant_id);
    if (!facts || facts.event_status !== 'published' || new Date(facts.starts_at).getTime() <= Date.now()) return;
    if (firstFailedCondition({ ...toFacts(facts), seatFree: true })) continue;
    if (!(await takeSeat(tx, eventId))) return;
    // The parent's agreement is still needed when the pupil queued on its own.
    const to = waiting.source === 'catalogue' ? 'held' : 'confirmed';
    await promote(tx, waiting.id, to, HOLD_HOURS);
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
async function endEnrolment(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, row: EnrolmentRow, to: 'cancelled' | 'declined', reason: string) {
  await setStatus(tx, row.id, to, reason);
  if (SEAT_HOLDING.includes(row.status)) {
    await releaseSeat(tx, row.event_id);
    await promoteWaiting(ctx, tx, afterCommit, row.event_id);
  }
}

export async function cancelEnrolment(ctx: AppContext, principal: Principal, enrolmentId: string, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const { row, relation } = await lockedEnrolment(ctx, tx, principal, enrolmentId);
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

/** The parent's answer to a pupil's request: agreeing confirms the held seat, declining frees it. */
export async function answerRequest(ctx: AppContext, principal: Principal, enrolmentId: string, agree: boolean, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const { row, relation } = await lockedEnrolment(ctx, tx, principal, enrolmentId);
    if (relation !== 'parent') throw forbidden('Согласовать участие может только родитель');
    if (row.status !== 'held') throw conflict('not_awaiting', 'Эта запись не ждёт согласия родителя');
    if (row.hold_expires_at && new Date(row.hold_expires_at).getTime() <= Date.now()) {
      throw conflict('hold_expired', 'Время на согласие истекло, место освобождено. Ребёнок может записаться снова, если места есть');
    }
    if (agree) await setStatus(tx, row.id, 'confirmed');
    else await endEnrolment(ctx, tx, afterCommit, row, 'declined', 'declined_by_parent');
    await recordAudit(tx, actor, agree ? 'event.enrolment_agreed' : 'event.enrolment_declined', row.participant_id, { enrolmentId: row.id, eventId: row.event_id });
    await notifyAccountOfAnswer(ctx, tx, afterCommit, row, agree);
    return result(row.id, agree ? 'confirmed' : 'declined', null);
  });
}

async function notifyAccountOfAnswer(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, row: EnrolmentRow, agree: boolean) {
  await notifyFamily(ctx, tx, afterCommit, row.participant_id, {
    kind: agree ? 'event.enrolment_agreed' : 'event.enrolment_declined',
    title: agree ? 'Родитель согласовал участие' : 'Родитель не согласовал участие',
    body: agree
      ? `Участие в мероприятии «${row.title}» согласовано — оно в разделе «Запланированные».`
      : `Родитель не согласовал участие в мероприятии «${row.title}», место освобождено.`,
  });
}

/** After the event moved, the pupil or a parent confirms the new time (or cancels instead). */
export async function reconfirm(ctx: AppContext, principal: Principal, enrolmentId: string, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx) => {
    const { row } = await lockedEnrolment(ctx, tx, principal, enrolmentId);
    if (!SEAT_HOLDING.includes(row.status) || !(await clearReconfirm(tx, row.id))) {
      throw conflict('nothing_to_confirm', 'Подтверждать нечего: время этой записи не менялось');
    }
    await recordAudit(tx, actor, 'event.enrolment_reconfirmed', row.participant_id, { enrolmentId: row.id, eventId: row.event_id });
    return result(row.id, row.status, row.hold_expires_at);
  });
}

/** Holds the parent did not answer in time: the seat goes back (to the waiting list first). */
export async function expireHolds(ctx: AppContext): Promise<number> {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const expired = await claimExpiredHolds(tx, 200);
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

function toView(r: Awaited<ReturnType<typeof pupilEnrolments>>[number]): EnrolmentView {
  return {
    id: r.enrolment_id,
    status: r.enrolment_status,
    source: r.source,
    reconfirmRequired: r.reconfirm_required,
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
  if (relation === 'navigator' || relation === 'mentor') await recordAudit(ctx.db, actor, 'event.pupil_events_viewed', pupilId);
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

/**
 * A navigator enrols a group of its assigned pupils in one event; each pupil gets its own outcome
 * and its own transaction, so one pupil's unmet condition does not stop the others.
 */
export async function groupEnrol(ctx: AppContext, principal: Principal, eventId: string, participantIds: readonly string[], actor: AuditActor): Promise<GroupEnrolResult> {
  const event = await findEventRef(ctx.db, eventId);
  if (!event || !canSeeEvent(principal, event)) throw notFound('Мероприятие не найдено');
  const names = new Map((await pupilsByIds(ctx.db, participantIds)).map((p) => [p.id, p.name]));
  const results: GroupEnrolResult['results'] = [];
  for (const participantId of participantIds) {
    const name = names.get(participantId) ?? '';
    if (!names.has(participantId) || (await findPupilRelation(ctx.db, principal, participantId)) !== 'navigator') {
      results.push({ participantId, name, outcome: 'failed', condition: null, message: 'Ученик не закреплён за вами' });
      continue;
    }
    try {
      const done = await enrol(ctx, { eventId, childId: participantId, actorId: principal.accountId, source: 'navigator', seatStatus: 'confirmed', waitlist: false, idempotencyKey: null });
      results.push({ participantId, name, outcome: done.status === 201 ? 'enrolled' : 'already', condition: null, message: null });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const condition = (err.details as { condition?: EligibilityCondition } | undefined)?.condition ?? null;
      results.push({ participantId, name, outcome: 'failed', condition, message: err.message });
    }
  }
  await recordAudit(ctx.db, actor, 'event.group_enrolled', eventId, { pupils: participantIds.length, enrolled: results.filter((r) => r.outcome === 'enrolled').length });
  return { results };
}

/** The pupil's catalogue: its region and city unless it chose others; the defaults are echoed for the filters. */
export async function browseCatalogue(ctx: AppContext, principal: Principal, query: Omit<CatalogueFilter, 'regionId' | 'cityId' | 'ovz' | 'withSeats'> & { regionId?: number | undefined; cityId?: number | undefined; anyCity?: string | undefined; ovz?: string | undefined; withSeats?: string | undefined }) {
  const home = principal.role === 'participant' ? await pupilHome(ctx.db, principal.accountId) : null;
  const regionId = query.regionId ?? home?.region_id ?? null;
  const homeRegion = query.regionId === undefined || query.regionId === home?.region_id;
  const cityId = query.anyCity ? null : (query.cityId ?? (homeRegion ? home?.city_id ?? null : null));
  const { rows, total } = await catalogue(ctx.db, { ...query, regionId, cityId, ovz: query.ovz === 'true', withSeats: query.withSeats === 'true' });
  return { items: rows.map(toEventCard), total, page: query.page, pageSize: query.pageSize, defaults: { regionId: home?.region_id ?? null, cityId: home?.city_id ?? null } };
}
