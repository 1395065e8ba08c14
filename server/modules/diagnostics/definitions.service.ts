import type { AppContext } from '@server/context.js';
import type { Db } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import { isUniqueViolation } from '@server/db/pg-errors.js';
import { AppError, conflict, notFound } from '@server/lib/errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { readCatalogueFiles, type CatalogueFile } from './catalogue-files.js';
import { parseDefinition, type DefinitionError } from './definition-parser.js';
import { MIN_ATTEMPTS_FOR_STATISTICS, itemStatistics } from './item-statistics.js';
import {
  answersOfCompletedAttempts,
  findTest,
  findTestBySlug,
  findVersion,
  insertTest,
  insertVersion,
  latestVersion,
  latestVersionsBySlug,
  listTestsForWorkbench,
  listVersions,
  loadKnownDimensions,
  publishVersion,
  replaceDraft,
  setTestStatus,
} from './definitions.repository.js';
import type { TestDefinition } from '@common/diagnostics/definition.js';
import { NORM_SAMPLE_MIN } from './norms.js';
import { normsStatus } from './norms.service.js';

export class DefinitionInvalidError extends AppError {
  constructor(readonly errors: DefinitionError[]) {
    super('definition_invalid', 422, `В определении ошибок: ${errors.length}. Исправьте их и проверьте снова`);
    this.details = { errors };
  }
}

/** Parses a definition against today's reference lists; throws with every error placed on its line. */
export async function validateDefinition(ctx: AppContext, source: string): Promise<TestDefinition> {
  const result = parseDefinition(source, await loadKnownDimensions(ctx.db));
  if (!result.ok) throw new DefinitionInvalidError(result.errors);
  return result.definition;
}

/**
 * Saves a definition as the test's draft: a new test for a new slug, the next version of an
 * existing one, or a replacement of a draft not yet published. Published versions never change.
 */
export async function saveDefinition(ctx: AppContext, source: string, methodologistId: string, actor: AuditActor) {
  const def = await validateDefinition(ctx, source);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      let test = await findTestBySlug(tx, def.slug);
      if (test && test.kind !== def.kind) {
        throw conflict('definition_kind_changed', `«${def.slug}» уже есть как ${test.kind === 'game' ? 'игра' : 'тест'}: вид менять нельзя, дайте новый slug`);
      }
      const testId = test ? test.id : await insertTest(tx, def.slug, def.kind, methodologistId);
      test = await findTest(tx, testId, true);
      const latest = await latestVersion(tx, testId);
      let versionId: number;
      let version: number;
      if (latest && latest.status === 'draft') {
        await replaceDraft(tx, latest.id, def, source, methodologistId);
        versionId = latest.id;
        version = latest.version;
      } else {
        version = (latest?.version ?? 0) + 1;
        versionId = await insertVersion(tx, testId, version, def, source, methodologistId);
      }
      await recordAudit(tx, actor, 'diagnostics.definition_saved', null, { testId, version, slug: def.slug });
      return { testId, versionId, version, slug: def.slug };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('definition_busy', 'Этот тест сейчас сохраняет кто-то ещё: обновите страницу и попробуйте снова');
    throw err;
  }
}

/** Publishes a draft version: new attempts take it, attempts already made keep theirs. */
export async function publishDefinitionVersion(ctx: AppContext, testId: number, versionId: number, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx) => {
    const test = await findTest(tx, testId, true);
    const version = test ? await findVersion(tx, testId, versionId) : null;
    if (!test || !version) throw notFound('Такой версии теста нет');
    if (version.status !== 'draft') throw conflict('version_not_draft', 'Опубликовать можно только черновик: эта версия уже публиковалась');
    // The reference lists may have changed since the draft was saved.
    const recheck = parseDefinition(version.source, await loadKnownDimensions(tx));
    if (!recheck.ok) throw new DefinitionInvalidError(recheck.errors);
    await publishVersion(tx, testId, versionId);
    await recordAudit(tx, actor, 'diagnostics.version_published', null, { testId, version: version.version, slug: test.slug });
    return { testId, versionId, version: version.version };
  });
}

/** Takes a test out of the catalogue (retire) or puts it back (restore); attempts and results stay. */
export async function setTestRetired(ctx: AppContext, testId: number, retired: boolean, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx) => {
    const test = await findTest(tx, testId, true);
    if (!test) throw notFound('Такого теста нет');
    if (!retired && test.publishedVersionId === null) throw conflict('never_published', 'Тест ещё не публиковался: опубликуйте версию');
    if (retired && test.status === 'draft') throw conflict('never_published', 'Неопубликованный тест не виден ученикам: снимать нечего');
    await setTestStatus(tx, testId, retired ? 'retired' : 'published');
    await recordAudit(tx, actor, retired ? 'diagnostics.test_retired' : 'diagnostics.test_restored', null, { testId, slug: test.slug });
    return { testId, status: retired ? 'retired' : 'published' };
  });
}

export async function listWorkbenchTests(ctx: AppContext) {
  return { tests: await listTestsForWorkbench(ctx.db) };
}

/** One test for the workbench: its versions and the newest version's source to edit. */
export async function getWorkbenchTest(ctx: AppContext, testId: number) {
  const test = await findTest(ctx.db, testId);
  if (!test) throw notFound('Такого теста нет');
  const [versions, latest] = await Promise.all([listVersions(ctx.db, testId), latestVersion(ctx.db, testId)]);
  return {
    id: test.id,
    slug: test.slug,
    kind: test.kind,
    status: test.status,
    versions,
    latest: latest && { id: latest.id, version: latest.version, status: latest.status, source: latest.source, definition: latest.definition },
  };
}

const STATISTICS_SAMPLE = 5000;

/** Item and scale statistics of a version (the published one by default) over its recent completed attempts. */
export async function versionStatistics(ctx: AppContext, testId: number, versionId?: number) {
  const test = await findTest(ctx.db, testId);
  if (!test) throw notFound('Такого теста нет');
  const chosen = versionId ?? test.publishedVersionId;
  const version = chosen === null ? null : await findVersion(ctx.db, testId, chosen);
  if (!version) throw notFound('У теста нет опубликованной версии');
  const norms = await normsStatus(ctx.db, version.definition, version.id);
  const base = { testId, versionId: version.id, version: version.version, needed: MIN_ATTEMPTS_FOR_STATISTICS, norms, normsNeeded: NORM_SAMPLE_MIN };
  if (version.definition.kind === 'game') return { ...base, attempts: 0, enough: false, scales: [] };
  const attempts = await answersOfCompletedAttempts(ctx.db, version.id, STATISTICS_SAMPLE);
  if (attempts.length < MIN_ATTEMPTS_FOR_STATISTICS) return { ...base, attempts: attempts.length, enough: false, scales: [] };
  return { ...base, attempts: attempts.length, enough: true, scales: itemStatistics(version.definition, attempts) };
}

/**
 * Loads the repository's catalogue: a new file becomes a published test, a changed file a new
 * published version, unless a methodologist has made a version since (their work wins). Runs at
 * every start, so a deployment carries its catalogue with it.
 */
export async function syncCatalogue(db: Db, files: CatalogueFile[] = readCatalogueFiles()): Promise<{ added: number; updated: number; invalid: string[] }> {
  const rows = await latestVersionsBySlug(db);
  const latest = new Map(rows.map((r) => [r.slug, r]));
  const summary = { added: 0, updated: 0, invalid: [] as string[] };
  // A file identical to a test's newest version is already loaded: most starts change nothing,
  // so only the files that did change are parsed, and the reference lists read only for them.
  const loaded = new Set(rows.map((r) => r.source));
  const changed = files.filter((file) => !loaded.has(file.source));
  if (changed.length === 0) return summary;
  const known = await loadKnownDimensions(db);
  for (const file of changed) {
    const parsed = parseDefinition(file.source, known);
    if (!parsed.ok) {
      summary.invalid.push(file.name);
      continue;
    }
    const def = parsed.definition;
    const current = latest.get(def.slug);
    if (current && !current.fromCatalogue) continue;
    try {
      await inTransaction(db, async (tx) => {
        const testId = current ? current.testId : await insertTest(tx, def.slug, def.kind, null);
        const versionId = await insertVersion(tx, testId, (current?.version ?? 0) + 1, def, file.source, null);
        await publishVersion(tx, testId, versionId);
      });
    } catch (err) {
      // Another process starting at the same moment loaded this file first.
      if (isUniqueViolation(err)) continue;
      throw err;
    }
    if (current) summary.updated++;
    else summary.added++;
  }
  return summary;
}
