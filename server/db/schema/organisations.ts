import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './identity.js';
import { cities, competencies, regions, schools, venues } from './reference.js';

/**
 * Where a staff member works and what it has agreed to. The scope columns decide what it may see:
 * a coordinator its region, school staff and navigators their school, venue staff and mentors their venue.
 */
export const staffProfiles = pgTable(
  'staff_profiles',
  {
    accountId: uuid('account_id').primaryKey().references(() => accounts.id),
    regionId: integer('region_id').references(() => regions.id),
    schoolId: uuid('school_id').references(() => schools.id),
    venueId: uuid('venue_id').references(() => venues.id),
    position: text('position'),
    about: text('about'),
    pdConsentVersion: text('pd_consent_version'),
    pdConsentAt: timestamp('pd_consent_at', { withTimezone: true }),
    totpSecretEnc: text('totp_secret_enc'),
    totpPendingSecretEnc: text('totp_pending_secret_enc'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last accepted TOTP step, so one code cannot be used twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    invitedBy: uuid('invited_by'),
  },
  (t) => [
    index('staff_region_idx').on(t.regionId),
    index('staff_school_idx').on(t.schoolId),
    index('staff_venue_idx').on(t.venueId),
  ],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_account_idx').on(t.accountId)],
);

export const staffCompetencies = pgTable(
  'staff_competencies',
  {
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    competencyId: integer('competency_id').notNull().references(() => competencies.id),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.competencyId] })],
);

/** A room list and accessibility features per place; features are codes from common/organisations. */
export const venuePlaces = pgTable(
  'venue_places',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    venueId: uuid('venue_id').notNull().references(() => venues.id),
    name: text('name').notNull(),
    cityId: integer('city_id').notNull().references(() => cities.id),
    address: text('address').notNull(),
    rooms: jsonb('rooms').$type<Array<{ name: string; capacity: number }>>().notNull().default([]),
    accessibility: text('accessibility').array().notNull().default(sql`'{}'::text[]`),
    accessibilityNotes: text('accessibility_notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('venue_places_venue_idx').on(t.venueId), uniqueIndex('venue_places_name_uq').on(t.venueId, sql`lower(${t.name})`)],
);

/** One navigator per pupil; assigning again moves the pupil. */
export const navigatorAssignments = pgTable(
  'navigator_assignments',
  {
    participantId: uuid('participant_id').primaryKey().references(() => accounts.id),
    navigatorId: uuid('navigator_id').notNull().references(() => accounts.id),
    assignedBy: uuid('assigned_by').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('navigator_assignments_navigator_idx').on(t.navigatorId)],
);

/** A scanned paper consent; the file itself is encrypted on disk under DATA_DIR, named by this id. */
export const paperConsents = pgTable(
  'paper_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    participantId: uuid('participant_id').references(() => accounts.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('paper_consents_school_idx').on(t.schoolId, t.uploadedAt), index('paper_consents_participant_idx').on(t.participantId)],
);

/**
 * A bulk import of pupils: checked first (preview), written only when the school confirms.
 * The validated rows wait encrypted in payload_enc and are dropped once the import ends.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    createdBy: uuid('created_by').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    status: text('status').notNull().default('preview'),
    totalRows: integer('total_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    matchedCount: integer('matched_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    failedCount: integer('failed_count').notNull().default(0),
    rowErrors: jsonb('row_errors').$type<Array<{ row: number; field: string | null; message: string }>>().notNull().default([]),
    rowOutcomes: jsonb('row_outcomes').$type<Array<{ row: number; outcome: string; message: string }>>().notNull().default([]),
    payloadEnc: text('payload_enc'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('import_batches_school_idx').on(t.schoolId, t.createdAt),
    check('import_batches_status_ck', sql`${t.status} in ('preview', 'queued', 'running', 'done', 'failed', 'cancelled')`),
  ],
);

/**
 * The operator's instruction (поручение, 152-FZ art. 6 part 3) an organisation accepted, one row per
 * organisation and version. `acceptedBy` is null only where the operator recorded it itself (demo data).
 */
export const processingInstructions = pgTable(
  'processing_instructions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').references(() => schools.id),
    venueId: uuid('venue_id').references(() => venues.id),
    version: text('version').notNull(),
    acceptedBy: uuid('accepted_by').references(() => accounts.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('processing_instructions_school_version').on(t.schoolId, t.version).where(sql`${t.schoolId} is not null`),
    uniqueIndex('processing_instructions_venue_version').on(t.venueId, t.version).where(sql`${t.venueId} is not null`),
    check('processing_instructions_one_organisation', sql`(${t.schoolId} is null) <> (${t.venueId} is null)`),
  ],
);
