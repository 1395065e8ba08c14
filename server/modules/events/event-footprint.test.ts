import { describe, expect, it } from 'vitest';
import { ATTENDED_INTEREST, OBSERVED_SKILL_VALUE, eventContributions, gradeToValue } from './event-footprint.js';

const subject = { sphereCode: 'it', competencyCode: 'web-technologies' };

describe('event footprint', () => {
  it('maps the mentor grade 1..5 onto 20..100', () => {
    expect([1, 2, 3, 4, 5].map(gradeToValue)).toEqual([20, 40, 60, 80, 100]);
  });

  it('counts coming as interest in the sphere and the competency before any grade', () => {
    for (const attendance of ['present', 'late'] as const) {
      expect(eventContributions({ attendance, grade: null, observedSkills: [] }, subject)).toEqual([
        { dimension: 'sphere:it', value: ATTENDED_INTEREST, weight: 1 },
        { dimension: 'competency:web-technologies', value: ATTENDED_INTEREST, weight: 1 },
      ]);
    }
  });

  it('uses the grade for the interest and adds every observed skill', () => {
    expect(eventContributions({ attendance: 'present', grade: 2, observedSkills: ['teamwork', 'attention'] }, subject)).toEqual([
      { dimension: 'sphere:it', value: 40, weight: 1 },
      { dimension: 'competency:web-technologies', value: 40, weight: 1 },
      { dimension: 'soft_skill:teamwork', value: OBSERVED_SKILL_VALUE, weight: 1 },
      { dimension: 'soft_skill:attention', value: OBSERVED_SKILL_VALUE, weight: 1 },
    ]);
  });

  it('leaves nothing for a pupil who did not come or was not marked', () => {
    expect(eventContributions({ attendance: 'absent', grade: 5, observedSkills: ['teamwork'] }, subject)).toEqual([]);
    expect(eventContributions({ attendance: null, grade: null, observedSkills: [] }, subject)).toEqual([]);
  });

  it('keeps every value inside the footprint scale', () => {
    for (const grade of [null, 1, 2, 3, 4, 5]) {
      for (const c of eventContributions({ attendance: 'present', grade, observedSkills: ['memory'] }, subject)) {
        expect(c.value).toBeGreaterThanOrEqual(0);
        expect(c.value).toBeLessThanOrEqual(100);
      }
    }
  });
});
