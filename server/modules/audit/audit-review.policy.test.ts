import { describe, expect, it } from 'vitest';
import { reviewRegion } from './audit-review.policy.js';

describe('who reads which part of the audit log', () => {
  it('gives the issuer the whole log and a coordinator its region', () => {
    expect(reviewRegion({ role: 'issuer_admin', regionId: null })).toBeNull();
    expect(reviewRegion({ role: 'regional_coordinator', regionId: 43 })).toBe(43);
  });
  it('refuses a coordinator without a region and every other role', () => {
    expect(() => reviewRegion({ role: 'regional_coordinator', regionId: null })).toThrow();
    expect(() => reviewRegion({ role: 'school', regionId: 43 })).toThrow();
  });
});
