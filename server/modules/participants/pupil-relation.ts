import type { Executor } from '@server/db/client.js';
import type { Principal } from '@server/plugins/session.js';
import { isParentOf } from '../identity/index.js';
import { mentorFacts, navigatorFacts } from './participants.repository.js';

export type PupilRelation = 'self' | 'parent' | 'navigator' | 'mentor';

export interface PupilFacts {
  parentLinked: boolean;
  navigatorAssigned: boolean;
  /** The caller is a mentor of an event the pupil attended. */
  mentorOfAttendedEvent: boolean;
  /** A parent's consent to process the pupil's personal data is in force. */
  consentInForce: boolean;
  /** The parents' consent to process the pupil's data was withdrawn and not given again. */
  consentWithdrawn: boolean;
}

/**
 * The one rule of who may see and act on a pupil's own things (results, footprint, enrolments):
 * the pupil itself, a linked parent, the navigator the pupil is assigned to, and the mentor of an
 * event the pupil came to while a parent's consent to process its data is in force. Nobody else,
 * whatever its role. Once the consent is withdrawn staff lose sight at once, until a new one.
 */
export function relationToPupil(principal: Pick<Principal, 'role' | 'accountId'>, pupilId: string, facts: PupilFacts): PupilRelation | null {
  switch (principal.role) {
    case 'participant':
      return principal.accountId === pupilId ? 'self' : null;
    case 'parent':
      return facts.parentLinked ? 'parent' : null;
    case 'navigator':
      return facts.navigatorAssigned && !facts.consentWithdrawn ? 'navigator' : null;
    case 'mentor':
      return facts.mentorOfAttendedEvent && facts.consentInForce ? 'mentor' : null;
    default:
      return null;
  }
}

/** relationToPupil with its facts looked up, only those the caller's role needs. */
export async function findPupilRelation(executor: Executor, principal: Pick<Principal, 'role' | 'accountId'>, pupilId: string): Promise<PupilRelation | null> {
  const mentor = principal.role === 'mentor' ? await mentorFacts(executor, pupilId, principal.accountId) : null;
  const navigator = principal.role === 'navigator' ? await navigatorFacts(executor, pupilId, principal.accountId) : null;
  const facts: PupilFacts = {
    parentLinked: principal.role === 'parent' && (await isParentOf(executor, principal.accountId, pupilId)),
    navigatorAssigned: navigator?.assigned ?? false,
    mentorOfAttendedEvent: mentor?.attended ?? false,
    consentInForce: mentor?.consented ?? false,
    consentWithdrawn: navigator?.withdrawn ?? false,
  };
  return relationToPupil(principal, pupilId, facts);
}
