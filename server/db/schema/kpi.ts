import { sql } from 'drizzle-orm';
import { bigint, check, date, doublePrecision, index, integer, pgTable, primaryKey, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { regions } from './reference.js';

/** The programme's seasons, e.g. «2026/27» from 1 September to 31 May; a region may shift its own dates. */
export const seasons = pgTable(
  'seasons',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull().unique(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
  },
  (t) => [check('seasons_dates_ck', sql`${t.endsOn} > ${t.startsOn}`)],
);

/** A region's own dates of a season; without a row the season's dates apply. */
export const regionSeasons = pgTable(
  'region_seasons',
  {
    regionId: integer('region_id').notNull().references(() => regions.id),
    seasonId: integer('season_id').notNull().references(() => seasons.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.seasonId] }), check('region_seasons_dates_ck', sql`${t.endsOn} > ${t.startsOn}`)],
);

/**
 * A scope's target of one metric for one season. A scope is a level and an id as text: a region's
 * number, a school's, a venue's or a navigator's uuid.
 */
export const kpiTargets = pgTable(
  'kpi_targets',
  {
    seasonId: integer('season_id').notNull().references(() => seasons.id),
    scopeLevel: text('scope_level').notNull(),
    scopeId: text('scope_id').notNull(),
    metric: text('metric').notNull(),
    target: doublePrecision('target').notNull(),
    setBy: uuid('set_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.seasonId, t.scopeLevel, t.scopeId, t.metric] }),
    check('kpi_targets_level_ck', sql`${t.scopeLevel} in ('region', 'school', 'venue', 'navigator')`),
    check('kpi_targets_target_ck', sql`${t.target} >= 0`),
  ],
);

/**
 * The additive counters every metric is computed from. A pupil counted "once per season" appears
 * as 1 in the week of its first fact, so any run of whole weeks sums to the right count.
 */
const counters = () => ({
  registered: integer('registered').notNull().default(0),
  activated: integer('activated').notNull().default(0),
  parentLinked: integer('parent_linked').notNull().default(0),
  consentGiven: integer('consent_given').notNull().default(0),
  tested: integer('tested').notNull().default(0),
  attempts: integer('attempts').notNull().default(0),
  enrolled: integer('enrolled').notNull().default(0),
  attended: integer('attended').notNull().default(0),
  marks: integer('marks').notNull().default(0),
  absences: integer('absences').notNull().default(0),
  trialsHeld: integer('trials_held').notNull().default(0),
  seatsOffered: integer('seats_offered').notNull().default(0),
  seatsFilled: integer('seats_filled').notNull().default(0),
  feedbackOnTime: integer('feedback_on_time').notNull().default(0),
  feedbackDue: integer('feedback_due').notNull().default(0),
  plansPublished: integer('plans_published').notNull().default(0),
  supportInSla: integer('support_in_sla').notNull().default(0),
  supportDue: integer('support_due').notNull().default(0),
  guidanceMinutes: integer('guidance_minutes').notNull().default(0),
  guidancePupils: integer('guidance_pupils').notNull().default(0),
  min40h: integer('min_40h').notNull().default(0),
});

/**
 * What one source (a pupil, an event, a support request) adds to each scope's weeks. Kept so a
 * source that changes can take back exactly what it added before adding its new figures.
 */
export const kpiContributions = pgTable(
  'kpi_contributions',
  {
    sourceKind: text('source_kind').notNull(),
    sourceId: uuid('source_id').notNull(),
    scopeLevel: text('scope_level').notNull(),
    scopeId: text('scope_id').notNull(),
    seasonId: integer('season_id').notNull(),
    week: date('week').notNull(),
    ...counters(),
  },
  (t) => [
    index('kpi_contributions_source_idx').on(t.sourceKind, t.sourceId),
    check('kpi_contributions_kind_ck', sql`${t.sourceKind} in ('pupil', 'event', 'support')`),
  ],
);

/** The counters per scope, season and week (weeks start on Monday, Moscow time): what dashboards read. */
export const kpiWeekly = pgTable(
  'kpi_weekly',
  {
    scopeLevel: text('scope_level').notNull(),
    scopeId: text('scope_id').notNull(),
    seasonId: integer('season_id').notNull(),
    week: date('week').notNull(),
    ...counters(),
  },
  (t) => [primaryKey({ columns: [t.scopeLevel, t.scopeId, t.seasonId, t.week] })],
);

/**
 * Sources whose figures are stale, written by triggers in the fact's own transaction and taken
 * by the refresh job. kind: a pupil, an event (its seats), an event with its pupils, a request.
 */
export const kpiDirty = pgTable(
  'kpi_dirty',
  {
    kind: text('kind').notNull(),
    key: uuid('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] }), check('kpi_dirty_kind_ck', sql`${t.kind} in ('pupil', 'event', 'event_pupils', 'support')`)],
);

/** One row: the figures' version (bumped whenever they or the targets change), when they were last refreshed, and up to when time-driven changes were taken. */
export const kpiState = pgTable(
  'kpi_state',
  {
    id: integer('id').primaryKey(),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
    clockedUntil: timestamp('clocked_until', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('kpi_state_one_ck', sql`${t.id} = 1`)],
);
