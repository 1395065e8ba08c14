import { describe, expect, it } from 'vitest';
import type { Role } from '@common/roles.js';
import { mayAssignPaperConsent, mayReadPaperConsent, paperConsentScope, type PaperConsentFacts, type Reader } from './paper-consents.policy.js';

const SCHOOL = '11111111-1111-4111-8111-111111111111';
const OTHER_SCHOOL = '22222222-2222-4222-8222-222222222222';
const CHILD = '33333333-3333-4333-8333-333333333333';

const reader = (role: Role, scope: Partial<Reader> = {}): Reader => ({
  accountId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  role,
  regionId: null,
  schoolId: null,
  ...scope,
});

const consent = (facts: Partial<PaperConsentFacts> = {}): PaperConsentFacts => ({
  schoolId: SCHOOL,
  schoolRegionId: 43,
  participantId: CHILD,
  readerIsLinkedParent: false,
  ...facts,
});

describe('paperConsentScope', () => {
  it('narrows a school to itself, a coordinator to its region and a parent to its children', () => {
    expect(paperConsentScope(reader('school', { schoolId: SCHOOL, regionId: 43 }))).toEqual({ kind: 'school', schoolId: SCHOOL });
    expect(paperConsentScope(reader('regional_coordinator', { regionId: 43 }))).toEqual({ kind: 'region', regionId: 43 });
    const parent = reader('parent');
    expect(paperConsentScope(parent)).toEqual({ kind: 'parent', parentId: parent.accountId });
  });

  it('covers nothing for staff without their organisation and for every other role', () => {
    expect(paperConsentScope(reader('school'))).toBeNull();
    expect(paperConsentScope(reader('regional_coordinator'))).toBeNull();
    for (const role of ['participant', 'issuer_admin', 'venue', 'mentor', 'navigator', 'methodologist'] as const) {
      expect(paperConsentScope(reader(role, { regionId: 43, schoolId: SCHOOL }))).toBeNull();
    }
  });
});

describe('mayReadPaperConsent', () => {
  it('lets the uploading school read, assigned or not, and no other school', () => {
    expect(mayReadPaperConsent(reader('school', { schoolId: SCHOOL }), consent())).toBe(true);
    expect(mayReadPaperConsent(reader('school', { schoolId: SCHOOL }), consent({ participantId: null }))).toBe(true);
    expect(mayReadPaperConsent(reader('school', { schoolId: OTHER_SCHOOL, regionId: 43 }), consent())).toBe(false);
  });

  it("lets the coordinator of the school's region read, and not one of another region", () => {
    expect(mayReadPaperConsent(reader('regional_coordinator', { regionId: 43 }), consent({ participantId: null }))).toBe(true);
    expect(mayReadPaperConsent(reader('regional_coordinator', { regionId: 16 }), consent())).toBe(false);
  });

  it('lets a parent read only a scan marked for a linked child', () => {
    expect(mayReadPaperConsent(reader('parent'), consent({ readerIsLinkedParent: true }))).toBe(true);
    expect(mayReadPaperConsent(reader('parent'), consent({ readerIsLinkedParent: false }))).toBe(false);
    expect(mayReadPaperConsent(reader('parent'), consent({ participantId: null, readerIsLinkedParent: true }))).toBe(false);
  });

  it('refuses the child itself, navigators, venues and the issuer', () => {
    for (const role of ['participant', 'navigator', 'venue', 'mentor', 'issuer_admin', 'methodologist'] as const) {
      expect(mayReadPaperConsent(reader(role, { schoolId: SCHOOL, regionId: 43, accountId: CHILD }), consent({ readerIsLinkedParent: true }))).toBe(false);
    }
  });
});

describe('mayAssignPaperConsent', () => {
  it('lets only the uploading school mark the child', () => {
    expect(mayAssignPaperConsent(reader('school', { schoolId: SCHOOL }), consent())).toBe(true);
    expect(mayAssignPaperConsent(reader('school', { schoolId: OTHER_SCHOOL }), consent())).toBe(false);
    expect(mayAssignPaperConsent(reader('school'), consent())).toBe(false);
    expect(mayAssignPaperConsent(reader('regional_coordinator', { regionId: 43 }), consent())).toBe(false);
    expect(mayAssignPaperConsent(reader('parent'), consent({ readerIsLinkedParent: true }))).toBe(false);
  });
});
