import type { PlanStage } from '@common/guidance.js';
import type { PupilRelation } from '../participants/index.js';

/** Where a pupil stands on the way to a plan; the furthest step reached wins. */
export function planStage(facts: { tested: boolean; trialAttended: boolean; hasDraft: boolean; published: boolean }): PlanStage {
  if (facts.published) return 'plan_published';
  if (facts.hasDraft) return 'plan_drafted';
  if (facts.trialAttended) return 'trial_attended';
  if (facts.tested) return 'tested';
  return 'no_test';
}

export type DraftDecision = 'create' | 'refresh' | 'kept' | 'not_due';

/**
 * Whether the system writes a draft now. It drafts once the pupil came to a trial and the mentor
 * gave feedback; it may rewrite its own draft after a later trial, and never touches a draft a
 * navigator edited or a plan already published: people's words outrank the machine's.
 */
export function draftDecision(plan: { systemDraft: boolean; published: boolean } | null, qualifies: boolean): DraftDecision {
  if (plan && (plan.published || !plan.systemDraft)) return 'kept';
  if (!qualifies) return 'not_due';
  return plan ? 'refresh' : 'create';
}

/**
 * Who reads a plan: the pupil, a linked parent, and the assigned navigator while a parent's consent
 * to process the pupil's data is in force. A mentor's relation (through an attended event) is for
 * results and footprint, not for the plan.
 */
export function canSeePlan(relation: PupilRelation | null, consentInForce: boolean): boolean {
  if (relation === 'self' || relation === 'parent') return true;
  return relation === 'navigator' && consentInForce;
}

/** Only the pupil ticks its own steps: they are its promises, not the adults'. */
export function canTickSteps(relation: PupilRelation | null): boolean {
  return relation === 'self';
}
