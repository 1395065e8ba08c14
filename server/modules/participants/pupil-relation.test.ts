import { describe, expect, it } from 'vitest';
import { relationToPupil, type PupilFacts } from './pupil-relation.js';

const pupil = '00000000-0000-4000-8000-000000000001';
const none: PupilFacts = { parentLinked: false, navigatorAssigned: false, mentorOfAttendedEvent: false, consentInForce: false, consentWithdrawn: false };
const all: PupilFacts = { parentLinked: true, navigatorAssigned: true, mentorOfAttendedEvent: true, consentInForce: true, consentWithdrawn: false };

describe('who sees a pupil’s things', () => {
  it('lets the pupil see only its own', () => {
    expect(relationToPupil({ role: 'participant', accountId: pupil }, pupil, none)).toBe('self');
    expect(relationToPupil({ role: 'participant', accountId: 'another' }, pupil, all)).toBeNull();
  });

  it('lets a parent in only through a family link and a navigator only through an assignment', () => {
    expect(relationToPupil({ role: 'parent', accountId: 'p' }, pupil, { ...none, parentLinked: true })).toBe('parent');
    expect(relationToPupil({ role: 'parent', accountId: 'p' }, pupil, { ...all, parentLinked: false })).toBeNull();
    expect(relationToPupil({ role: 'navigator', accountId: 'n' }, pupil, { ...none, navigatorAssigned: true })).toBe('navigator');
    expect(relationToPupil({ role: 'navigator', accountId: 'n' }, pupil, { ...all, navigatorAssigned: false })).toBeNull();
  });

  it('hides the pupil from its navigator once the parents withdrew consent, and from nobody in the family', () => {
    const withdrawn = { ...all, consentInForce: false, consentWithdrawn: true };
    expect(relationToPupil({ role: 'navigator', accountId: 'n' }, pupil, withdrawn)).toBeNull();
    expect(relationToPupil({ role: 'parent', accountId: 'p' }, pupil, withdrawn)).toBe('parent');
    expect(relationToPupil({ role: 'participant', accountId: pupil }, pupil, withdrawn)).toBe('self');
  });

  it('lets a mentor in only after the pupil came to its event, and only while a parent’s consent is in force', () => {
    expect(relationToPupil({ role: 'mentor', accountId: 'm' }, pupil, { ...none, mentorOfAttendedEvent: true, consentInForce: true })).toBe('mentor');
    expect(relationToPupil({ role: 'mentor', accountId: 'm' }, pupil, { ...all, mentorOfAttendedEvent: false })).toBeNull();
    expect(relationToPupil({ role: 'mentor', accountId: 'm' }, pupil, { ...all, consentInForce: false })).toBeNull();
  });

  it('keeps every other role out, however high', () => {
    for (const role of ['issuer_admin', 'regional_coordinator', 'school', 'venue', 'methodologist'] as const) {
      expect(relationToPupil({ role, accountId: 'x' }, pupil, all)).toBeNull();
    }
  });
});
