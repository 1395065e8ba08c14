import type { Principal } from '../../plugins/session.js';

export type PupilRelation = 'self' | 'parent' | 'navigator';

/**
 * Whose diagnostic results and footprint a caller may see: the pupil its own, a linked parent its
 * child's, the navigator the pupils assigned to it. Nobody else, whatever its role.
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
