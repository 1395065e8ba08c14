import type { AppContext } from '@server/context.js';
import { notFound } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { findPupilRelation, type PupilRelation } from '../participants/index.js';
import { gradeBandOf } from '@common/diagnostics/dimensions.js';
import { completedAttempts, findAttempt, findPupil, pupilAttemptState } from './attempts.repository.js';
import { offeredTests, publishedTests } from './attempts.service.js';
import { definitionOfVersion } from './definition-cache.js';
import { footprintOf } from './footprint.service.js';

/**
 * Lets the caller through to a pupil's diagnostics or answers as if the pupil did not exist.
 * A parent's or navigator's look is recorded: results of psychological tests are a child's personal data.
 */
async function accessPupil(ctx: AppContext, principal: Principal, pupilId: string, actor: AuditActor, what: string): Promise<PupilRelation> {
  const relation = await findPupilRelation(ctx.db, principal, pupilId);
  if (!relation) throw notFound('Ученик не найден');
  if (relation !== 'self') await recordAudit(ctx.db, actor, 'diagnostics.results_viewed', pupilId, { what });
  return relation;
}

/** Every completed test and game of a pupil, newest first, with its scale scores. */
export async function listPupilResults(ctx: AppContext, principal: Principal, pupilId: string, actor: AuditActor) {
  await accessPupil(ctx, principal, pupilId, actor, 'results');
  const rows = await completedAttempts(ctx.db, pupilId);
  return {
    results: rows.map((r) => ({
      attemptId: r.id,
      slug: r.slug,
      kind: r.kind as 'test' | 'game',
      title: r.title,
      version: r.version,
      completedAt: r.completedAt!.toISOString(),
      scales: (r.scales ?? []).map((s) => ({ id: s.id, title: s.title, score: s.score, level: s.level.title })),
    })),
  };
}

/** One completed attempt in full: scores, interpretations, and which tests would sharpen the picture. */
export async function getPupilResult(ctx: AppContext, principal: Principal, pupilId: string, attemptId: string, actor: AuditActor) {
  await accessPupil(ctx, principal, pupilId, actor, 'result');
  const attempt = await findAttempt(ctx.db, attemptId);
  if (!attempt || attempt.participantId !== pupilId || attempt.status !== 'completed') throw notFound('Результат не найден');
  const def = (await definitionOfVersion(ctx.db, attempt.versionId))!.definition;
  const descriptions = new Map(def.scales.map((s) => [s.id, s.description ?? null]));
  const [pupil, published, state] = await Promise.all([findPupil(ctx.db, pupilId), publishedTests(ctx), pupilAttemptState(ctx.db, pupilId)]);
  const done = new Set(state.filter((s) => s.completed > 0).map((s) => s.testId));
  const offered = pupil ? offeredTests(published, gradeBandOf(pupil.grade), pupil.hasOvz).filter((t) => !done.has(t.testId)) : [];
  const named = def.nextTests.flatMap((slug) => offered.filter((t) => t.slug === slug || t.ovzVariantOf === slug));
  const next = (named.length > 0 ? named : offered.slice(0, 3)).map((t) => ({ slug: t.slug, title: t.title, summary: t.summary, durationMinutes: t.durationMinutes }));
  const history = (await completedAttempts(ctx.db, pupilId)).filter((r) => r.slug === def.slug).map((r) => ({ attemptId: r.id, completedAt: r.completedAt!.toISOString() }));
  return {
    attemptId: attempt.id,
    slug: def.slug,
    kind: def.kind,
    title: def.title,
    completedAt: attempt.completedAt!.toISOString(),
    scales: (attempt.scales ?? []).map((s) => ({ ...s, description: descriptions.get(s.id) ?? null })),
    gameSummary: attempt.gameSummary,
    nextTests: next,
    attemptsOfThisTest: history,
  };
}

/** The pupil's digital footprint with its history; parents read the awareness cluster's text meant for them. */
export async function getPupilFootprint(ctx: AppContext, principal: Principal, pupilId: string, actor: AuditActor) {
  const relation = await accessPupil(ctx, principal, pupilId, actor, 'footprint');
  return footprintOf(ctx.db, pupilId, relation === 'self' ? 'pupil' : relation === 'parent' ? 'parent' : 'staff');
}
