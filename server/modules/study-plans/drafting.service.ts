import { isDeepStrictEqual } from 'node:util';
import type { AppContext } from '@server/context.js';
import type { Executor } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import { composeDraft, INTEREST_MIN, type PlanFacts } from './draft.js';
import { draftDecision } from './study-plans.policy.js';
import {
  attendedTrials,
  findPlanPupil,
  fittingOpportunities,
  footprintDimensions,
  lockPlan,
  lockPupil,
  testsCompleted,
  upcomingTrials,
  writeDraft,
  type PlanPupil,
} from './study-plans.repository.js';

/** What drafting did: wrote a first draft, rewrote its own, left people's words alone, or found the pupil not ready. */
export type DraftOutcome = 'created' | 'refreshed' | 'unchanged' | 'kept' | 'not_due' | 'not_found';

const TRIALS_OFFERED = 3;
const OPPORTUNITIES_OFFERED = 3;
const SPHERES_LOOKED_AT = 3;

const dayAndTime = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: 'numeric', month: 'long' });

/** What the system knows of the pupil and what is open to it now, read in the drafting's transaction. */
async function gatherFacts(executor: Executor, pupil: PlanPupil): Promise<{ facts: PlanFacts; qualifies: boolean }> {
  const [dimensions, trials, tests] = await Promise.all([
    footprintDimensions(executor, pupil.id),
    attendedTrials(executor, pupil.id),
    testsCompleted(executor, pupil.id),
  ]);
  const strongest = [...dimensions.spheres].filter((s) => s.value >= INTEREST_MIN).sort((a, b) => b.value - a.value).slice(0, SPHERES_LOOKED_AT);
  const codes = strongest.map((s) => s.code);
  const [events, opportunities] = await Promise.all([
    upcomingTrials(executor, pupil, codes, TRIALS_OFFERED),
    fittingOpportunities(executor, pupil, codes, OPPORTUNITIES_OFFERED),
  ]);
  return {
    qualifies: trials.some((t) => t.graded),
    facts: {
      grade: pupil.grade,
      spheres: dimensions.spheres,
      softSkills: dimensions.softSkills,
      trialsAttended: trials,
      testsCompleted: tests,
      trials: events.map((e) => {
        const startsAt = new Date(e.starts_at);
        const where = e.same_city ? ', в том же городе' : '';
        return {
          eventId: e.id,
          title: e.title,
          startsAt: startsAt.toISOString(),
          reason: `Сфера «${e.sphere_name}» — среди самых сильных интересов; ${dayAndTime.format(startsAt)} есть свободные места${where}.`,
        };
      }),
      opportunities: opportunities.map((o) => ({
        id: o.id,
        title: o.title,
        kind: o.kind,
        reason: `${o.federal ? 'Федеральная возможность' : 'Возможность региона'} в сфере «${o.sphere_name}», одной из самых сильных по интересам.`,
      })),
    },
  };
}

/**
 * Drafts the pupil's plan when it is due: after its first attended trial with the mentor's
 * feedback, and again after a later one while the draft is still the system's own. Idempotent:
 * the same facts leave the draft as it is. A navigator's edited draft or a published plan is
 * never touched.
 */
export async function draftPlanIfDue(ctx: AppContext, participantId: string, now = new Date()): Promise<DraftOutcome> {
  return inTransaction(ctx.db, async (tx) => {
    await lockPupil(tx, participantId);
    const pupil = await findPlanPupil(tx, participantId);
    if (!pupil) return 'not_found';
    const plan = await lockPlan(tx, participantId);
    const state = plan ? { systemDraft: plan.draft !== null && plan.draftEditedBy === null, published: plan.publishedVersion !== null } : null;
    if (draftDecision(state, true) === 'kept') return 'kept';
    const { facts, qualifies } = await gatherFacts(tx, pupil);
    const decision = draftDecision(state, qualifies);
    if (decision === 'kept' || decision === 'not_due') return decision;
    const draft = composeDraft(facts, now);
    if (plan && isDeepStrictEqual(plan.draft, draft)) return 'unchanged';
    await writeDraft(tx, participantId, draft, null);
    return decision === 'create' ? 'created' : 'refreshed';
  });
}
