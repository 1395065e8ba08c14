import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TestDefinition } from '@common/diagnostics/definition.js';
import type { AnswerValue } from '@common/diagnostics/answers.js';
import type { ScaleResult } from '@common/diagnostics/results.js';
import { accounts } from './identity.js';

/** A test or game across its versions; the slug is how definitions and the catalogue name it. */
export const diagnosticTests = pgTable(
  'diagnostic_tests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull().unique(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('draft'),
    publishedVersionId: integer('published_version_id'),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('diagnostic_tests_kind_ck', sql`${t.kind} in ('test', 'game')`),
    check('diagnostic_tests_status_ck', sql`${t.status} in ('draft', 'published', 'retired')`),
  ],
);

/**
 * One version of a definition. A published version never changes: attempts point at the version
 * they were taken on, so their scores can always be recomputed and explained.
 */
export const diagnosticTestVersions = pgTable(
  'diagnostic_test_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    testId: integer('test_id').notNull().references(() => diagnosticTests.id),
    version: integer('version').notNull(),
    status: text('status').notNull().default('draft'),
    source: text('source').notNull(),
    definition: jsonb('definition').$type<TestDefinition>().notNull(),
    title: text('title').notNull(),
    gradeBands: text('grade_bands').array().notNull(),
    ovzVariantOf: text('ovz_variant_of'),
    itemCount: integer('item_count').notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    /** Null for versions loaded from the repository's catalogue. */
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('diagnostic_versions_test_version_uq').on(t.testId, t.version),
    check('diagnostic_versions_status_ck', sql`${t.status} in ('draft', 'published', 'superseded')`),
  ],
);

export const diagnosticAttempts = pgTable(
  'diagnostic_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id').notNull().references(() => accounts.id),
    testId: integer('test_id').notNull().references(() => diagnosticTests.id),
    versionId: integer('version_id').notNull().references(() => diagnosticTestVersions.id),
    status: text('status').notNull().default('in_progress'),
    gradeBand: text('grade_band').notNull(),
    /** Games draw their tables and figures from it, so the server can replay what the pupil saw. */
    seed: integer('seed').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    scales: jsonb('scales').$type<ScaleResult[]>(),
    gameSummary: jsonb('game_summary').$type<Record<string, number>>(),
    gameEvents: jsonb('game_events'),
    /** The platform's norms the attempt was scored on; null when it was scored on its definition's own (provisional) norms. */
    normsId: integer('norms_id').references(() => diagnosticNorms.id),
  },
  (t) => [
    // One attempt in progress per pupil and test, whatever the timing of two tabs.
    uniqueIndex('diagnostic_attempts_one_open_uq').on(t.participantId, t.testId).where(sql`${t.status} = 'in_progress'`),
    index('diagnostic_attempts_participant_idx').on(t.participantId, t.completedAt),
    index('diagnostic_attempts_version_idx').on(t.versionId, t.status),
    index('diagnostic_attempts_norm_sample_idx').on(t.versionId, t.gradeBand, t.completedAt).where(sql`${t.status} = 'completed'`),
    check('diagnostic_attempts_status_ck', sql`${t.status} in ('in_progress', 'completed')`),
  ],
);

/**
 * Norms a job computed from the platform's own attempts for one version and grade band: raw score
 * to sten per scale. Each recomputation is a new row, so every result names the norms it was scored on.
 */
export const diagnosticNorms = pgTable(
  'diagnostic_norms',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    versionId: integer('version_id').notNull().references(() => diagnosticTestVersions.id),
    gradeBand: text('grade_band').notNull(),
    sampleSize: integer('sample_size').notNull(),
    scales: jsonb('scales').$type<Record<string, Array<{ from: number; to: number; score: number }>>>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('diagnostic_norms_version_band_idx').on(t.versionId, t.gradeBand, t.id)],
);

export const diagnosticAnswers = pgTable(
  'diagnostic_answers',
  {
    attemptId: uuid('attempt_id').notNull().references(() => diagnosticAttempts.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    value: jsonb('value').$type<AnswerValue>().notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.itemId] })],
);

/**
 * What each source (the latest attempt of a test; later a mentor's feedback) says about each
 * footprint dimension of a pupil. A retake replaces its test's rows, so sources are never counted twice.
 */
export const footprintContributions = pgTable(
  'footprint_contributions',
  {
    participantId: uuid('participant_id').notNull().references(() => accounts.id),
    sourceKey: text('source_key').notNull(),
    dimension: text('dimension').notNull(),
    value: real('value').notNull(),
    weight: real('weight').notNull(),
    attemptId: uuid('attempt_id').references(() => diagnosticAttempts.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.sourceKey, t.dimension] }),
    check('footprint_value_ck', sql`${t.value} between 0 and 100 and ${t.weight} > 0`),
  ],
);

/** The footprint after each change, for the chart over time. */
export const footprintSnapshots = pgTable(
  'footprint_snapshots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    participantId: uuid('participant_id').notNull().references(() => accounts.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    sourceKey: text('source_key').notNull(),
    directions: jsonb('directions').$type<Record<string, number | null>>().notNull(),
    dimensions: jsonb('dimensions').$type<Record<string, { value: number; sources: number }>>().notNull(),
  },
  (t) => [index('footprint_snapshots_participant_idx').on(t.participantId, t.recordedAt)],
);
