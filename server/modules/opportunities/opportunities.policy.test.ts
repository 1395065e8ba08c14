import { describe, expect, it } from 'vitest';
import { cardIsOpen, editsOpportunity, keepsOpportunity, opportunityScopeOf, regionOfNew } from './opportunities.policy.js';

const issuer = { role: 'issuer_admin', regionId: null } as const;
const coordinator = { role: 'regional_coordinator', regionId: 43 } as const;
const school = { role: 'school', regionId: 43 } as const;

describe('opportunities policy', () => {
  it('gives the issuer all, a coordinator its region, anyone else nothing', () => {
    expect(opportunityScopeOf(issuer)).toEqual({ kind: 'all' });
    expect(opportunityScopeOf(coordinator)).toEqual({ kind: 'region', regionId: 43 });
    expect(opportunityScopeOf(school)).toEqual({ kind: 'none' });
    expect(opportunityScopeOf({ role: 'regional_coordinator', regionId: null })).toEqual({ kind: 'none' });
  });

  it('lets a coordinator keep and edit only its region’s, the issuer read all but edit the federal ones', () => {
    expect(keepsOpportunity(coordinator, { regionId: 43 })).toBe(true);
    expect(keepsOpportunity(coordinator, { regionId: 16 })).toBe(false);
    expect(keepsOpportunity(coordinator, { regionId: null })).toBe(false);
    expect(editsOpportunity(coordinator, { regionId: 43 })).toBe(true);
    expect(keepsOpportunity(issuer, { regionId: 16 })).toBe(true);
    expect(editsOpportunity(issuer, { regionId: 16 })).toBe(false);
    expect(editsOpportunity(issuer, { regionId: null })).toBe(true);
    expect(keepsOpportunity(school, { regionId: 43 })).toBe(false);
  });

  it('files a new one under the coordinator’s region or as federal for the issuer', () => {
    expect(regionOfNew(coordinator)).toBe(43);
    expect(regionOfNew(issuer)).toBeNull();
    expect(regionOfNew(school)).toBeUndefined();
  });

  it('opens the card of a published opportunity only', () => {
    expect(cardIsOpen('published')).toBe(true);
    expect(cardIsOpen('draft')).toBe(false);
    expect(cardIsOpen('archived')).toBe(false);
  });
});
