import { describe, expect, it } from 'vitest';
import { eligibilityChecklist, firstFailedCondition, type EligibilityFacts } from './events.js';

const facts = (overrides: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  registered: true,
  linked: true,
  consent: true,
  tested: true,
  priorTrials: false,
  isLesson: true,
  ownSchool: true,
  gradeAdmitted: true,
  seatFree: true,
  clash: false,
  ...overrides,
});

describe('the conditions of enrolment', () => {
  it("refuses a lesson to a pupil of another school, naming 'own_school'", () => {
    expect(firstFailedCondition(facts({ ownSchool: false }))).toBe('own_school');
    expect(eligibilityChecklist(facts({ ownSchool: false })).find((c) => c.condition === 'own_school')).toEqual({ condition: 'own_school', ok: false });
  });

  it('leaves the lesson-only conditions off a trial’s checklist', () => {
    const conditions = eligibilityChecklist(facts({ isLesson: false, ownSchool: false, priorTrials: true })).map((c) => c.condition);
    expect(conditions).not.toContain('own_school');
    expect(conditions).not.toContain('no_prior_trials');
    expect(firstFailedCondition(facts({ isLesson: false, ownSchool: false, priorTrials: true }))).toBeNull();
  });
});
