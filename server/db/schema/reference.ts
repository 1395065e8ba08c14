import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  seasonStartsOn: date('season_starts_on'),
  seasonEndsOn: date('season_ends_on'),
  /** One of FEDERAL_DISTRICTS (common/kpi.ts), for the issuer's grid of regions. */
  federalDistrict: text('federal_district'),
});

export const cities = pgTable(
  'cities',
  {
    id: serial('id').primaryKey(),
    regionId: integer('region_id').notNull().references(() => regions.id),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('cities_region_name_uq').on(t.regionId, sql`lower(${t.name})`)],
);

/** The 15 professional spheres of the digital footprint. */
export const spheres = pgTable('spheres', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
});

/** Competencies of the professional-skills championships; venues offer them, mentors teach them. */
export const competencies = pgTable('competencies', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  sphereId: integer('sphere_id').notNull().references(() => spheres.id),
});

/**
 * Columns a school and a venue share: both are legal entities a coordinator registers in its region.
 * ИНН/ОГРН are nullable only for schools listed before organisations were registered on the platform.
 */
const organisationColumns = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  regionId: integer('region_id').notNull().references(() => regions.id),
  cityId: integer('city_id').notNull().references(() => cities.id),
  name: text('name').notNull(),
  inn: text('inn'),
  ogrn: text('ogrn'),
  address: text('address'),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  headName: text('head_name'),
  status: text('status').notNull().default('active'),
  suspendedAt: timestamp('suspended_at', { withTimezone: true }),
  suspendReason: text('suspend_reason'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const schools = pgTable(
  'schools',
  {
    ...organisationColumns(),
    /** Kept by a trigger on participant_profiles (migration 0017): lists read it instead of counting. */
    pupilsCount: integer('pupils_count').notNull().default(0),
  },
  (t) => [
  index('schools_region_idx').on(t.regionId, t.cityId),
  uniqueIndex('schools_inn_uq').on(t.inn),
  uniqueIndex('schools_region_name_uq').on(t.regionId, sql`lower(${t.name})`),
  check('schools_status_ck', sql`${t.status} in ('active', 'suspended')`),
  ],
);

export const venues = pgTable('venues', { ...organisationColumns(), description: text('description') }, (t) => [
  index('venues_region_idx').on(t.regionId, t.cityId),
  uniqueIndex('venues_inn_uq').on(t.inn),
  uniqueIndex('venues_region_name_uq').on(t.regionId, sql`lower(${t.name})`),
  check('venues_status_ck', sql`${t.status} in ('active', 'suspended')`),
]);

export const venueCompetencies = pgTable(
  'venue_competencies',
  {
    venueId: uuid('venue_id').notNull().references(() => venues.id),
    competencyId: integer('competency_id').notNull().references(() => competencies.id),
  },
  (t) => [primaryKey({ columns: [t.venueId, t.competencyId] })],
);

/** The ten soft skills of the footprint's "knowledge and skills" direction. */
export const softSkills = pgTable('soft_skills', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull(),
});

/** Clusters of the awareness direction, by the mean of the pupil's awareness dimensions. */
export const awarenessLevels = pgTable(
  'awareness_levels',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    minScore: smallint('min_score').notNull(),
    maxScore: smallint('max_score').notNull(),
    pupilText: text('pupil_text').notNull(),
    parentText: text('parent_text').notNull(),
  },
  (t) => [check('awareness_levels_range_ck', sql`${t.minScore} between 0 and 100 and ${t.maxScore} between ${t.minScore} and 100`)],
);
