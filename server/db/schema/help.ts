import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './identity.js';
import { regions } from './reference.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Help-centre articles. The row holds the operator's working copy (title, summary, body) and,
 * once published, the published copy the public reads and searches (pub_*): editing a published
 * article never changes what visitors see until the operator publishes again.
 */
export const helpArticles = pgTable(
  'help_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    audience: text('audience').notNull(),
    topic: text('topic').notNull(),
    sort: smallint('sort').notNull().default(100),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    /** The working copy differs from the published one. */
    hasDraft: boolean('has_draft').notNull().default(true),
    /** Set once an operator saved it: the repository's file no longer overwrites it. */
    operatorEdited: boolean('operator_edited').notNull().default(false),
    /** SHA-256 of the repository file last synchronised into the row. */
    fileHash: text('file_hash'),
    publishedVersion: integer('published_version'),
    pubTitle: text('pub_title'),
    pubSummary: text('pub_summary'),
    pubHtml: text('pub_html'),
    /** The published body as plain text: what is searched and what passages are cut from. */
    pubText: text('pub_text'),
    /** Stored uncompressed (STORAGE EXTERNAL, migration 0010): ranking reads it for every matching article. */
    search: tsvector('search').generatedAlwaysAs(
      // «ё» is written as «е» in the vector and in queries alike: most people type «ребенок».
      sql`setweight(to_tsvector('russian', translate(coalesce(pub_title, ''), 'ёЁ', 'еЕ')), 'A') || setweight(to_tsvector('russian', translate(coalesce(pub_summary, ''), 'ёЁ', 'еЕ')), 'B') || setweight(to_tsvector('russian', translate(coalesce(pub_text, ''), 'ёЁ', 'еЕ')), 'C')`,
    ),
    updatedBy: uuid('updated_by').references(() => accounts.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    // Articles are published seldom and searched all the time: with a pending list every search
    // would read it linearly (1,000 new articles made each lookup take milliseconds), and the planner,
    // pricing it, would scan the table instead.
    index('help_articles_search_idx').using('gin', t.search).with({ fastupdate: false }),
    index('help_articles_audience_topic_idx').on(t.audience, t.topic, t.sort, t.id),
    index('help_articles_updated_idx').on(t.updatedAt.desc(), t.id),
    check('help_articles_audience_ck', sql`${t.audience} in ('everyone', 'participant', 'parent', 'school', 'regional_coordinator', 'venue', 'mentor', 'navigator')`),
    check('help_articles_slug_ck', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

/** Every publication of an article, kept whole so the operator can read the history and restore any of it. */
export const helpArticleVersions = pgTable(
  'help_article_versions',
  {
    articleId: uuid('article_id').notNull().references(() => helpArticles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    audience: text('audience').notNull(),
    topic: text('topic').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    publishedBy: uuid('published_by').references(() => accounts.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.version] })],
);

/** The words of published articles: a misspelt word of a query is corrected to its nearest one by trigrams. */
export const helpTerms = pgTable(
  'help_terms',
  { word: text('word').primaryKey() },
  // Written only when an article is published, like the articles' search index above.
  (t) => [index('help_terms_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`).with({ fastupdate: false })],
);

/** Images operators upload for articles; kept in the database so every process serves them. */
export const helpImages = pgTable('help_images', {
  id: uuid('id').primaryKey().defaultRandom(),
  contentType: text('content_type').notNull(),
  data: bytea('data').notNull(),
  createdBy: uuid('created_by').references(() => accounts.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The regional operator's contacts the help centre shows to the region's families and staff. */
export const helpRegionContacts = pgTable('help_region_contacts', {
  regionId: integer('region_id').primaryKey().references(() => regions.id),
  organisation: text('organisation').notNull(),
  phone: text('phone'),
  email: text('email'),
  hours: text('hours'),
  updatedBy: uuid('updated_by').references(() => accounts.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
