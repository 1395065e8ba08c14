import type { Principal } from '@server/plugins/session.js';

/** Which pupils a staff member may see; anything outside answers as if it did not exist. */
export type ParticipantScope =
  | { kind: 'all' }
  | { kind: 'region'; regionId: number }
  | { kind: 'school'; schoolId: string }
  | { kind: 'navigator'; navigatorId: string }
  | { kind: 'none' };

/** The issuer sees every pupil, a coordinator its region's, a school its own, a navigator those assigned to it. */
export function participantScope(principal: Pick<Principal, 'role' | 'accountId' | 'regionId' | 'schoolId'>): ParticipantScope {
  switch (principal.role) {
    case 'issuer_admin':
      return { kind: 'all' };
    case 'regional_coordinator':
      return principal.regionId === null ? { kind: 'none' } : { kind: 'region', regionId: principal.regionId };
    case 'school':
      return principal.schoolId === null ? { kind: 'none' } : { kind: 'school', schoolId: principal.schoolId };
    case 'navigator':
      return { kind: 'navigator', navigatorId: principal.accountId };
    default:
      return { kind: 'none' };
  }
}

export type ExistingChildDecision = 'attach' | 'already_here' | 'other_school';

/**
 * One child, one profile: a school registering a child who already has one takes that profile
 * over when no school holds it, finds it already its own, or is refused when another school does.
 */
export function decideExistingChild(existingSchoolId: string | null, schoolId: string): ExistingChildDecision {
  if (existingSchoolId === null) return 'attach';
  return existingSchoolId === schoolId ? 'already_here' : 'other_school';
}
