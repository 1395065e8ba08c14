import { SELF_ERASURE_AGE } from '@common/data-rights.js';
import { ageOn, todayInMoscow } from '@common/validators.js';
import type { Principal } from '@server/plugins/session.js';

export type DataRightsCaller = Pick<Principal, 'role' | 'accountId'>;

/**
 * Whose data a request is about: the caller's own when no subject is named or it names the caller;
 * another person only as a parent's child, which the service confirms by the family link (any
 * other answer is 404, so nobody learns whether an id exists).
 */
export function subjectOf(caller: DataRightsCaller, subjectId: string | undefined): { id: string; self: boolean } | null {
  if (!subjectId || subjectId === caller.accountId) return { id: caller.accountId, self: true };
  return caller.role === 'parent' ? { id: subjectId, self: false } : null;
}

/**
 * Why the caller may not ask to erase this account, or null when it may: a parent asks for its
 * child, a pupil of SELF_ERASURE_AGE or older for itself; a parent's own account is not erased
 * here, since its children's consents rest on it.
 */
export function erasureRefusal(self: boolean, subject: { role: string; birthDate: string | null }, today = todayInMoscow()): string | null {
  if (subject.role !== 'participant') {
    return 'Удалить здесь можно только учётную запись ученика. Чтобы удалить учётную запись родителя или сотрудника, напишите в поддержку.';
  }
  // Only a parent names someone other than itself (subjectOf), and the family link is checked by then.
  if (!self) return null;
  if (!subject.birthDate || ageOn(subject.birthDate, today) < SELF_ERASURE_AGE) {
    return `До ${SELF_ERASURE_AGE} лет удалить учётную запись может только родитель из своего кабинета`;
  }
  return null;
}

/** Only whoever asked may take the request back while the account waits for erasure. */
export function mayCancelErasure(caller: DataRightsCaller, request: { requestedBy: string | null }): boolean {
  return request.requestedBy === caller.accountId;
}
