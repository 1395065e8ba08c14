import { describe, expect, it } from 'vitest';
import { canSeePlan, canTickSteps, draftDecision, planStage } from './study-plans.policy.js';

describe('study plan policy', () => {
  it('tells the furthest stage reached', () => {
    const none = { tested: false, trialAttended: false, hasDraft: false, published: false };
    expect(planStage(none)).toBe('no_test');
    expect(planStage({ ...none, tested: true })).toBe('tested');
    expect(planStage({ ...none, tested: true, trialAttended: true })).toBe('trial_attended');
    expect(planStage({ ...none, hasDraft: true })).toBe('plan_drafted');
    expect(planStage({ ...none, hasDraft: true, published: true })).toBe('plan_published');
  });

  it('drafts once due, refreshes only its own draft, never a navigator’s or a published plan', () => {
    expect(draftDecision(null, false)).toBe('not_due');
    expect(draftDecision(null, true)).toBe('create');
    expect(draftDecision({ systemDraft: true, published: false }, true)).toBe('refresh');
    expect(draftDecision({ systemDraft: false, published: false }, true)).toBe('kept');
    expect(draftDecision({ systemDraft: true, published: true }, true)).toBe('kept');
  });

  it('shows the plan to the family, to the navigator only under consent, and lets only the pupil tick', () => {
    expect(canSeePlan('self', false)).toBe(true);
    expect(canSeePlan('parent', false)).toBe(true);
    expect(canSeePlan('navigator', true)).toBe(true);
    expect(canSeePlan('navigator', false)).toBe(false);
    expect(canSeePlan('mentor', true)).toBe(false);
    expect(canSeePlan(null, true)).toBe(false);
    expect(canTickSteps('self')).toBe(true);
    expect(canTickSteps('parent')).toBe(false);
  });
});
