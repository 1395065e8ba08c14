import { describe, expect, it } from 'vitest';
import { recommendationAudience } from './recommendations.policy.js';

describe('who reads a pupil’s recommendations', () => {
  it('lets the pupil and a linked parent read them whatever the consent', () => {
    expect(recommendationAudience('self', false)).toBe('pupil');
    expect(recommendationAudience('parent', false)).toBe('parent');
    expect(recommendationAudience('parent', true)).toBe('parent');
  });

  it('lets the assigned navigator read them only while the consent is in force', () => {
    expect(recommendationAudience('navigator', true)).toBe('staff');
    expect(recommendationAudience('navigator', false)).toBeNull();
  });

  it('never lets a mentor or an unrelated caller read them', () => {
    expect(recommendationAudience('mentor', true)).toBeNull();
    expect(recommendationAudience(null, true)).toBeNull();
  });
});
