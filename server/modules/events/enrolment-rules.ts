import type { Executor, Tx } from '@server/db/client.js';
import { AppError, conflict, notFound } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import { findPupilRelation, type PupilRelation } from '../participants/index.js';
import { ELIGIBILITY_TEXTS, eligibilityChecklist, type EligibilityCondition, type EligibilityFacts, type EnrolmentStatus } from '@common/events.js';
import type { ChildEligibility, EnrolmentResult } from '@common/schemas/events.js';
import { findEnrolment, type EnrolmentRow, type FactsRow } from './enrolment.repository.js';

/**
 * What every enrolment use case shares: the facts as the common rules read them, the refusals in
 * the families' words, and the answer's shape.
 */
export const LIVE: readonly EnrolmentStatus[] = ['held', 'confirmed', 'waitlisted'];
export const SEAT_HOLDING: readonly EnrolmentStatus[] = ['held', 'confirmed'];

export function toFacts(f: FactsRow): EligibilityFacts {
  return {
    registered: f.registered,
    linked: f.linked,
    consent: f.consent,
    tested: f.tested,
    priorTrials: f.prior_trials,
    isLesson: f.format === 'school_lesson',
    ownSchool: f.own_school,
    gradeAdmitted: f.grade_admitted,
    seatFree: f.seat_free,
    clash: f.clash,
  };
}

/** The refusal of a condition, with its remedy; a full event says the waiting list is open. */
export function ineligible(condition: EligibilityCondition): AppError {
  const t = ELIGIBILITY_TEXTS[condition];
  const error =
    condition === 'seat'
      ? new AppError('event_full', 409, `${t.failed}. ${t.remedy}.`)
      : new AppError('ineligible', 422, `${t.failed}. ${t.remedy}.`);
  error.details = { condition, waitlist: condition === 'seat' };
  return error;
}

/** An event that is not published or has begun takes no enrolments, whatever else holds. */
export function assertOpen(f: Pick<FactsRow, 'event_status' | 'starts_at'>): void {
  if (f.event_status !== 'published') throw conflict('event_closed', 'Запись на это мероприятие закрыта: оно не опубликовано или отменено');
  if (new Date(f.starts_at).getTime() <= Date.now()) throw conflict('event_started', 'Мероприятие уже началось — записаться на него нельзя');
}

export function result(id: string, status: EnrolmentStatus, holdExpiresAt: Date | string | null): EnrolmentResult {
  return { enrolment: { id, status, holdExpiresAt: holdExpiresAt ? new Date(holdExpiresAt).toISOString() : null } };
}

/** The answer to a press whose child is already enrolled: that enrolment, as 200. */
export const existing = (e: Pick<EnrolmentRow, 'id' | 'status' | 'hold_expires_at'>) => ({ status: 200 as const, body: result(e.id, e.status, e.hold_expires_at) });

export const enrolmentChanged = () => conflict('enrolment_changed', 'Запись изменилась одновременно с вашим запросом — обновите страницу');

/** Each child of the family checked against every condition, with its live enrolment if it has one. */
export function childChecks(rows: readonly FactsRow[], names: ReadonlyArray<{ id: string; name: string; grade: number }>): ChildEligibility[] {
  const byChild = new Map(rows.map((r) => [r.child_id, r]));
  return names.flatMap((c) => {
    const f = byChild.get(c.id);
    if (!f) return [];
    return [{ childId: c.id, name: c.name, grade: c.grade, checks: eligibilityChecklist(toFacts(f)), enrolment: f.live_id ? { id: f.live_id, status: f.live_status! } : null }];
  });
}

/** Who may act on an enrolment: the pupil, a linked parent, the assigned navigator; others do not see it. */
export async function relationTo(executor: Executor, principal: Pick<Principal, 'role' | 'accountId'>, participantId: string): Promise<PupilRelation> {
  const relation = await findPupilRelation(executor, principal, participantId);
  if (!relation) throw notFound('Запись не найдена');
  return relation;
}

/** An enrolment locked for a change, with the caller's relation to its pupil (404 when it has none). */
export async function lockedEnrolment(tx: Tx, principal: Pick<Principal, 'role' | 'accountId'>, enrolmentId: string): Promise<{ row: EnrolmentRow; relation: PupilRelation }> {
  const row = await findEnrolment(tx, enrolmentId, true);
  if (!row) throw notFound('Запись не найдена');
  const relation = await relationTo(tx, principal, row.participant_id);
  return { row, relation };
}
