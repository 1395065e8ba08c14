import { fileTypeFromBuffer } from 'file-type';
import type { AppContext } from '@server/context.js';
import type { Db, Executor } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import { BoundedCache } from '@server/lib/bounded-cache.js';
import { AppError, conflict, forbidden, notFound } from '@server/lib/errors.js';
import { recordAudit, type AuditActor } from '@server/modules/audit/index.js';
import type { Principal } from '@server/plugins/session.js';
import { HELP_LIMITS, type HelpAudience, type HelpSearchHit, type HelpTopic } from '@common/help.js';
import type { HelpArticleInput } from '@common/schemas/help.js';
import { readContentFiles, readContentImage, type ContentArticle } from './content-files.js';
import { articleIsPublic, editsRegionContacts } from './help.policy.js';
import {
  addTerms,
  findArticleById,
  findArticleBySlug,
  findContacts,
  findImage,
  findVersion,
  insertArticle,
  insertArticleUnlessPresent,
  insertImage,
  listForStaff,
  listPublished,
  listVersions,
  publishArticle,
  searchPublished,
  stemQueryWords,
  updateArticle,
  upsertContacts,
  type HelpArticleRow,
  type SearchRow,
} from './help.repository.js';
import { articlePlainText, renderArticleHtml } from './markdown.js';
import { articleWords, passageParts, queryWords, searchPlan } from './passage.js';

/** A search result with how well it answered: the share of the query's meaningful words it matched. */
export interface ScoredHit extends HelpSearchHit {
  coverage: number;
}

function toHit(row: SearchRow): ScoredHit {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    audience: row.audience,
    topic: row.topic,
    passage: passageParts(row.headline),
    coverage: row.meaningful > 0 ? row.matched / row.meaningful : 0,
  };
}

/**
 * How long a search's answer is reused by this process. Articles change seldom and the same
 * questions come again and again (the bot is asked what the FAQ answers), so a repeated question
 * costs no query; a publication here clears this process's answers at once, other processes' within
 * the interval.
 */
const SEARCH_TTL_MS = 30_000;
const searchCaches = new WeakMap<object, BoundedCache<string, { at: number; value: Promise<ScoredHit[]> }>>();

function searchCacheOf(db: object) {
  let cache = searchCaches.get(db);
  if (!cache) searchCaches.set(db, (cache = new BoundedCache(5_000)));
  return cache;
}

/** Forgets this process's search answers, after a publication changed what they would be. */
function forgetSearches(db: object): void {
  searchCaches.delete(db);
}

async function runSearch(db: Db, words: string[], audience: HelpAudience | undefined, limit: number): Promise<ScoredHit[]> {
  const plan = searchPlan(await stemQueryWords(db, words));
  if (!plan) return [];
  return (await searchPublished(db, plan, { audience, limit })).map(toHit);
}

/** The best published articles for a query in Russian, with the passage that matched. */
export async function searchArticles(ctx: Pick<AppContext, 'db'>, query: string, opts: { audience?: HelpAudience; limit?: number } = {}): Promise<ScoredHit[]> {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const limit = opts.limit ?? 8;
  const key = `${opts.audience ?? ''}|${limit}|${words.join(' ')}`;
  const cache = searchCacheOf(ctx.db);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < SEARCH_TTL_MS) return hit.value;
  const value = runSearch(ctx.db, words, opts.audience, limit);
  cache.set(key, { at: Date.now(), value });
  value.catch(() => forgetSearches(ctx.db));
  return value;
}

/** A published article as visitors read it; a draft does not exist for them. */
export async function publicArticle(ctx: AppContext, slug: string) {
  const row = await findArticleBySlug(ctx.db, slug);
  if (!row || !articleIsPublic(row)) throw notFound('Такой статьи в справочном центре нет');
  return {
    slug: row.slug,
    audience: row.audience as HelpAudience,
    topic: row.topic as HelpTopic,
    title: row.pubTitle!,
    summary: row.pubSummary!,
    html: row.pubHtml!,
    version: row.publishedVersion!,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

/** Published articles for the help centre's index, filtered by audience and topic. */
export async function publishedArticles(ctx: AppContext, filter: { audience?: HelpAudience; topic?: HelpTopic }) {
  return { articles: await listPublished(ctx.db, filter) };
}

function staffView(row: HelpArticleRow) {
  return {
    id: row.id,
    slug: row.slug,
    audience: row.audience as HelpAudience,
    topic: row.topic as HelpTopic,
    title: row.title,
    summary: row.summary,
    body: row.body,
    hasDraft: row.hasDraft,
    publishedVersion: row.publishedVersion,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The operator's list of articles with their state. */
export async function staffArticles(ctx: AppContext, filter: { q?: string; status?: 'draft' | 'published' }) {
  const rows = await listForStaff(ctx.db, filter);
  return { articles: rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })) };
}

async function articleOrThrow(db: Executor, id: string): Promise<HelpArticleRow> {
  const row = await findArticleById(db, id);
  if (!row) throw notFound('Статья не найдена');
  return row;
}

/** One article's working copy for the editor. */
export async function staffArticle(ctx: AppContext, id: string) {
  return staffView(await articleOrThrow(ctx.db, id));
}

const slugTaken = () => conflict('help_slug_taken', 'Статья с таким адресом уже есть — выберите другой', { slug: 'Такой адрес уже занят' });

/** A new article, saved as a draft. */
export async function createArticle(ctx: AppContext, principal: Principal, input: HelpArticleInput, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx) => {
    if (await findArticleBySlug(tx, input.slug)) throw slugTaken();
    const row = await insertArticle(tx, { ...input, hasDraft: true, operatorEdited: true, updatedBy: principal.accountId });
    await recordAudit(tx, actor, 'help.article_saved', row.id, { slug: row.slug });
    return staffView(row);
  });
}

/** Saves the working copy; what visitors read changes only when it is published. */
export async function saveArticle(ctx: AppContext, principal: Principal, id: string, input: HelpArticleInput, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx) => {
    await articleOrThrow(tx, id);
    const other = await findArticleBySlug(tx, input.slug);
    if (other && other.id !== id) throw slugTaken();
    const row = await updateArticle(tx, id, { ...input, hasDraft: true, operatorEdited: true, updatedBy: principal.accountId, updatedAt: new Date() });
    await recordAudit(tx, actor, 'help.article_saved', id, { slug: input.slug });
    return staffView(row!);
  });
}

function publishedCopy(row: Pick<HelpArticleRow, 'title' | 'summary' | 'body'>) {
  const html = renderArticleHtml(row.body);
  return { title: row.title, summary: row.summary, html, text: articlePlainText(html) };
}

/** Publishes the working copy as a new version: visitors, search and the bot see it at once. */
export async function publishHelpArticle(ctx: AppContext, principal: Principal, id: string, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const row = await articleOrThrow(tx, id);
    if (!row.hasDraft) throw conflict('help_nothing_to_publish', 'Эта версия уже опубликована — сначала внесите изменения');
    const copy = publishedCopy(row);
    const version = await publishArticle(tx, row, copy, principal.accountId);
    await addTerms(tx, articleWords(`${copy.title} ${copy.summary} ${copy.text}`));
    await recordAudit(tx, actor, 'help.article_published', id, { slug: row.slug, version });
    afterCommit(() => forgetSearches(ctx.db));
    return staffView((await findArticleById(tx, id))!);
  });
}

/** Every published version of an article, newest first. */
export async function articleVersions(ctx: AppContext, id: string) {
  await articleOrThrow(ctx.db, id);
  const rows = await listVersions(ctx.db, id);
  return { versions: rows.map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() })) };
}

/** One published version as it was, rendered, for the history view. */
export async function articleVersion(ctx: AppContext, id: string, version: number) {
  const row = await findVersion(ctx.db, id, version);
  if (!row) throw notFound('Такой версии нет');
  return { ...row, publishedAt: row.publishedAt.toISOString(), html: renderArticleHtml(row.body) };
}

/** Puts an old version back into the working copy; the operator publishes it when ready. */
export async function restoreVersion(ctx: AppContext, principal: Principal, id: string, version: number, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx) => {
    const old = await findVersion(tx, id, version);
    if (!old) throw notFound('Такой версии нет');
    const row = await updateArticle(tx, id, {
      audience: old.audience,
      topic: old.topic,
      title: old.title,
      summary: old.summary,
      body: old.body,
      hasDraft: true,
      operatorEdited: true,
      updatedBy: principal.accountId,
      updatedAt: new Date(),
    });
    await recordAudit(tx, actor, 'help.article_restored', id, { version });
    return staffView(row!);
  });
}

/** The editor's preview: exactly what the page would show. */
export function previewArticle(body: string) {
  return { html: renderArticleHtml(body) };
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg']);

/** An operator's picture for an article: PNG or JPEG by its content, whatever its name says. */
export async function uploadImage(ctx: AppContext, principal: Principal, data: Buffer, actor: AuditActor) {
  if (data.length > HELP_LIMITS.imageBytes) throw new AppError('file_too_large', 413, `Картинка больше ${HELP_LIMITS.imageBytes / 1024 / 1024} МБ — уменьшите её`);
  const type = await fileTypeFromBuffer(data);
  if (!type || !IMAGE_TYPES.has(type.mime)) throw new AppError('help_image_type', 415, 'Загрузите картинку в формате PNG или JPEG');
  return inTransaction(ctx.db, async (tx) => {
    const id = await insertImage(tx, type.mime, data, principal.accountId);
    await recordAudit(tx, actor, 'help.image_uploaded', id, { bytes: data.length });
    return { id, url: `/api/help/images/${id}`, markdown: `![Описание картинки](/api/help/images/${id})` };
  });
}

/** An uploaded picture or a screenshot of the repository. */
export async function helpImage(ctx: AppContext, idOrName: { id?: string; name?: string }) {
  if (idOrName.name) {
    const file = readContentImage(idOrName.name);
    if (!file) throw notFound('Картинки нет');
    return file;
  }
  const row = await findImage(ctx.db, idOrName.id!);
  if (!row) throw notFound('Картинки нет');
  return row;
}

/** The operator contacts of a region; a region that has not filled them in answers with its name only. */
export async function regionContacts(ctx: AppContext, regionId: number) {
  const row = await findContacts(ctx.db, regionId);
  if (!row) throw notFound('Такого региона нет');
  return {
    regionId: row.regionId,
    regionName: row.regionName,
    contacts: row.organisation ? { organisation: row.organisation, phone: row.phone, email: row.email, hours: row.hours } : null,
  };
}

/** Sets a region's operator contacts. */
export async function saveRegionContacts(
  ctx: AppContext,
  principal: Principal,
  input: { regionId: number; organisation: string; phone?: string; email?: string; hours?: string },
  actor: AuditActor,
) {
  if (!editsRegionContacts(principal, input.regionId)) throw forbidden('Контакты можно менять только для своего региона');
  if (!(await findContacts(ctx.db, input.regionId))) throw notFound('Такого региона нет');
  await inTransaction(ctx.db, async (tx) => {
    await upsertContacts(tx, {
      regionId: input.regionId,
      organisation: input.organisation,
      phone: input.phone || null,
      email: input.email || null,
      hours: input.hours || null,
      updatedBy: principal.accountId,
    });
    await recordAudit(tx, actor, 'help.contacts_updated', null, { regionId: input.regionId });
  });
  return regionContacts(ctx, input.regionId);
}

/**
 * Brings the repository's articles into the database: a new file becomes a published article, a
 * changed file publishes a new version — unless an operator has edited that article, whose work wins.
 */
export async function syncHelpContent(db: Db, files: ContentArticle[] = readContentFiles()): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  for (const file of files) {
    await inTransaction(db, async (tx) => {
      const existing = await findArticleBySlug(tx, file.slug);
      if (existing && (existing.operatorEdited || existing.fileHash === file.hash)) return;
      const { hash, ...fields } = file;
      const row = existing
        ? (await updateArticle(tx, existing.id, { ...fields, fileHash: hash, hasDraft: true, updatedAt: new Date() }))!
        : await insertArticleUnlessPresent(tx, { ...fields, fileHash: hash });
      if (!row) return;
      const copy = publishedCopy(row);
      await publishArticle(tx, row, copy, null);
      await addTerms(tx, articleWords(`${copy.title} ${copy.summary} ${copy.text}`));
      if (existing) updated++;
      else added++;
    });
  }
  if (added + updated > 0) forgetSearches(db);
  return { added, updated };
}

/** The demo region's operator contacts, so the demo help centre shows a filled contacts page. */
export async function seedDemoContacts(db: Db, regionId: number): Promise<void> {
  await upsertContacts(db, {
    regionId,
    organisation: 'Центр профориентации Кировской области (демо)',
    phone: '+7 8332 00-00-00',
    email: 'bilet@kirov.example.ru',
    hours: 'пн–пт 9:00–18:00 (время московское)',
    updatedBy: null,
  });
}
