import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './identity.js';
import { cities, competencies, regions, spheres } from './reference.js';

/**
 * What the programme leads to beyond its own events: colleges and universities with their
 * programmes, clubs, olympiads, employers, online courses. A region's coordinator keeps the
 * region's (`region_id` set), the issuer the federal ones (`region_id` null).
 */
export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: integer('region_id').references(() => regions.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    provider: text('provider').notNull(),
    description: text('description').notNull(),
    /** Specialities of СПО or fields of ВО, as «код — название». */
    programmes: text('programmes').array().notNull().default(sql`'{}'::text[]`),
    gradeFrom: smallint('grade_from').notNull(),
    gradeTo: smallint('grade_to').notNull(),
    cityId: integer('city_id').references(() => cities.id),
    address: text('address'),
    online: boolean('online').notNull().default(false),
    ovzAccessible: boolean('ovz_accessible').notNull().default(false),
    ovzNotes: text('ovz_notes'),
    free: boolean('free').notNull().default(true),
    priceNote: text('price_note'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    url: text('url'),
    contact: text('contact'),
    status: text('status').notNull().default('published'),
    createdBy: uuid('created_by').notNull().references(() => accounts.id),
    updatedBy: uuid('updated_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('opportunities_region_title_idx').on(t.regionId, sql`lower(${t.title})`, t.id),
    check('opportunities_kind_ck', sql`${t.kind} in ('college', 'university', 'club', 'olympiad', 'employer', 'online_course')`),
    check('opportunities_status_ck', sql`${t.status} in ('draft', 'published', 'archived')`),
    check('opportunities_grades_ck', sql`${t.gradeFrom} between 6 and 11 and ${t.gradeTo} between ${t.gradeFrom} and 11`),
    check('opportunities_place_ck', sql`${t.online} or ${t.cityId} is not null`),
    check('opportunities_dates_ck', sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const opportunityCompetencies = pgTable(
  'opportunity_competencies',
  {
    opportunityId: uuid('opportunity_id').notNull().references(() => opportunities.id, { onDelete: 'cascade' }),
    competencyId: integer('competency_id').notNull().references(() => competencies.id),
  },
  (t) => [primaryKey({ columns: [t.opportunityId, t.competencyId] }), index('opportunity_competencies_competency_idx').on(t.competencyId)],
);

/**
 * The spheres an opportunity serves, with its region copied so that recommendations find a
 * region's (and the federal) opportunities of a sphere through one index, never scanning them all.
 */
export const opportunitySpheres = pgTable(
  'opportunity_spheres',
  {
    opportunityId: uuid('opportunity_id').notNull().references(() => opportunities.id, { onDelete: 'cascade' }),
    sphereId: integer('sphere_id').notNull().references(() => spheres.id),
    regionId: integer('region_id').references(() => regions.id),
  },
  (t) => [primaryKey({ columns: [t.opportunityId, t.sphereId] }), index('opportunity_spheres_lookup_idx').on(t.sphereId, t.regionId)],
);

/** The reference list of professions to explore, linked to the competencies that lead to them; the issuer edits it. */
export const professions = pgTable('professions', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  /** Where one learns it: 'spo', 'vo' or both. */
  education: text('education').array().notNull().default(sql`'{}'::text[]`),
  /** Specialities and fields that lead to it, as «код — название». */
  programmes: text('programmes').array().notNull().default(sql`'{}'::text[]`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const professionCompetencies = pgTable(
  'profession_competencies',
  {
    professionId: integer('profession_id').notNull().references(() => professions.id, { onDelete: 'cascade' }),
    competencyId: integer('competency_id').notNull().references(() => competencies.id),
  },
  (t) => [primaryKey({ columns: [t.professionId, t.competencyId] }), index('profession_competencies_competency_idx').on(t.competencyId)],
);

/** A recommendation the pupil turned down («Не интересно»); it is not offered again. */
export const recommendationDismissals = pgTable(
  'recommendation_dismissals',
  {
    participantId: uuid('participant_id').notNull().references(() => accounts.id),
    itemKind: text('item_kind').notNull(),
    itemId: text('item_id').notNull(),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.itemKind, t.itemId] }),
    check('recommendation_dismissals_kind_ck', sql`${t.itemKind} in ('test', 'event', 'opportunity', 'profession')`),
  ],
);

/**
 * Versions of what recommendations are computed from: `global` (tests, opportunities, professions,
 * reference names), `region:<id>` (the region's events) and `pupil:<id>` (the pupil's own facts).
 * Triggers on those tables raise them in the same transaction as the change (migration
 * 0011_recommendation_snapshots), so a snapshot whose basis differs from their sum is out of date.
 */
export const recommendationInputs = pgTable('recommendation_inputs', {
  key: text('key').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});

/**
 * A pupil's recommendations as last computed for one audience, valid while the sum of its input
 * versions is still `basis` and on the Moscow day it was computed (dates of opportunities and tests
 * count in days). Events are kept as ids: their cards, with live seats, are read at every request.
 */
export const recommendationSnapshots = pgTable(
  'recommendation_snapshots',
  {
    participantId: uuid('participant_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    audience: text('audience').notNull(),
    basis: bigint('basis', { mode: 'number' }).notNull(),
    computedOn: date('computed_on').notNull(),
    payload: jsonb('payload').notNull(),
    /** The payload's events, so their seats are read with the snapshot in one statement. */
    eventIds: uuid('event_ids').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.audience] }), check('recommendation_snapshots_audience_ck', sql`${t.audience} in ('pupil', 'parent', 'staff')`)],
);

/**
 * A pupil's individual study plan as it stands: the draft the system wrote or the navigator is
 * editing, and the number of the version last published. Published versions are kept whole in
 * `study_plan_versions`.
 */
export const studyPlans = pgTable(
  'study_plans',
  {
    participantId: uuid('participant_id').primaryKey().references(() => accounts.id),
    draft: jsonb('draft'),
    draftedAt: timestamp('drafted_at', { withTimezone: true }),
    /** Null while the draft is the system's own. */
    draftEditedBy: uuid('draft_edited_by').references(() => accounts.id),
    publishedVersion: integer('published_version'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('study_plans_state_ck', sql`${t.draft} is not null or ${t.publishedVersion} is not null`)],
);

export const studyPlanVersions = pgTable(
  'study_plan_versions',
  {
    participantId: uuid('participant_id').notNull().references(() => accounts.id),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    publishedBy: uuid('published_by').notNull().references(() => accounts.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.version] }), check('study_plan_versions_version_ck', sql`${t.version} > 0`)],
);

/** Steps of the plan the pupil marked done; a step keeps its id across versions, so a tick survives a republish. */
export const studyPlanStepsDone = pgTable(
  'study_plan_steps_done',
  {
    participantId: uuid('participant_id').notNull().references(() => accounts.id),
    stepId: text('step_id').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.stepId] })],
);
