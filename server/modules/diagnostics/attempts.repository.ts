import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '@server/db/client.js';
import { LIVE_SESSION_CTE, touchSessionIfStale } from '@server/db/live-session.js';
import type { Role } from '@common/roles.js';
import {
  diagnosticAnswers,
  diagnosticAttempts,
  diagnosticTestVersions,
  diagnosticTests,
  participantProfiles,
} from '@server/db/schema/index.js';
import type { AnswerValue } from '@common/diagnostics/answers.js';
import type { ScaleResult } from '@common/diagnostics/results.js';

export async function findPupil(executor: Executor, accountId: string) {
  const [row] = await executor
    .select({ grade: participantProfiles.grade, hasOvz: participantProfiles.hasOvz })
    .from(participantProfiles)
    .where(eq(participantProfiles.accountId, accountId));
  return row ?? null;
}

/**
 * Published tests and games (or the one of a slug) with their published version's catalogue
 * fields; the definitions themselves come from the per-process cache, not from every request.
 */
export async function listPublished(executor: Executor, slug?: string) {
  return executor
    .select({
      testId: diagnosticTests.id,
      slug: diagnosticTests.slug,
      kind: diagnosticTests.kind,
      versionId: diagnosticTestVersions.id,
      title: diagnosticTestVersions.title,
      gradeBands: diagnosticTestVersions.gradeBands,
      ovzVariantOf: diagnosticTestVersions.ovzVariantOf,
      itemCount: diagnosticTestVersions.itemCount,
      durationMinutes: diagnosticTestVersions.durationMinutes,
    })
    .from(diagnosticTests)
    .innerJoin(diagnosticTestVersions, eq(diagnosticTestVersions.id, diagnosticTests.publishedVersionId))
    .where(and(eq(diagnosticTests.status, 'published'), slug === undefined ? undefined : eq(diagnosticTests.slug, slug)));
}

/** Per test, the pupil's open attempt and its latest completion. */
export async function pupilAttemptState(executor: Executor, participantId: string) {
  return executor
    .select({
      testId: diagnosticAttempts.testId,
      openAttemptId: sql<string | null>`(array_agg(${diagnosticAttempts.id}) filter (where ${diagnosticAttempts.status} = 'in_progress'))[1]`,
      lastCompletedAt: sql<string | null>`max(${diagnosticAttempts.completedAt})`,
      lastAttemptId: sql<string | null>`(array_agg(${diagnosticAttempts.id} order by ${diagnosticAttempts.completedAt} desc nulls last) filter (where ${diagnosticAttempts.status} = 'completed'))[1]`,
      completed: sql<number>`count(*) filter (where ${diagnosticAttempts.status} = 'completed')::int`,
    })
    .from(diagnosticAttempts)
    .where(eq(diagnosticAttempts.participantId, participantId))
    .groupBy(diagnosticAttempts.testId);
}

export async function findOpenAttempt(executor: Executor, participantId: string, testId: number) {
  const [row] = await executor
    .select({ id: diagnosticAttempts.id })
    .from(diagnosticAttempts)
    .where(and(eq(diagnosticAttempts.participantId, participantId), eq(diagnosticAttempts.testId, testId), eq(diagnosticAttempts.status, 'in_progress')));
  return row ?? null;
}

export async function lastCompletion(executor: Executor, participantId: string, testId: number): Promise<Date | null> {
  const [row] = await executor
    .select({ at: diagnosticAttempts.completedAt })
    .from(diagnosticAttempts)
    .where(and(eq(diagnosticAttempts.participantId, participantId), eq(diagnosticAttempts.testId, testId), isNotNull(diagnosticAttempts.completedAt)))
    .orderBy(desc(diagnosticAttempts.completedAt))
    .limit(1);
  return row?.at ?? null;
}

export async function insertAttempt(
  executor: Executor,
  values: { participantId: string; testId: number; versionId: number; gradeBand: string; seed: number },
): Promise<string> {
  const [row] = await executor.insert(diagnosticAttempts).values(values).returning({ id: diagnosticAttempts.id });
  return row!.id;
}

export async function findAttempt(executor: Executor, attemptId: string, lock = false) {
  const query = executor.select().from(diagnosticAttempts).where(eq(diagnosticAttempts.id, attemptId));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

const SAVE_ANSWER_SQL = `with ${LIVE_SESSION_CTE},
  who as (select a.id, a.role, live.last_seen_at from live join accounts a on a.id = live.account_id where a.status <> 'disabled'),
  saved as (
    insert into diagnostic_answers (attempt_id, item_id, value)
    select t.id, $4, $5::jsonb from diagnostic_attempts t join who on who.id = t.participant_id and who.role = 'participant'
     where t.id = $3 and t.status = 'in_progress'
    on conflict (attempt_id, item_id) do update set value = excluded.value, answered_at = now()
    returning 1)
  select who.id as account_id, who.role, who.last_seen_at, (select count(*) from saved)::int as saved from who`;

export interface SavedAnswerRow {
  account_id: string;
  role: Role;
  last_seen_at: Date;
  saved: number;
}

/**
 * Checks the session and saves one answer in one statement, only while the attempt is the
 * signed-in pupil's and still open: a retry overwrites the same row, so nothing counts twice.
 * No row back means no live session.
 */
export async function saveAnswerBySession(
  database: Database,
  sessionHash: string,
  idleMs: number,
  attemptId: string,
  itemId: string,
  value: AnswerValue,
): Promise<SavedAnswerRow | null> {
  const [row] = await database.prepared<SavedAnswerRow>('save_answer', SAVE_ANSWER_SQL, [sessionHash, idleMs / 1000, attemptId, itemId, JSON.stringify(value)]);
  if (row) await touchSessionIfStale(database, sessionHash, row.last_seen_at);
  return row ?? null;
}

export async function answersOf(executor: Executor, attemptId: string): Promise<Map<string, AnswerValue>> {
  const rows = await executor
    .select({ itemId: diagnosticAnswers.itemId, value: diagnosticAnswers.value })
    .from(diagnosticAnswers)
    .where(eq(diagnosticAnswers.attemptId, attemptId));
  return new Map(rows.map((r) => [r.itemId, r.value]));
}

export async function markCompleted(
  executor: Executor,
  attemptId: string,
  result: { scales: ScaleResult[]; normsId: number | null; gameSummary?: Record<string, number>; gameEvents?: unknown },
): Promise<Date> {
  const [row] = await executor
    .update(diagnosticAttempts)
    .set({
      status: 'completed',
      completedAt: sql`now()`,
      scales: result.scales,
      normsId: result.normsId,
      gameSummary: result.gameSummary ?? null,
      gameEvents: result.gameEvents ?? null,
    })
    .where(and(eq(diagnosticAttempts.id, attemptId), eq(diagnosticAttempts.status, 'in_progress')))
    .returning({ completedAt: diagnosticAttempts.completedAt });
  return row!.completedAt!;
}

/** A pupil's completed attempts, newest first, with their tests' titles. */
export async function completedAttempts(executor: Executor, participantId: string) {
  return executor
    .select({
      id: diagnosticAttempts.id,
      slug: diagnosticTests.slug,
      kind: diagnosticTests.kind,
      title: diagnosticTestVersions.title,
      version: diagnosticTestVersions.version,
      completedAt: diagnosticAttempts.completedAt,
      scales: diagnosticAttempts.scales,
    })
    .from(diagnosticAttempts)
    .innerJoin(diagnosticTests, eq(diagnosticTests.id, diagnosticAttempts.testId))
    .innerJoin(diagnosticTestVersions, eq(diagnosticTestVersions.id, diagnosticAttempts.versionId))
    .where(and(eq(diagnosticAttempts.participantId, participantId), eq(diagnosticAttempts.status, 'completed')))
    .orderBy(desc(diagnosticAttempts.completedAt));
}
