import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '@server/db/client.js';
import { helpArticleVersions, helpArticles, helpImages, helpRegionContacts, helpTerms, regions } from '@server/db/schema/index.js';
import type { HelpAudience, HelpTopic } from '@common/help.js';
import { likePattern } from '@common/schemas/lists.js';
import { HEADLINE_OPTIONS } from './passage.js';

export type HelpArticleRow = typeof helpArticles.$inferSelect;

export interface PublishedCopy {
  title: string;
  summary: string;
  html: string;
  text: string;
}

export async function findArticleById(executor: Executor, id: string): Promise<HelpArticleRow | undefined> {
  const [row] = await executor.select().from(helpArticles).where(eq(helpArticles.id, id));
  return row;
}

export async function findArticleBySlug(executor: Executor, slug: string): Promise<HelpArticleRow | undefined> {
  const [row] = await executor.select().from(helpArticles).where(eq(helpArticles.slug, slug));
  return row;
}

/** Published articles for the index pages, in their topic order. */
export async function listPublished(executor: Executor, filter: { audience?: HelpAudience; topic?: HelpTopic }) {
  return executor
    .select({ slug: helpArticles.slug, audience: helpArticles.audience, topic: helpArticles.topic, title: helpArticles.pubTitle, summary: helpArticles.pubSummary })
    .from(helpArticles)
    .where(
      and(
        sql`${helpArticles.publishedVersion} is not null`,
        filter.audience ? eq(helpArticles.audience, filter.audience) : undefined,
        filter.topic ? eq(helpArticles.topic, filter.topic) : undefined,
      ),
    )
    .orderBy(asc(helpArticles.audience), asc(helpArticles.topic), asc(helpArticles.sort), asc(helpArticles.id))
    .limit(500);
}

/** The operator's list, newest change first; drafts are articles whose working copy is not published. */
export async function listForStaff(executor: Executor, filter: { q?: string; status?: 'draft' | 'published' }) {
  return executor
    .select({
      id: helpArticles.id,
      slug: helpArticles.slug,
      audience: helpArticles.audience,
      topic: helpArticles.topic,
      title: helpArticles.title,
      hasDraft: helpArticles.hasDraft,
      publishedVersion: helpArticles.publishedVersion,
      updatedAt: helpArticles.updatedAt,
    })
    .from(helpArticles)
    .where(
      and(
        filter.q ? sql`(${helpArticles.title} ilike ${likePattern(filter.q)} or ${helpArticles.slug} ilike ${likePattern(filter.q)})` : undefined,
        filter.status === 'draft' ? eq(helpArticles.hasDraft, true) : undefined,
        filter.status === 'published' ? sql`${helpArticles.publishedVersion} is not null` : undefined,
      ),
    )
    .orderBy(desc(helpArticles.updatedAt), asc(helpArticles.id))
    .limit(200);
}

export async function insertArticle(executor: Executor, values: typeof helpArticles.$inferInsert): Promise<HelpArticleRow> {
  const [row] = await executor.insert(helpArticles).values(values).returning();
  return row!;
}

/** A repository article another process starting at the same moment may have written first: then none. */
export async function insertArticleUnlessPresent(executor: Executor, values: typeof helpArticles.$inferInsert): Promise<HelpArticleRow | undefined> {
  const [row] = await executor.insert(helpArticles).values(values).onConflictDoNothing({ target: helpArticles.slug }).returning();
  return row;
}

export async function updateArticle(executor: Executor, id: string, values: Partial<typeof helpArticles.$inferInsert>): Promise<HelpArticleRow | undefined> {
  const [row] = await executor.update(helpArticles).set(values).where(eq(helpArticles.id, id)).returning();
  return row;
}

/** Publishes the working copy as the next version, in the caller's transaction. */
export async function publishArticle(executor: Executor, article: HelpArticleRow, copy: PublishedCopy, by: string | null): Promise<number> {
  const version = (article.publishedVersion ?? 0) + 1;
  await executor.insert(helpArticleVersions).values({
    articleId: article.id,
    version,
    audience: article.audience,
    topic: article.topic,
    title: article.title,
    summary: article.summary,
    body: article.body,
    publishedBy: by,
  });
  await executor
    .update(helpArticles)
    .set({ publishedVersion: version, pubTitle: copy.title, pubSummary: copy.summary, pubHtml: copy.html, pubText: copy.text, hasDraft: false, publishedAt: new Date() })
    .where(eq(helpArticles.id, article.id));
  return version;
}

export async function listVersions(executor: Executor, articleId: string) {
  return executor
    .select({ version: helpArticleVersions.version, title: helpArticleVersions.title, publishedAt: helpArticleVersions.publishedAt })
    .from(helpArticleVersions)
    .where(eq(helpArticleVersions.articleId, articleId))
    .orderBy(desc(helpArticleVersions.version));
}

export async function findVersion(executor: Executor, articleId: string, version: number) {
  const [row] = await executor
    .select()
    .from(helpArticleVersions)
    .where(and(eq(helpArticleVersions.articleId, articleId), eq(helpArticleVersions.version, version)));
  return row;
}

/** Remembers an article's words for typo correction; words already known stay. */
export async function addTerms(executor: Executor, words: string[]): Promise<void> {
  if (words.length === 0) return;
  await executor.execute(sql`insert into help_terms (word) select unnest(${sql.param(words)}::text[]) on conflict do nothing`);
}

export interface SearchRow {
  slug: string;
  title: string;
  summary: string;
  audience: HelpAudience;
  topic: HelpTopic;
  rank: number;
  headline: string;
  matched: number;
  meaningful: number;
}

/** A word of a query with the stems it searches for: its own, and its correction's when it is a typo. */
export interface QueryWord {
  w: string;
  lexemes: string[];
}

/**
 * Stems each word with the `russian` configuration; a word of four letters or more that no article
 * has is taken as a typo and its nearest article word by trigram similarity is stemmed beside it.
 * Stop words come back without stems.
 */
export async function stemQueryWords(executor: Executor, words: string[]): Promise<QueryWord[]> {
  if (words.length === 0) return [];
  return queryRows<QueryWord>(
    executor,
    sql`
      with words as (select w, ord from unnest(${sql.param(words)}::text[]) with ordinality as u(w, ord)),
      fixed as (
        select w, ord, case when length(w) >= 4 and not exists (select 1 from ${helpTerms} e where e.word = words.w) then (
          select t.word from ${helpTerms} t
          where t.word % words.w and similarity(t.word, words.w) >= 0.45
          order by t.word <-> words.w limit 1
        ) end as near
        from words
      )
      select w, array(select l.lexeme from unnest(to_tsvector('russian', w || ' ' || coalesce(near, ''))) l) as lexemes
      from fixed order by ord`,
  );
}

/** The search's queries, written as tsquery text: every word, any word, and each word alone. */
export interface SearchPlan {
  all: string;
  any: string;
  each: string[];
}

/**
 * The best published articles for a search plan. Articles that have every word come first; only
 * when fewer than three do are the ones with some of the words ranked too — so a common word does
 * not make the database rank every article. Ranked by cover density over the weighted vector
 * (title > summary > body); only the rows returned get their passage cut, each with how many of the
 * words it has.
 *
 * The planner prices a sequential scan of the table by its few main pages and does not see that
 * each row's vector lives compressed out of line: it would unpack every article's vector to test
 * the query (about three quarters of the time of a search over 1,000 articles). So the statement
 * runs with sequential scans off, in its own transaction, and reads candidates through the GIN
 * index; the ranking steps carry only ids, so the texts are read for the rows returned alone.
 */
export async function searchPublished(db: Db, plan: SearchPlan, opts: { audience?: HelpAudience; limit: number }): Promise<SearchRow[]> {
  const audience = opts.audience ? sql`and a.audience in (${opts.audience}, 'everyone')` : sql``;
  const anyQ = sql`to_tsquery('simple', ${plan.any})`;
  const allQ = sql`to_tsquery('simple', ${plan.all})`;
  const columns = sql`a.id, a.slug, ts_rank_cd(a.search, ${anyQ}, 1) as rank`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return queryRows<SearchRow>(
      tx,
      sql`
        with every_word as (
          select ${columns}, 0 as tier from ${helpArticles} a
          where a.search @@ ${allQ} and a.published_version is not null ${audience}
          order by rank desc, a.slug limit ${opts.limit}
        ),
        some_words as (
          select ${columns}, 1 as tier from ${helpArticles} a
          where (select count(*) from every_word) < 3 and a.search @@ ${anyQ} and not a.search @@ ${allQ} and a.published_version is not null ${audience}
          order by rank desc, a.slug limit ${opts.limit}
        ),
        top as (select * from every_word union all select * from some_words order by tier, rank desc, slug limit ${opts.limit})
        select a.slug, a.pub_title as title, a.pub_summary as summary, a.audience, a.topic, top.rank::float8 as rank,
          ts_headline('russian', translate(a.pub_text, 'ёЁ', 'еЕ'), ${anyQ}, ${HEADLINE_OPTIONS}) as headline,
          case when top.tier = 0 then ${plan.each.length}
            else (select count(*) from unnest(${sql.param(plan.each)}::text[]) as w(q) where a.search @@ to_tsquery('simple', w.q))::int end as matched,
          ${plan.each.length}::int as meaningful
        from top join ${helpArticles} a on a.id = top.id
        order by top.tier, top.rank desc, top.slug`,
    );
  });
}

export async function insertImage(executor: Executor, contentType: string, data: Buffer, by: string): Promise<string> {
  const [row] = await executor.insert(helpImages).values({ contentType, data, createdBy: by }).returning({ id: helpImages.id });
  return row!.id;
}

export async function findImage(executor: Executor, id: string) {
  const [row] = await executor.select({ contentType: helpImages.contentType, data: helpImages.data }).from(helpImages).where(eq(helpImages.id, id));
  return row;
}

export async function findContacts(executor: Executor, regionId: number) {
  const [row] = await executor
    .select({
      regionId: regions.id,
      regionName: regions.name,
      organisation: helpRegionContacts.organisation,
      phone: helpRegionContacts.phone,
      email: helpRegionContacts.email,
      hours: helpRegionContacts.hours,
    })
    .from(regions)
    .leftJoin(helpRegionContacts, eq(helpRegionContacts.regionId, regions.id))
    .where(eq(regions.id, regionId));
  return row;
}

export async function findRegionIdByName(executor: Executor, name: string): Promise<number | null> {
  const [row] = await executor.select({ id: regions.id }).from(regions).where(eq(regions.name, name));
  return row?.id ?? null;
}

export async function upsertContacts(executor: Executor, values: typeof helpRegionContacts.$inferInsert): Promise<void> {
  await executor
    .insert(helpRegionContacts)
    .values(values)
    .onConflictDoUpdate({
      target: helpRegionContacts.regionId,
      set: { organisation: values.organisation, phone: values.phone, email: values.email, hours: values.hours, updatedBy: values.updatedBy, updatedAt: new Date() },
    });
}
