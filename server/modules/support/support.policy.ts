import type { SupportSettableStatus, SupportStatus } from '@common/support/requests.js';
import type { Principal } from '@server/plugins/session.js';

/** Which requests a desk reader sees: the issuer's operators and administrators all, a coordinator its region's. */
export type DeskScope = { kind: 'all' } | { kind: 'region'; regionId: number };

/** The desk scope of a caller, or null when it has no desk. */
export function deskScope(principal: Pick<Principal, 'role' | 'regionId'>): DeskScope | null {
  if (principal.role === 'support_operator' || principal.role === 'issuer_admin') return { kind: 'all' };
  if (principal.role === 'regional_coordinator' && principal.regionId !== null) return { kind: 'region', regionId: principal.regionId };
  return null;
}

interface RequestFacts {
  regionId: number | null;
  status: SupportStatus;
}

/** A desk reader may open a request within its scope. */
export function mayReadRequest(principal: Pick<Principal, 'role' | 'regionId'>, request: RequestFacts): boolean {
  const scope = deskScope(principal);
  if (!scope) return false;
  return scope.kind === 'all' || request.regionId === scope.regionId;
}

/** Only the issuer's operators run the queue: assign, change statuses, merge, override decisions, keep notes. */
export function mayManageRequests(principal: Pick<Principal, 'role'>): boolean {
  return principal.role === 'support_operator';
}

/**
 * Operators answer any request still open to answers; a coordinator, as second line, answers only
 * its region's requests escalated to it. A request left without an answer by a rule gets none.
 */
export function mayAnswerRequest(principal: Pick<Principal, 'role' | 'regionId'>, request: RequestFacts): boolean {
  if (request.status === 'no_answer' || request.status === 'closed') return false;
  if (principal.role === 'support_operator') return true;
  return principal.role === 'regional_coordinator' && request.status === 'escalated' && request.regionId !== null && request.regionId === principal.regionId;
}

const TRANSITIONS: Record<SupportStatus, readonly SupportSettableStatus[]> = {
  new: ['in_progress', 'waiting_requester', 'escalated', 'closed'],
  in_progress: ['waiting_requester', 'escalated', 'closed'],
  waiting_requester: ['in_progress', 'escalated', 'closed'],
  escalated: ['in_progress', 'closed'],
  answered: ['in_progress', 'waiting_requester', 'closed'],
  closed: ['in_progress'],
  // Only an override of the intake decision takes a request out of «no answer».
  no_answer: [],
};

/** Whether an operator may move a request from one status to another by hand. */
export function mayChangeStatus(from: SupportStatus, to: SupportSettableStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The status a request takes when its requester writes again: an answered or waiting one is back in work. */
export function statusAfterRequesterMessage(status: SupportStatus): SupportStatus {
  if (status === 'answered' || status === 'waiting_requester' || status === 'closed') return 'in_progress';
  return status;
}

const MOSCOW_OFFSET_MS = 3 * 3_600_000;
const DAY_START = 9;
const DAY_END = 18;

/**
 * The moment `hours` working hours after `start`: Monday to Friday, 9:00–18:00 Moscow time (UTC+3
 * all year). Holidays are not counted apart.
 */
export function addWorkingHours(start: Date, hours: number): Date {
  // Work in a shifted clock where UTC fields read as Moscow's wall time.
  let t = new Date(start.getTime() + MOSCOW_OFFSET_MS);
  let remainingMs = hours * 3_600_000;
  for (;;) {
    const day = t.getUTCDay();
    const dayStart = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), DAY_START);
    const dayEnd = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), DAY_END);
    const workday = day !== 0 && day !== 6;
    if (!workday || t.getTime() >= dayEnd) {
      t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() + 1, DAY_START));
      continue;
    }
    if (t.getTime() < dayStart) t = new Date(dayStart);
    const available = dayEnd - t.getTime();
    if (remainingMs <= available) return new Date(t.getTime() + remainingMs - MOSCOW_OFFSET_MS);
    remainingMs -= available;
    t = new Date(dayEnd);
  }
}
