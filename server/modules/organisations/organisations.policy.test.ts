import { describe, expect, it } from 'vitest';
import {
  canChangeLegalIds,
  canEditOrganisationProfile,
  canInvite,
  canManageOrganisation,
  canManageStaff,
  canSeeOrganisation,
  canSeeRegion,
  canSeeStaff,
  canUpdateStaff,
  type Scope,
} from './organisations.policy.js';

const school = { kind: 'school' as const, id: 's1', regionId: 1 };
const venue = { kind: 'venue' as const, id: 'v1', regionId: 1 };
const scope = (over: Partial<Scope>): Scope => ({ accountId: 'me', role: 'school', regionId: null, schoolId: null, venueId: null, ...over });

const issuer = scope({ role: 'issuer_admin' });
const coordinator = scope({ role: 'regional_coordinator', regionId: 1 });
const otherCoordinator = scope({ role: 'regional_coordinator', regionId: 2 });
const schoolStaff = scope({ role: 'school', regionId: 1, schoolId: 's1' });
const otherSchool = scope({ role: 'school', regionId: 1, schoolId: 's2' });
const navigator = scope({ role: 'navigator', regionId: 1, schoolId: 's1' });
const venueStaff = scope({ role: 'venue', regionId: 1, venueId: 'v1' });

describe('organisation policy', () => {
  it('lets the issuer see everything and manage nothing', () => {
    expect(canSeeOrganisation(issuer, school)).toBe(true);
    expect(canManageOrganisation(issuer, school)).toBe(false);
    expect(canEditOrganisationProfile(issuer, school)).toBe(false);
  });

  it('keeps a coordinator inside its region', () => {
    expect(canSeeOrganisation(coordinator, school)).toBe(true);
    expect(canManageOrganisation(coordinator, venue)).toBe(true);
    expect(canSeeOrganisation(otherCoordinator, school)).toBe(false);
    expect(canManageOrganisation(otherCoordinator, school)).toBe(false);
  });

  it('lets staff see their own organisation only, and only its main account edit the profile', () => {
    expect(canSeeOrganisation(schoolStaff, school)).toBe(true);
    expect(canSeeOrganisation(otherSchool, school)).toBe(false);
    expect(canSeeOrganisation(schoolStaff, venue)).toBe(false);
    expect(canEditOrganisationProfile(schoolStaff, school)).toBe(true);
    expect(canEditOrganisationProfile(navigator, school)).toBe(false);
    expect(canEditOrganisationProfile(venueStaff, venue)).toBe(true);
  });

  it('leaves ИНН and ОГРН to the coordinator', () => {
    expect(canChangeLegalIds(schoolStaff, school)).toBe(false);
    expect(canChangeLegalIds(coordinator, school)).toBe(true);
  });
});

describe('staff policy', () => {
  const mentor = { accountId: 'm', role: 'mentor' as const, regionId: 1, schoolId: null, venueId: 'v1' };
  const nav = { accountId: 'n', role: 'navigator' as const, regionId: 1, schoolId: 's1', venueId: null };
  const coord = { accountId: 'c', role: 'regional_coordinator' as const, regionId: 1, schoolId: null, venueId: null };

  it('scopes who sees whom', () => {
    expect(canSeeStaff(venueStaff, mentor)).toBe(true);
    expect(canSeeStaff(schoolStaff, mentor)).toBe(false);
    expect(canSeeStaff(coordinator, nav)).toBe(true);
    expect(canSeeStaff(otherCoordinator, nav)).toBe(false);
    expect(canSeeStaff(issuer, nav)).toBe(true);
  });

  it('lets managers remove only the roles under them, never themselves', () => {
    expect(canManageStaff(schoolStaff, nav)).toBe(true);
    expect(canManageStaff(otherSchool, nav)).toBe(false);
    expect(canManageStaff(issuer, coord)).toBe(true);
    expect(canManageStaff(issuer, nav)).toBe(false);
    expect(canManageStaff(coordinator, coord)).toBe(false);
    expect(canManageStaff(scope({ accountId: 'n', role: 'school', schoolId: 's1' }), { ...nav, role: 'school' })).toBe(false);
  });

  it('lets a venue set its mentors’ competencies', () => {
    expect(canUpdateStaff(venueStaff, mentor)).toBe(true);
    expect(canUpdateStaff(schoolStaff, nav)).toBe(false);
  });

  it('knows who may invite whom', () => {
    expect(canInvite(issuer, 'regional_coordinator')).toBe(true);
    expect(canInvite(schoolStaff, 'navigator')).toBe(true);
    expect(canInvite(schoolStaff, 'mentor')).toBe(false);
    expect(canInvite(venueStaff, 'mentor')).toBe(true);
    expect(canInvite(coordinator, 'school')).toBe(false);
    expect(canInvite(navigator, 'navigator')).toBe(false);
  });

  it('opens a region to the issuer and its own coordinator', () => {
    expect(canSeeRegion(issuer, { id: 5 })).toBe(true);
    expect(canSeeRegion(coordinator, { id: 1 })).toBe(true);
    expect(canSeeRegion(otherCoordinator, { id: 1 })).toBe(false);
    expect(canSeeRegion(schoolStaff, { id: 1 })).toBe(false);
  });
});
