import { describe, expect, it } from 'vitest';
import type { Role } from '@common/roles.js';
import { canEditPlace, canSeePlace, managedVenueOf, placeScopeOf, type PlaceViewer } from './places.policy.js';

const VENUE = '00000000-0000-4000-8000-000000000001';
const OTHER_VENUE = '00000000-0000-4000-8000-000000000002';
const place = { venueId: VENUE, regionId: 43 };
const elsewhere = { venueId: OTHER_VENUE, regionId: 16 };
const neighbour = { venueId: OTHER_VENUE, regionId: 43 };

const viewer = (role: Role, scope: Partial<PlaceViewer> = {}): PlaceViewer => ({ role, regionId: null, venueId: null, ...scope });

describe('places scope', () => {
  it('gives the issuer every place', () => {
    expect(placeScopeOf(viewer('issuer_admin'))).toEqual({ kind: 'all' });
    expect(canSeePlace(viewer('issuer_admin'), elsewhere)).toBe(true);
  });

  it("gives a coordinator the places of every venue in its region and nothing beyond", () => {
    const coordinator = viewer('regional_coordinator', { regionId: 43 });
    expect(placeScopeOf(coordinator)).toEqual({ kind: 'region', regionId: 43 });
    expect(canSeePlace(coordinator, place)).toBe(true);
    expect(canSeePlace(coordinator, neighbour)).toBe(true);
    expect(canSeePlace(coordinator, elsewhere)).toBe(false);
  });

  it("gives venue staff and mentors their own venue's places only, even in the same region", () => {
    for (const role of ['venue', 'mentor'] as const) {
      const member = viewer(role, { regionId: 43, venueId: VENUE });
      expect(placeScopeOf(member)).toEqual({ kind: 'venue', venueId: VENUE });
      expect(canSeePlace(member, place)).toBe(true);
      expect(canSeePlace(member, neighbour)).toBe(false);
    }
  });

  it('gives nothing to a staff member without a scope or of an unrelated role', () => {
    expect(placeScopeOf(viewer('regional_coordinator'))).toEqual({ kind: 'none' });
    expect(placeScopeOf(viewer('venue', { regionId: 43 }))).toEqual({ kind: 'none' });
    for (const role of ['school', 'navigator', 'methodologist', 'participant', 'parent'] as const) {
      expect(canSeePlace(viewer(role, { regionId: 43, venueId: VENUE }), place), role).toBe(false);
    }
  });
});

describe('managing places', () => {
  it("lets a venue's main account register and edit its own places", () => {
    const venue = viewer('venue', { regionId: 43, venueId: VENUE });
    expect(managedVenueOf(venue)).toBe(VENUE);
    expect(canEditPlace(venue, place)).toBe(true);
    expect(canEditPlace(venue, neighbour)).toBe(false);
  });

  it('lets nobody else edit, not even who may see the place', () => {
    for (const who of [
      viewer('mentor', { regionId: 43, venueId: VENUE }),
      viewer('regional_coordinator', { regionId: 43 }),
      viewer('issuer_admin'),
      viewer('venue', { regionId: 43 }),
    ]) {
      expect(managedVenueOf(who) === VENUE, who.role).toBe(false);
      expect(canEditPlace(who, place), who.role).toBe(false);
    }
  });
});
