import type { Role } from '@common/roles.js';
import { INVITABLE_ROLES, MANAGED_ROLES } from '@common/permissions.js';
import type { OrganisationKind } from '@common/organisations.js';

/** The parts of a principal the policies look at. */
export interface Scope {
  accountId: string;
  role: Role;
  regionId: number | null;
  schoolId: string | null;
  venueId: string | null;
}

export interface OrganisationRef {
  kind: OrganisationKind;
  id: string;
  regionId: number;
}

/** Whose staff a principal belongs to, if anyone's. */
function ownOrganisationId(scope: Scope, kind: OrganisationKind): string | null {
  return kind === 'school' ? scope.schoolId : scope.venueId;
}

/** The issuer sees every organisation, a coordinator its region's, staff their own. */
export function canSeeOrganisation(scope: Scope, org: OrganisationRef): boolean {
  if (scope.role === 'issuer_admin') return true;
  if (scope.role === 'regional_coordinator') return scope.regionId === org.regionId;
  return ownOrganisationId(scope, org.kind) === org.id;
}

/** Registering, suspending and setting targets belong to the coordinator of the organisation's region. */
export function canManageOrganisation(scope: Scope, org: OrganisationRef): boolean {
  return scope.role === 'regional_coordinator' && scope.regionId === org.regionId;
}

/** The profile is kept by the organisation itself (its main account) or by its coordinator. */
export function canEditOrganisationProfile(scope: Scope, org: OrganisationRef): boolean {
  if (canManageOrganisation(scope, org)) return true;
  return scope.role === org.kind && ownOrganisationId(scope, org.kind) === org.id;
}

/** ИНН and ОГРН identify the legal entity; only the coordinator who registered it may correct them. */
export function canChangeLegalIds(scope: Scope, org: OrganisationRef): boolean {
  return canManageOrganisation(scope, org);
}

export interface StaffRef {
  accountId: string;
  role: Role;
  regionId: number | null;
  schoolId: string | null;
  venueId: string | null;
}

/** Whether a staff member is in the part of the programme the principal looks after. */
export function canSeeStaff(scope: Scope, target: StaffRef): boolean {
  if (scope.accountId === target.accountId) return true;
  switch (scope.role) {
    case 'issuer_admin':
      return true;
    case 'regional_coordinator':
      return target.regionId !== null && target.regionId === scope.regionId;
    case 'school':
      return target.schoolId !== null && target.schoolId === scope.schoolId;
    case 'venue':
      return target.venueId !== null && target.venueId === scope.venueId;
    default:
      return false;
  }
}

/** Removing a staff member or sending its invitation again: its manager, never oneself. */
export function canManageStaff(scope: Scope, target: StaffRef): boolean {
  if (scope.accountId === target.accountId) return false;
  if (!(MANAGED_ROLES[scope.role] ?? []).includes(target.role)) return false;
  return canSeeStaff(scope, target);
}

/** Only a venue sets its mentors' competencies and positions. */
export function canUpdateStaff(scope: Scope, target: StaffRef): boolean {
  return scope.role === 'venue' && target.role === 'mentor' && canManageStaff(scope, target);
}

export function canInvite(scope: Scope, role: Role): boolean {
  return (INVITABLE_ROLES[scope.role] ?? []).includes(role);
}

export interface RegionRef {
  id: number;
}

export function canSeeRegion(scope: Scope, region: RegionRef): boolean {
  return scope.role === 'issuer_admin' || (scope.role === 'regional_coordinator' && scope.regionId === region.id);
}

/** Season dates and cities: the issuer for any region, a coordinator for its own. */
export function canSetUpRegion(scope: Scope, region: RegionRef): boolean {
  return canSeeRegion(scope, region);
}
