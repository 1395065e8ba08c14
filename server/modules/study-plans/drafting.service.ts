import { isDeepStrictEqual } from 'node:util';
import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import type { Recommendations } from '@common/guidance.js';
import { recommendationsFor } from '../recommendations/index.js';
import { composeDraft, type PlanFacts } from './draft.js';
import { draftDecision } from './study-plans.policy.js';
import { attendedTrials, findPlan, findPlanPupil, lockPlan, lockPupil, testsCompleted, writeDraft, type PlanPupil, type PlanRow } from './study-plans.repository.js';

/** What drafting did: wrote a first draft, rewrote its own, left people's words alone, or found the pupil not ready. */
export type DraftOutcome = 'created' | 'refreshed' | 'unchanged' | 'kept' | 'not_due' | 'not_found';

const planState = (plan: PlanRow | undefined) =>
  plan ? { systemDraft: plan.draft !== null && plan.draftEditedBy === null, published: plan.publishedVersion !== null } : null;

/**
 * The pupil's picture and what is open to it, as the recommendation engine sees them (its profile,
 * trials and opportunities, each with its reason), and the trials the pupil came to. The plan
 * takes the engine's words for the staff, who write the plan for the pupil and its parents.
 */
async function gatherFacts(ctx: AppContext, pupil: PlanPupil, recommendations: Recommendations): Promise<{ facts: PlanFacts; qualifies: boolean }> {
  const [trials, tests] = await Promise.all([attendedTrials(ctx.db, pupil.id), testsCompleted(ctx.db, pupil.id)]);
  const { profile } = recommendations;
  const dimension = (d: Recommendations['profile']['spheres'][number]) => ({ code: d.code, name: d.name, value: d.value, sources: d.sources });
  return {
    qualifies: trials.some((t) => t.graded),
    facts: {
      grade: pupil.grade,
      spheres: profile.spheres.map(dimension),
      softSkills: profile.softSkills.map(dimension),
      trialsAttended: trials,
      testsCompleted: tests,
      trials: recommendations.events.map((r) => ({ eventId: r.event.id, title: r.event.title, startsAt: new Date(r.event.startsAt).toISOString(), reason: r.reason })),
      opportunities: recommendations.opportunities.map((r) => ({ id: r.opportunity.id, title: r.opportunity.title, kind: r.opportunity.kind, reason: r.reason })),
    },
  };
}

/**
 * Drafts the pupil's plan when it is due: after its first attended trial with the mentor's
 * feedback, and again after a later one while the draft is still the system's own. Idempotent:
 * the same facts leave the draft as it is. A navigator's edited draft or a published plan is
 * never touched: the decision is taken again under the plan's lock before anything is written.
 */
export async function draftPlanIfDue(ctx: AppContext, participantId: string, now = new Date()): Promise<DraftOutcome> {
  const pupil = await findPlanPupil(ctx.db, participantId);
  if (!pupil) return 'not_found';
  if (draftDecision(planState(await findPlan(ctx.db, participantId)), true) === 'kept') return 'kept';
  const recommendations = await recommendationsFor(ctx, participantId, 'staff');
  if (!recommendations) return 'not_found';
  const { facts, qualifies } = await gatherFacts(ctx, pupil, recommendations);
  return inTransaction(ctx.db, async (tx) => {
    await lockPupil(tx, participantId);
    const plan = await lockPlan(tx, participantId);
    const decision = draftDecision(planState(plan), qualifies);
    if (decision === 'kept' || decision === 'not_due') return decision;
    const draft = composeDraft(facts, now);
    if (plan && isDeepStrictEqual(plan.draft, draft)) return 'unchanged';
    await writeDraft(tx, participantId, draft, null);
    return decision === 'create' ? 'created' : 'refreshed';
  });
}
