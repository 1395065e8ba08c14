import { describe, expect, it } from 'vitest';
import { articleIsPublic, editsRegionContacts } from './help.policy.js';

describe('help-centre policy', () => {
  it('lets support change any region’s contacts, a coordinator only its own, nobody else any', () => {
    expect(editsRegionContacts({ role: 'support_operator', regionId: null }, 5)).toBe(true);
    expect(editsRegionContacts({ role: 'regional_coordinator', regionId: 5 }, 5)).toBe(true);
    expect(editsRegionContacts({ role: 'regional_coordinator', regionId: 5 }, 6)).toBe(false);
    expect(editsRegionContacts({ role: 'school', regionId: 5 }, 5)).toBe(false);
    expect(editsRegionContacts({ role: 'issuer_admin', regionId: null }, 5)).toBe(false);
  });

  it('shows the public an article only once it was published', () => {
    expect(articleIsPublic({ publishedVersion: null })).toBe(false);
    expect(articleIsPublic({ publishedVersion: 1 })).toBe(true);
  });
});
