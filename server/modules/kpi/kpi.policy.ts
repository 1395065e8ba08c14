import { KPI_LEVEL_OF_ROLE, TARGET_SETTER, type KpiLevel } from '@common/kpi.js';
import type { Principal } from '@server/plugins/session.js';
import type { ScopeInfo } from './kpi.repository.js';

/** The parts of a principal the KPI rules look at. */
export type KpiCaller = Pick<Principal, 'role' | 'accountId' | 'regionId' | 'schoolId' | 'venueId'>;

export function callerLevel(caller: KpiCaller): KpiLevel | null {
  return KPI_LEVEL_OF_ROLE[caller.role] ?? null;
}

/** The caller's own dashboard: the issuer's programme, the coordinator's region, the school, the venue, the person itself. */
export function ownScope(caller: KpiCaller): { level: KpiLevel; id: string | null } | null {
  switch (callerLevel(caller)) {
    case 'federal':
      return { level: 'federal', id: null };
    case 'region':
      return caller.regionId === null ? null : { level: 'region', id: String(caller.regionId) };
    case 'school':
      return caller.schoolId === null ? null : { level: 'school', id: caller.schoolId };
    case 'venue':
      return caller.venueId === null ? null : { level: 'venue', id: caller.venueId };
    case 'navigator':
      return { level: 'navigator', id: caller.accountId };
    case 'mentor':
      return { level: 'mentor', id: caller.accountId };
    default:
      return null;
  }
}

/**
 * Whether the caller sees a scope's figures: the issuer every scope, the coordinator its region
 * and what lies in it, a school itself and its navigators, a venue itself and its mentors, a
 * navigator or a mentor only itself. Anything else is answered as if it did not exist.
 */
export function canSeeScope(caller: KpiCaller, scope: ScopeInfo): boolean {
  switch (callerLevel(caller)) {
    case 'federal':
      return true;
    case 'region':
      return scope.level !== 'federal' && caller.regionId !== null && scope.regionId === caller.regionId;
    case 'school':
      return (scope.level === 'school' || scope.level === 'navigator') && caller.schoolId !== null && scope.schoolId === caller.schoolId;
    case 'venue':
      return (scope.level === 'venue' || scope.level === 'mentor') && caller.venueId !== null && scope.venueId === caller.venueId;
    case 'navigator':
      return scope.level === 'navigator' && scope.id === caller.accountId;
    case 'mentor':
      return scope.level === 'mentor' && scope.id === caller.accountId;
    default:
      return false;
  }
}

/** Whether the caller sets targets for scopes of this level: TARGET_SETTER says whose. */
export function setsTargetsOf(caller: KpiCaller, level: KpiLevel): boolean {
  const setter = TARGET_SETTER[level];
  return setter !== undefined && setter === callerLevel(caller);
}

/** A scope's targets: its setter's level, and the scope within the setter's own. */
export function canSetTargets(caller: KpiCaller, scope: ScopeInfo): boolean {
  return setsTargetsOf(caller, scope.level) && canSeeScope(caller, scope);
}
