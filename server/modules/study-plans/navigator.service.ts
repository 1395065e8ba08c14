import crypto from 'node:crypto';
import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import { conflict } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import { PLAN_STAGES, type StudyPlanContent } from '@common/guidance.js';
import type {
  PlanBulkAction,
  PlanBulkOutcome,
  PlanBulkResult,
  PlanQueuePage,
  PlanQueueQuery,
  StudyPlanEdit,
  StudyPlanEditorView,
} from '@common/schemas/study-plans.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { draftPlanIfDue } from './drafting.service.js';
import { notifyPlanPublished } from './plan-notice.js';
import { accessPlan, planView } from './plan-view.service.js';
import { findPlan, findPlanPupil, isAssigned, lockPlan, planQueue, publishDraft, writeDraft, type PlanPupil } from './study-plans.repository.js';

/** The navigator's assigned pupils by stage, one page, with how many stand at each stage. */
export async function listPlanQueue(ctx: AppContext, principal: Principal, query: PlanQueueQuery): Promise<PlanQueuePage> {
  const { items, counts } = await planQueue(ctx.db, principal.accountId, query);
  const byStage = Object.fromEntries(PLAN_STAGES.map((s) => [s, counts.find((c) => c.stage === s)?.n ?? 0])) as PlanQueuePage['counts'];
  return {
    items: items.map((r) => ({
      participantId: r.id,
      name: [r.last_name, r.first_name, r.middle_name].filter(Boolean).join(' '),
      grade: r.grade,
      schoolName: r.school_name,
      stage: r.stage,
      consentInForce: r.consent_in_force,
      draftPending: r.draft_pending,
      publishedVersion: r.published_version,
      updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
    })),
    total: query.stage ? byStage[query.stage] : Object.values(byStage).reduce((a, b) => a + b, 0),
    page: query.page,
    pageSize: query.pageSize,
    counts: byStage,
  };
}

async function editorView(ctx: AppContext, pupil: PlanPupil): Promise<StudyPlanEditorView> {
  const [view, plan] = await Promise.all([planView(ctx.db, pupil), findPlan(ctx.db, pupil.id)]);
  return {
    participantId: pupil.id,
    name: `${pupil.last_name} ${pupil.first_name}`,
    grade: pupil.grade,
    stage: view.stage,
    content: plan?.draft ?? view.published?.content ?? null,
    systemDraft: plan?.draft != null && plan.draftEditedBy === null,
    draftedAt: plan?.draft != null && plan.draftedAt ? plan.draftedAt.toISOString() : null,
    draftPending: plan?.draft != null,
    publishedVersion: plan?.publishedVersion ?? null,
    versions: view.versions,
    stepsDone: view.stepsDone,
  };
}

export async function getPlanEditor(ctx: AppContext, principal: Principal, pupilId: string, actor: AuditActor): Promise<StudyPlanEditorView> {
  const { pupil } = await accessPlan(ctx, principal, pupilId, actor, 'editor');
  return editorView(ctx, pupil);
}

/** The navigator's words as the plan's content: the grade is the pupil's, a new step gets an id that it keeps from now on. */
function contentOf(edit: StudyPlanEdit, grade: number): StudyPlanContent {
  return { ...edit, grade, steps: edit.steps.map((s) => ({ id: s.id ?? `step-${crypto.randomUUID().slice(0, 13)}`, text: s.text, due: s.due })) };
}

async function saveIn(tx: Tx, principal: Principal, pupil: PlanPupil, edit: StudyPlanEdit, actor: AuditActor): Promise<void> {
  await lockPlan(tx, pupil.id);
  await writeDraft(tx, pupil.id, contentOf(edit, pupil.grade), principal.accountId);
  await recordAudit(tx, actor, 'study_plan.saved', pupil.id, { steps: edit.steps.length });
}

/** Saves the navigator's draft; from now on the system leaves it alone. */
export async function savePlanDraft(ctx: AppContext, principal: Principal, pupilId: string, edit: StudyPlanEdit, actor: AuditActor): Promise<StudyPlanEditorView> {
  const { pupil } = await accessPlan(ctx, principal, pupilId, actor, 'editor');
  await inTransaction(ctx.db, (tx) => saveIn(tx, principal, pupil, edit, actor));
  return editorView(ctx, pupil);
}

/** Publishes the draft as the next version and tells the family; null when there is no draft to publish. */
async function publishIn(ctx: AppContext, principal: Principal, pupilId: string, actor: AuditActor): Promise<number | null> {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const plan = await lockPlan(tx, pupilId);
    if (!plan?.draft) return null;
    const version = await publishDraft(tx, pupilId, plan.draft, principal.accountId);
    await notifyPlanPublished(ctx, tx, afterCommit, pupilId, version);
    await recordAudit(tx, actor, 'study_plan.published', pupilId, { version });
    return version;
  });
}

/** Saves the editor's content when sent, then publishes the draft as version n + 1. */
export async function publishPlan(
  ctx: AppContext,
  principal: Principal,
  pupilId: string,
  edit: StudyPlanEdit | undefined,
  actor: AuditActor,
): Promise<StudyPlanEditorView> {
  const { pupil } = await accessPlan(ctx, principal, pupilId, actor, 'editor');
  if (edit) await inTransaction(ctx.db, (tx) => saveIn(tx, principal, pupil, edit, actor));
  const version = await publishIn(ctx, principal, pupilId, actor);
  if (version === null) throw conflict('no_draft', 'Публиковать нечего: сначала подготовьте или сохраните черновик плана');
  return editorView(ctx, pupil);
}

/**
 * One action on many pupils, each on its own: a pupil not assigned to the navigator is
 * 'not_found' and nothing is done to it, the others go ahead.
 */
export async function bulkPlanAction(
  ctx: AppContext,
  principal: Principal,
  action: PlanBulkAction,
  participantIds: readonly string[],
  actor: AuditActor,
): Promise<PlanBulkResult> {
  const results: PlanBulkResult['results'] = [];
  for (const participantId of participantIds) {
    results.push({ participantId, outcome: await bulkOne(ctx, principal, action, participantId, actor) });
  }
  return { results };
}

async function bulkOne(ctx: AppContext, principal: Principal, action: PlanBulkAction, participantId: string, actor: AuditActor): Promise<PlanBulkOutcome> {
  if (!(await isAssigned(ctx.db, principal.accountId, participantId))) return 'not_found';
  const pupil = await findPlanPupil(ctx.db, participantId);
  if (!pupil) return 'not_found';
  if (!pupil.consent_in_force) return 'no_consent';
  if (action === 'publish') return (await publishIn(ctx, principal, participantId, actor)) === null ? 'no_draft' : 'published';
  const outcome = await draftPlanIfDue(ctx, participantId);
  if (outcome === 'created' || outcome === 'refreshed') await recordAudit(ctx.db, actor, 'study_plan.drafted', participantId, { outcome });
  if (outcome === 'kept') return 'kept';
  if (outcome === 'not_due' || outcome === 'not_found') return outcome;
  return 'drafted';
}
