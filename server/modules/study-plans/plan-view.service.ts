import type { AppContext } from '@server/context.js';
import type { Executor } from '@server/db/client.js';
import { notFound } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import type { PublishedPlan, StudyPlanView } from '@common/guidance.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { findPupilRelation, type PupilRelation } from '../participants/index.js';
import { renderPlanPdf } from './plan-pdf.js';
import { canSeePlan, canTickSteps, planStage } from './study-plans.policy.js';
import { findPlan, findPlanPupil, findVersion, markStep, stepsDoneOf, versionsOf, type PlanPupil } from './study-plans.repository.js';

const pupilNotFound = () => notFound('Ученик не найден');
const versionNotFound = () => notFound('Такой версии плана нет');

export interface PlanAccess {
  relation: PupilRelation;
  pupil: PlanPupil;
}

/**
 * Lets the caller through to a pupil's plan or answers as if the pupil did not exist. Staff
 * (the navigator) see it only while a parent's consent is in force, and each look is recorded.
 */
export async function accessPlan(ctx: AppContext, principal: Principal, pupilId: string, actor: AuditActor, what: string): Promise<PlanAccess> {
  const [relation, pupil] = await Promise.all([findPupilRelation(ctx.db, principal, pupilId), findPlanPupil(ctx.db, pupilId)]);
  if (!pupil || !relation || !canSeePlan(relation, pupil.consent_in_force)) throw pupilNotFound();
  if (relation === 'navigator') await recordAudit(ctx.db, actor, 'study_plan.viewed', pupilId, { what });
  return { relation, pupil };
}

async function publishedVersion(executor: Executor, pupilId: string, version: number): Promise<PublishedPlan | null> {
  const row = await findVersion(executor, pupilId, version);
  if (!row) return null;
  return { version: row.version, publishedAt: new Date(row.published_at).toISOString(), publishedByName: row.published_by_name, content: row.content };
}

/** The stage, the latest published plan, which steps are done and which versions exist. */
export async function planView(executor: Executor, pupil: PlanPupil): Promise<StudyPlanView> {
  const [plan, versions, steps] = await Promise.all([findPlan(executor, pupil.id), versionsOf(executor, pupil.id), stepsDoneOf(executor, pupil.id)]);
  const published = plan?.publishedVersion ? await publishedVersion(executor, pupil.id, plan.publishedVersion) : null;
  return {
    participantId: pupil.id,
    stage: planStage({ tested: pupil.tested, trialAttended: pupil.trial_attended, hasDraft: plan?.draft != null, published: published !== null }),
    published,
    stepsDone: steps.map((s) => ({ stepId: s.stepId, doneAt: s.doneAt.toISOString() })),
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString() })),
  };
}

export async function getPlan(ctx: AppContext, principal: Principal, pupilId: string, actor: AuditActor): Promise<StudyPlanView> {
  const { pupil } = await accessPlan(ctx, principal, pupilId, actor, 'plan');
  return planView(ctx.db, pupil);
}

export async function getPlanVersion(ctx: AppContext, principal: Principal, pupilId: string, version: number, actor: AuditActor): Promise<PublishedPlan> {
  await accessPlan(ctx, principal, pupilId, actor, `version ${version}`);
  const found = await publishedVersion(ctx.db, pupilId, version);
  if (!found) throw versionNotFound();
  return found;
}

/** The published plan (the latest, or the version asked for) as a PDF file and its name. */
export async function planPdf(ctx: AppContext, principal: Principal, pupilId: string, version: number | undefined, actor: AuditActor) {
  const { pupil } = await accessPlan(ctx, principal, pupilId, actor, 'pdf');
  const plan = await findPlan(ctx.db, pupilId);
  const wanted = version ?? plan?.publishedVersion ?? null;
  const found = wanted === null ? null : await publishedVersion(ctx.db, pupilId, wanted);
  if (!found) throw wanted === null ? notFound('План ещё не опубликован') : versionNotFound();
  const done = new Set((await stepsDoneOf(ctx.db, pupilId)).map((s) => s.stepId));
  const file = await renderPlanPdf(found, `${pupil.first_name} ${pupil.last_name}`, done);
  return { file, fileName: `plan-v${found.version}.pdf` };
}

/** The pupil ticks a step of its published plan done, or takes the tick back; a step not in the plan does not exist. */
export async function markPlanStep(ctx: AppContext, principal: Principal, pupilId: string, stepId: string, done: boolean, actor: AuditActor): Promise<StudyPlanView> {
  const { relation, pupil } = await accessPlan(ctx, principal, pupilId, actor, 'step');
  if (!canTickSteps(relation)) throw pupilNotFound();
  const plan = await findPlan(ctx.db, pupilId);
  const current = plan?.publishedVersion ? await publishedVersion(ctx.db, pupilId, plan.publishedVersion) : null;
  if (!current?.content.steps.some((s) => s.id === stepId)) throw notFound('Такого шага в плане нет');
  await markStep(ctx.db, pupilId, stepId, done);
  return planView(ctx.db, pupil);
}
