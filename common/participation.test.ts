import { describe, expect, it } from 'vitest';
import { documentTypeForAge, missingParticipationSteps, parentMayCreateChild } from './participation.js';

describe('what a pupil still needs before practical events', () => {
  it('lists every step in order with who must do it', () => {
    const missing = missingParticipationSteps({ emailVerified: false, parentLinked: false, consentGiven: false });
    expect(missing.map((m) => [m.step, m.who])).toEqual([
      ['activation', 'participant'],
      ['parent_link', 'participant'],
      ['consent', 'parent'],
    ]);
  });
  it('is empty once the e-mail is confirmed, a parent linked and the consent given', () => {
    expect(missingParticipationSteps({ emailVerified: true, parentLinked: true, consentGiven: true })).toEqual([]);
  });
  it('asks the parent for the consent even when everything else is done', () => {
    expect(missingParticipationSteps({ emailVerified: true, parentLinked: true, consentGiven: false }).map((m) => m.who)).toEqual(['parent']);
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
