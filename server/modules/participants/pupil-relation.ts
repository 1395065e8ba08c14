import type { Executor } from '../../db/client.js';
import type { Principal } from '../../plugins/session.js';
import { isParentOf } from '../identity/index.js';
import { isAssignedToNavigator } from './participants.repository.js';

export type PupilRelation = 'self' | 'parent' | 'navigator';

/**
 * Who may see and act on a pupil's own things (results, footprint, enrolments): the pupil itself,
 * a linked parent, the navigator the pupil is assigned to. Nobody else, whatever its role.
 */
export function relationToPupil(
  principal: Pick<Principal, 'role' | 'accountId'>,
  pupilId: string,
  facts: { parentLinked: boolean; navigatorAssigned: boolean },
): PupilRelation | null {
  switch (principal.role) {
    case 'participant':
      return principal.accountId === pupilId ? 'self' : null;
    case 'parent':
      return facts.parentLinked ? 'parent' : null;
    case 'navigator':
      return facts.navigatorAssigned ? 'navigator' : null;
    default:
      return null;
  }
}

/** relationToPupil with its facts looked up, only the one the caller's role needs. */
export async function findPupilRelation(executor: Executor, principal: Pick<Principal, 'role' | 'accountId'>, pupilId: string): Promise<PupilRelation | null> {
  const facts = {
    parentLinked: principal.role === 'parent' && (await isParentOf(executor, principal.accountId, pupilId)),
    navigatorAssigned: principal.role === 'navigator' && (await isAssignedToNavigator(executor, pupilId, principal.accountId)),
  };
  return relationToPupil(principal, pupilId, facts);
}
