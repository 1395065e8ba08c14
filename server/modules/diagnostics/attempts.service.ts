import { randomInt } from 'node:crypto';
import type { AppContext } from '@server/context.js';
import type { Executor, Tx } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import { isUniqueViolation } from '@server/db/pg-errors.js';
import { AppError, badRequest, conflict, forbidden, notFound, unauthorized } from '@server/lib/errors.js';
import { BoundedCache } from '@server/lib/bounded-cache.js';
import { findPrincipal } from '@server/plugins/session.js';
import { DAY_MS } from '@common/data-rights.js';
import { plural } from '@common/plural.js';
import { answerSchemaFor, type AnswerValue } from '@common/diagnostics/answers.js';
import { gradeBandOf, type GradeBand } from '@common/diagnostics/dimensions.js';
import type { TestDefinition } from '@common/diagnostics/definition.js';
import type { ScaleResult } from '@common/diagnostics/results.js';
import { stageProgress, type DiagnosticStage } from '@common/diagnostics/stages.js';
import { consentStateOf, type ConsentState } from '../identity/index.js';
import { definitionOfVersion, type CachedDefinition } from './definition-cache.js';
import { GAME_ENGINES } from './games/index.js';
import {
  answersOf,
  findAttempt,
  findOpenAttempt,
  findPupil,
  insertAttempt,
  lastCompletion,
  listPublished,
  markCompleted,
  pupilAttemptState,
  saveAnswerBySession,
} from './attempts.repository.js';
import { announceCompletion } from './completion-signal.js';
import { recordFootprint } from './footprint.service.js';
import { withPlatformNorms } from './norms.js';
import { latestNorms } from './norms.repository.js';
import { contributionsOf, scoreGame, scoreTest } from './scoring.js';

/** Network and rendering slack allowed between the game's own clock and the server's. */
const GAME_CLOCK_SLACK_MS = 3000;

export const DIAGNOSTICS_CLOSED_MESSAGE =
  'Диагностики закрыты: родитель отозвал согласие на обработку твоих персональных данных. Они откроются снова, когда родитель даст новое согласие в своём кабинете.';

/**
 * Without the parents' consent nothing new is learnt about the child: no test starts or is scored.
 * Returns the state it read, for the footprint recorded in the same transaction.
 */
async function assertDiagnosticsOpen(executor: Executor, participantId: string): Promise<ConsentState> {
  const consent = await consentStateOf(executor, participantId, 'pd_processing');
  if (consent === 'withdrawn') throw new AppError('consent_withdrawn', 403, DIAGNOSTICS_CLOSED_MESSAGE);
  return consent;
}

async function pupilOrThrow(ctx: AppContext, participantId: string) {
  const pupil = await findPupil(ctx.db, participantId);
  if (!pupil) throw notFound('Профиль ученика не найден');
  return { ...pupil, band: gradeBandOf(pupil.grade) };
}

type PublishedRow = Awaited<ReturnType<typeof listPublished>>[number] & { summary: string; retakeAfterDays: number; stage: DiagnosticStage | null };

/** The published tests (or the one of a slug), with what the catalogue reads from their definitions. */
export async function publishedTests(ctx: AppContext, slug?: string): Promise<PublishedRow[]> {
  const rows = await listPublished(ctx.db, slug);
  return Promise.all(
    rows.map(async (row) => {
      const def = (await definitionOfVersion(ctx.db, row.versionId))!.definition;
      return { ...row, summary: def.summary, retakeAfterDays: def.retakeAfterDays, stage: def.stage ?? null };
    }),
  );
}

/** The tests a pupil is offered: its grade band, and the adapted variant instead of its base for a pupil with ОВЗ. */
export function offeredTests(rows: readonly PublishedRow[], band: GradeBand, hasOvz: boolean): PublishedRow[] {
  const forBand = rows.filter((r) => r.gradeBands.includes(band));
  const adaptedBases = new Set(forBand.filter((r) => r.ovzVariantOf).map((r) => r.ovzVariantOf!));
  return forBand.filter((r) => (hasOvz ? !adaptedBases.has(r.slug) : !r.ovzVariantOf));
}

/** The catalogue for a pupil: what each test is for, how long it takes, what the pupil has done with it. */
export async function pupilCatalogue(ctx: AppContext, participantId: string) {
  const pupil = await pupilOrThrow(ctx, participantId);
  const [published, state, consent] = await Promise.all([
    publishedTests(ctx),
    pupilAttemptState(ctx.db, participantId),
    consentStateOf(ctx.db, participantId, 'pd_processing'),
  ]);
  const byTest = new Map(state.map((s) => [s.testId, s]));
  const now = Date.now();
  const tests = offeredTests(published, pupil.band, pupil.hasOvz).map((t) => {
    const s = byTest.get(t.testId);
    const last = s?.lastCompletedAt ? new Date(s.lastCompletedAt) : null;
    const retakeAt = last ? new Date(last.getTime() + t.retakeAfterDays * DAY_MS) : null;
    return {
      slug: t.slug,
      kind: t.kind as 'test' | 'game',
      title: t.title,
      summary: t.summary,
      durationMinutes: t.durationMinutes,
      itemCount: t.itemCount,
      adapted: t.ovzVariantOf !== null,
      stage: t.stage,
      openAttemptId: s?.openAttemptId ?? null,
      completedCount: s?.completed ?? 0,
      lastCompletedAt: last?.toISOString() ?? null,
      lastAttemptId: s?.lastAttemptId ?? null,
      retakeAvailableAt: retakeAt && retakeAt.getTime() > now ? retakeAt.toISOString() : null,
    };
  });
  const stages = stageProgress(tests.map((t) => ({ stage: t.stage, completed: t.completedCount > 0 })));
  return { gradeBand: pupil.band, tests, stages, closedReason: consent === 'withdrawn' ? DIAGNOSTICS_CLOSED_MESSAGE : null };
}

/** How long the list of published tests is reused for recommendations: a new test is offered within it. */
const PUBLISHED_TTL_MS = 60_000;
const publishedLists = new WeakMap<object, { at: number; value: Promise<PublishedRow[]> }>();

function cachedPublishedTests(ctx: AppContext): Promise<PublishedRow[]> {
  const hit = publishedLists.get(ctx.db);
  if (hit && Date.now() - hit.at < PUBLISHED_TTL_MS) return hit.value;
  const value = publishedTests(ctx);
  publishedLists.set(ctx.db, { at: Date.now(), value });
  value.catch(() => publishedLists.delete(ctx.db));
  return value;
}

/**
 * The tests a pupil of this grade (and ОВЗ flag) is offered, each with the footprint dimensions its
 * scales feed: what the recommendations weigh the next test by. Which of them the pupil completed
 * the footprint says itself (a completed test is its source `test:<slug>`), so this reads no
 * pupil's rows.
 */
export async function offeredTestsWithDimensions(ctx: AppContext, pupil: { grade: number; hasOvz: boolean }) {
  const published = await cachedPublishedTests(ctx);
  return Promise.all(
    offeredTests(published, gradeBandOf(pupil.grade), pupil.hasOvz).map(async (t) => {
      const def = (await definitionOfVersion(ctx.db, t.versionId))!.definition;
      return {
        slug: t.slug,
        title: t.title,
        kind: t.kind as 'test' | 'game',
        durationMinutes: t.durationMinutes,
        dimensions: [...new Set(def.scales.flatMap((s) => s.maps.map((m) => m.dimension)))],
      };
    }),
  );
}

/**
 * Starts a test, or resumes the attempt already open: one attempt in progress per test, and a
 * retake only once the test's interval has passed since the last completion.
 */
export async function startAttempt(ctx: AppContext, participantId: string, slug: string) {
  const pupil = await pupilOrThrow(ctx, participantId);
  await assertDiagnosticsOpen(ctx.db, participantId);
  const [test] = await publishedTests(ctx, slug);
  if (!test || !test.gradeBands.includes(pupil.band)) throw notFound('Такого теста для твоего класса нет');
  const open = await findOpenAttempt(ctx.db, participantId, test.testId);
  if (open) return { attemptId: open.id, resumed: true };
  const last = await lastCompletion(ctx.db, participantId, test.testId);
  if (last && last.getTime() + test.retakeAfterDays * DAY_MS > Date.now()) {
    const at = new Date(last.getTime() + test.retakeAfterDays * DAY_MS);
    throw conflict('retake_too_soon', `Пройти этот тест снова можно с ${at.toLocaleDateString('ru-RU', { timeZone: 'Europe/Moscow' })}`);
  }
  try {
    const attemptId = await insertAttempt(ctx.db, {
      participantId,
      testId: test.testId,
      versionId: test.versionId,
      gradeBand: pupil.band,
      seed: randomInt(2 ** 31 - 1),
    });
    return { attemptId, resumed: false };
  } catch (err) {
    // A second tab started the same test at the same moment: both continue the one attempt.
    if (!isUniqueViolation(err)) throw err;
    const winner = await findOpenAttempt(ctx.db, participantId, test.testId);
    if (!winner) throw err;
    return { attemptId: winner.id, resumed: true };
  }
}

/** The test as the pupil sees it: texts and items, never the keys, norms or interpretations. */
export function pupilView(def: TestDefinition) {
  return {
    slug: def.slug,
    kind: def.kind,
    title: def.title,
    summary: def.summary,
    description: def.description,
    instructions: def.instructions ?? null,
    durationMinutes: def.durationMinutes,
    gameType: def.game?.type ?? null,
    items: def.items,
  };
}

async function ownAttempt(ctx: AppContext, participantId: string, attemptId: string) {
  const attempt = await findAttempt(ctx.db, attemptId);
  if (!attempt || attempt.participantId !== participantId) throw notFound('Попытка не найдена');
  const cached = await definitionOfVersion(ctx.db, attempt.versionId);
  return { attempt, cached: cached! };
}

/** An attempt to take or resume: the test, the answers given so far, and a game's stimulus. */
export async function getAttempt(ctx: AppContext, participantId: string, attemptId: string) {
  const { attempt, cached } = await ownAttempt(ctx, participantId, attemptId);
  const def = cached.definition;
  const answers = attempt.status === 'in_progress' ? await answersOf(ctx.db, attemptId) : new Map<string, AnswerValue>();
  return {
    id: attempt.id,
    status: attempt.status as 'in_progress' | 'completed',
    startedAt: attempt.startedAt.toISOString(),
    test: pupilView(def),
    answers: Object.fromEntries(answers),
    stimulus: def.game && attempt.status === 'in_progress' ? GAME_ENGINES[def.game.type].stimulus(attempt.seed, attempt.gradeBand as GradeBand) : null,
  };
}

interface AttemptKey {
  participantId: string;
  versionId: number;
}

const attemptKeys = new BoundedCache<string, AttemptKey>(20_000);

/** Who owns an attempt and on which version: both fixed at its start, so safe to remember. */
async function attemptKey(ctx: AppContext, attemptId: string): Promise<AttemptKey | null> {
  const hit = attemptKeys.get(attemptId);
  if (hit) return hit;
  const attempt = await findAttempt(ctx.db, attemptId);
  if (!attempt) return null;
  const key = { participantId: attempt.participantId, versionId: attempt.versionId };
  attemptKeys.set(attemptId, key);
  return key;
}

/**
 * Saves one answer as it is given. Idempotent: the same answer sent twice is one row, a changed
 * answer replaces the old one; an item not in the test, a value out of range or a finished attempt
 * change nothing. The session is checked in the saving statement itself (the route has no
 * onRequest hook): this is the request a pupil sends most.
 */
export async function saveAnswer(ctx: AppContext, sessionHash: string | null, attemptId: string, itemId: string, value: AnswerValue) {
  if (!sessionHash) throw unauthorized();
  const key = await attemptKey(ctx, attemptId);
  const item = key ? (await definitionOfVersion(ctx.db, key.versionId))!.items.get(itemId) : undefined;
  const parsed = item ? answerSchemaFor(item).safeParse(value) : null;
  if (!key || !item || !parsed!.success) {
    // Nothing is said about the attempt or its items before the caller is known to own it.
    const principal = await findPrincipal(ctx.database, sessionHash, ctx.config.sessionIdleMs);
    if (!principal) throw unauthorized();
    if (principal.role !== 'participant') throw forbidden();
    if (!key || key.participantId !== principal.accountId) throw notFound('Попытка не найдена');
    if (!item) throw badRequest('unknown_item', 'В этом тесте нет такого задания');
    const message = parsed!.error!.issues[0]!.message;
    throw badRequest('invalid_answer', message, { value: message });
  }
  const row = await saveAnswerBySession(ctx.database, sessionHash, ctx.config.sessionIdleMs, attemptId, itemId, parsed!.data);
  if (!row) throw unauthorized();
  if (row.role !== 'participant') throw forbidden();
  if (row.saved === 0) {
    if (key.participantId !== row.account_id) throw notFound('Попытка не найдена');
    throw conflict('attempt_finished', 'Тест уже завершён: ответы больше не меняются');
  }
  return { saved: true };
}

function alreadyFinished(): AppError {
  return conflict('attempt_finished', 'Тест уже завершён: результаты на странице результатов');
}

async function lockOpenAttempt(tx: Tx, participantId: string, attemptId: string) {
  const attempt = await findAttempt(tx, attemptId, true);
  if (!attempt || attempt.participantId !== participantId) throw notFound('Попытка не найдена');
  if (attempt.status !== 'in_progress') throw alreadyFinished();
  return attempt;
}

async function finish(
  tx: Tx,
  participantId: string,
  attemptId: string,
  cached: CachedDefinition,
  consent: ConsentState,
  scored: { scales: ScaleResult[]; normsId: number | null },
  game?: { summary: Record<string, number>; events: unknown },
) {
  const { scales, normsId } = scored;
  const completedAt = await markCompleted(tx, attemptId, { scales, normsId, gameSummary: game?.summary, gameEvents: game?.events });
  await recordFootprint(tx, participantId, `test:${cached.definition.slug}`, attemptId, contributionsOf(cached.definition, scales), consent);
  return { attemptId, completedAt: completedAt.toISOString() };
}

/** Finishes a test once every item is answered: scores it, stores the result and updates the footprint, in one transaction. */
export async function completeAttempt(ctx: AppContext, participantId: string, attemptId: string) {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const attempt = await lockOpenAttempt(tx, participantId, attemptId);
    const consent = await assertDiagnosticsOpen(tx, participantId);
    const cached = (await definitionOfVersion(tx, attempt.versionId))!;
    if (cached.definition.kind === 'game') throw badRequest('is_game', 'Это игра: её результат отправляется по окончании игры');
    const answers = await answersOf(tx, attemptId);
    const missing = cached.definition.items.filter((i) => !answers.has(i.id)).length;
    if (missing > 0) throw badRequest('answers_missing', `Осталось ответить на ${missing} ${plural(missing, ['вопрос', 'вопроса', 'вопросов'])}`);
    const band = attempt.gradeBand as GradeBand;
    const norms = await latestNorms(tx, attempt.versionId, band);
    const scales = scoreTest(withPlatformNorms(cached.definition, band, norms), answers, band);
    const finished = await finish(tx, participantId, attemptId, cached, consent, { scales, normsId: norms?.id ?? null });
    announceCompletion(ctx, afterCommit, { kind: 'test' });
    return finished;
  });
}

/**
 * Finishes a game from its raw events: the server replays the stimulus from the attempt's seed,
 * scores the play and refuses timings no person could produce, including a game that claims to
 * have lasted longer than the attempt has existed.
 */
export async function submitGame(ctx: AppContext, participantId: string, attemptId: string, events: unknown) {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const attempt = await lockOpenAttempt(tx, participantId, attemptId);
    const consent = await assertDiagnosticsOpen(tx, participantId);
    const cached = (await definitionOfVersion(tx, attempt.versionId))!;
    const game = cached.definition.game;
    if (!game) throw badRequest('not_a_game', 'Это тест, а не игра: ответы сохраняются по одному');
    const band = attempt.gradeBand as GradeBand;
    const result = GAME_ENGINES[game.type].score(attempt.seed, band, events);
    if (!result.ok) throw new AppError('implausible_game', 422, result.message);
    if (result.score.durationMs > Date.now() - attempt.startedAt.getTime() + GAME_CLOCK_SLACK_MS) {
      throw new AppError('implausible_game', 422, 'Время игры не сходится с тем, когда она началась. Сыграй ещё раз');
    }
    const norms = await latestNorms(tx, attempt.versionId, band);
    const scales = scoreGame(withPlatformNorms(cached.definition, band, norms), result.score.metrics, band);
    const finished = await finish(tx, participantId, attemptId, cached, consent, { scales, normsId: norms?.id ?? null }, { summary: result.score.summary, events });
    announceCompletion(ctx, afterCommit, { kind: 'game' });
    return finished;
  });
}
