import { describe, expect, it } from 'vitest';
import { ELIGIBILITY_CONDITIONS } from './events.js';
import { documentTypeForAge, missingParticipationSteps, parentMayCreateChild } from './participation.js';

describe('what a pupil still needs before practical events', () => {
  const none = { emailVerified: false, parentLinked: false, consentGiven: false, tested: false };
  const all = { emailVerified: true, parentLinked: true, consentGiven: true, tested: true };
  it('lists every open condition of enrolment about the child, in the checklist\'s order, with who must do it', () => {
    expect(missingParticipationSteps(none).map((m) => [m.step, m.who])).toEqual([
      ['registered', 'participant'],
      ['linked', 'participant'],
      ['consent', 'parent'],
      ['tested', 'participant'],
    ]);
  });
  it('uses the conditions of the enrolment checklist, not a copy of its own', () => {
    for (const m of missingParticipationSteps(none)) expect(ELIGIBILITY_CONDITIONS).toContain(m.step);
  });
  it('is not ready before the child has taken any test', () => {
    expect(missingParticipationSteps({ ...all, tested: false }).map((m) => m.step)).toEqual(['tested']);
  });
  it('is empty once the e-mail is confirmed, a parent linked, the consent given and a test taken', () => {
    expect(missingParticipationSteps(all)).toEqual([]);
  });
  it('asks the parent for the consent even when everything else is done', () => {
    expect(missingParticipationSteps({ ...all, consentGiven: false }).map((m) => m.who)).toEqual(['parent']);
  });
});

describe('age rules', () => {
  it('asks for a birth certificate before 14 and a passport from 14', () => {
    expect(documentTypeForAge(13)).toBe('birth_certificate');
    expect(documentTypeForAge(14)).toBe('passport');
  });
  it('lets a parent create the cabinet only of a child under 14', () => {
    expect(parentMayCreateChild(13)).toBe(true);
    expect(parentMayCreateChild(14)).toBe(false);
  });
});
