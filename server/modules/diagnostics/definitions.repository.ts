import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@server/db/client.js';
import {
  competencies,
  diagnosticAnswers,
  diagnosticAttempts,
  diagnosticTestVersions,
  diagnosticTests,
  softSkills,
  spheres,
} from '@server/db/schema/index.js';
import type { TestDefinition } from '@common/diagnostics/definition.js';
import type { AnswerValue } from '@common/diagnostics/answers.js';
import { knownDimensions } from '@common/diagnostics/dimensions.js';

/** The footprint dimensions definitions may map onto, from the reference tables as they are now. */
export async function loadKnownDimensions(executor: Executor): Promise<Set<string>> {
  const [sphereRows, competencyRows, skillRows] = await Promise.all([
    executor.select({ code: spheres.code }).from(spheres),
    executor.select({ code: competencies.code }).from(competencies),
    executor.select({ code: softSkills.code }).from(softSkills),
  ]);
  return knownDimensions({
    spheres: sphereRows.map((r) => r.code),
    competencies: competencyRows.map((r) => r.code),
    softSkills: skillRows.map((r) => r.code),
  });
}

export async function findTestBySlug(executor: Executor, slug: string) {
  const [row] = await executor.select().from(diagnosticTests).where(eq(diagnosticTests.slug, slug));
  return row ?? null;
}

export async function findTest(executor: Executor, id: number, lock = false) {
  const query = executor.select().from(diagnosticTests).where(eq(diagnosticTests.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function latestVersion(executor: Executor, testId: number) {
  const [row] = await executor
    .select()
    .from(diagnosticTestVersions)
    .where(eq(diagnosticTestVersions.testId, testId))
    .orderBy(desc(diagnosticTestVersions.version))
    .limit(1);
  return row ?? null;
}

export async function findVersion(executor: Executor, testId: number, versionId: number) {
  const [row] = await executor
    .select()
    .from(diagnosticTestVersions)
    .where(and(eq(diagnosticTestVersions.id, versionId), eq(diagnosticTestVersions.testId, testId)));
  return row ?? null;
}

export async function insertTest(executor: Executor, slug: string, kind: string, createdBy: string | null): Promise<number> {
  const [row] = await executor.insert(diagnosticTests).values({ slug, kind, createdBy }).returning({ id: diagnosticTests.id });
  return row!.id;
}

function versionColumns(def: TestDefinition, source: string) {
  return {
    source,
    definition: def,
    title: def.title,
    gradeBands: def.gradeBands,
    ovzVariantOf: def.ovz?.variantOf ?? null,
    itemCount: def.items.length,
    durationMinutes: def.durationMinutes,
  };
}

export async function insertVersion(
  executor: Executor,
  testId: number,
  version: number,
  def: TestDefinition,
  source: string,
  createdBy: string | null,
): Promise<number> {
  const [row] = await executor
    .insert(diagnosticTestVersions)
    .values({ testId, version, ...versionColumns(def, source), createdBy })
    .returning({ id: diagnosticTestVersions.id });
  return row!.id;
}

export async function replaceDraft(executor: Executor, versionId: number, def: TestDefinition, source: string, createdBy: string): Promise<void> {
  await executor
    .update(diagnosticTestVersions)
    .set({ ...versionColumns(def, source), createdBy, createdAt: sql`now()` })
    .where(and(eq(diagnosticTestVersions.id, versionId), eq(diagnosticTestVersions.status, 'draft')));
}

/** Makes a version the published one; the one before it is kept, superseded, for its attempts. */
export async function publishVersion(executor: Executor, testId: number, versionId: number): Promise<void> {
  await executor
    .update(diagnosticTestVersions)
    .set({ status: 'superseded' })
    .where(and(eq(diagnosticTestVersions.testId, testId), eq(diagnosticTestVersions.status, 'published')));
  await executor
    .update(diagnosticTestVersions)
    .set({ status: 'published', publishedAt: sql`now()` })
    .where(eq(diagnosticTestVersions.id, versionId));
  await executor
    .update(diagnosticTests)
    .set({ status: 'published', publishedVersionId: versionId, updatedAt: sql`now()` })
    .where(eq(diagnosticTests.id, testId));
}

export async function setTestStatus(executor: Executor, testId: number, status: 'published' | 'retired'): Promise<void> {
  await executor.update(diagnosticTests).set({ status, updatedAt: sql`now()` }).where(eq(diagnosticTests.id, testId));
}

/** Every test with its newest version and how many attempts were completed, for the workbench. */
export async function listTestsForWorkbench(executor: Executor) {
  const latest = executor
    .selectDistinctOn([diagnosticTestVersions.testId], {
      testId: diagnosticTestVersions.testId,
      version: diagnosticTestVersions.version,
      status: diagnosticTestVersions.status,
      title: diagnosticTestVersions.title,
      gradeBands: diagnosticTestVersions.gradeBands,
      itemCount: diagnosticTestVersions.itemCount,
      ovzVariantOf: diagnosticTestVersions.ovzVariantOf,
      createdAt: diagnosticTestVersions.createdAt,
    })
    .from(diagnosticTestVersions)
    .orderBy(diagnosticTestVersions.testId, desc(diagnosticTestVersions.version))
    .as('latest');
  const completed = executor
    .select({ testId: diagnosticAttempts.testId, n: count().as('n') })
    .from(diagnosticAttempts)
    .where(eq(diagnosticAttempts.status, 'completed'))
    .groupBy(diagnosticAttempts.testId)
    .as('completed');
  return executor
    .select({
      id: diagnosticTests.id,
      slug: diagnosticTests.slug,
      kind: diagnosticTests.kind,
      status: diagnosticTests.status,
      publishedVersion: sql<number | null>`(select v.version from ${diagnosticTestVersions} v where v.id = ${diagnosticTests.publishedVersionId})`,
      latestVersion: latest.version,
      latestStatus: latest.status,
      title: latest.title,
      gradeBands: latest.gradeBands,
      itemCount: latest.itemCount,
      ovzVariantOf: latest.ovzVariantOf,
      updatedAt: latest.createdAt,
      completedAttempts: sql<number>`coalesce(${completed.n}, 0)::int`,
    })
    .from(diagnosticTests)
    .innerJoin(latest, eq(latest.testId, diagnosticTests.id))
    .leftJoin(completed, eq(completed.testId, diagnosticTests.id))
    .orderBy(latest.title);
}

export async function listVersions(executor: Executor, testId: number) {
  return executor
    .select({
      id: diagnosticTestVersions.id,
      version: diagnosticTestVersions.version,
      status: diagnosticTestVersions.status,
      itemCount: diagnosticTestVersions.itemCount,
      createdAt: diagnosticTestVersions.createdAt,
      publishedAt: diagnosticTestVersions.publishedAt,
      fromCatalogue: sql<boolean>`${diagnosticTestVersions.createdBy} is null`,
      completedAttempts: sql<number>`(select count(*)::int from ${diagnosticAttempts} a where a.version_id = ${diagnosticTestVersions}.id and a.status = 'completed')`,
    })
    .from(diagnosticTestVersions)
    .where(eq(diagnosticTestVersions.testId, testId))
    .orderBy(desc(diagnosticTestVersions.version));
}

/** The newest version of every test, with who made it: what the catalogue sync compares against. */
export async function latestVersionsBySlug(executor: Executor) {
  return executor
    .selectDistinctOn([diagnosticTestVersions.testId], {
      testId: diagnosticTestVersions.testId,
      slug: diagnosticTests.slug,
      version: diagnosticTestVersions.version,
      source: diagnosticTestVersions.source,
      fromCatalogue: sql<boolean>`${diagnosticTestVersions.createdBy} is null`,
    })
    .from(diagnosticTestVersions)
    .innerJoin(diagnosticTests, eq(diagnosticTests.id, diagnosticTestVersions.testId))
    .orderBy(diagnosticTestVersions.testId, desc(diagnosticTestVersions.version));
}

/** Answers of a version's most recent completed attempts, grouped by attempt. */
export async function answersOfCompletedAttempts(executor: Executor, versionId: number, limit: number) {
  const recent = executor
    .select({ id: diagnosticAttempts.id })
    .from(diagnosticAttempts)
    .where(and(eq(diagnosticAttempts.versionId, versionId), eq(diagnosticAttempts.status, 'completed')))
    .orderBy(desc(diagnosticAttempts.completedAt))
    .limit(limit)
    .as('recent');
  const rows = await executor
    .select({ attemptId: diagnosticAnswers.attemptId, itemId: diagnosticAnswers.itemId, value: diagnosticAnswers.value })
    .from(diagnosticAnswers)
    .innerJoin(recent, eq(recent.id, diagnosticAnswers.attemptId));
  const byAttempt = new Map<string, Map<string, AnswerValue>>();
  for (const row of rows) {
    const answers = byAttempt.get(row.attemptId) ?? new Map<string, AnswerValue>();
    answers.set(row.itemId, row.value);
    byAttempt.set(row.attemptId, answers);
  }
  return [...byAttempt.values()];
}
