import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  jsonb,
  date,
  index,
  inet,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cities, regions, schools } from './reference.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    role: text('role').notNull(),
    email: text('email').notNull(),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    passwordHash: text('password_hash'),
    status: text('status').notNull().default('pending'),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name'),
    birthDate: date('birth_date'),
    phone: text('phone'),
    createdAt: createdAt(),
  },
  (t) => [
    // Parents sign in through ESIA, so their e-mail is a contact address only and may repeat a staff member's.
    uniqueIndex('accounts_email_uq').on(t.email).where(sql`${t.role} <> 'parent'`),
    index('accounts_email_idx').on(t.email),
    check('accounts_status_ck', sql`${t.status} in ('pending', 'active', 'disabled')`),
  ],
);

/** Pupil-only data. Encrypted columns hold AES-GCM envelopes; *_bidx are keyed HMACs for lookup. */
export const participantProfiles = pgTable(
  'participant_profiles',
  {
    accountId: uuid('account_id').primaryKey().references(() => accounts.id),
    grade: smallint('grade').notNull(),
    regionId: integer('region_id').notNull().references(() => regions.id),
    cityId: integer('city_id').notNull().references(() => cities.id),
    schoolId: uuid('school_id').references(() => schools.id),
    schoolNameTyped: text('school_name_typed'),
    snilsEnc: text('snils_enc').notNull(),
    identityBidx: text('identity_bidx').notNull(),
    documentType: text('document_type'),
    documentNumberEnc: text('document_number_enc'),
    hasOvz: boolean('has_ovz').notNull().default(false),
    ovzDetailsEnc: text('ovz_details_enc'),
    createdByParentId: uuid('created_by_parent_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // Copies of the account's names (lower case, ё as е, compared as "C"), e-mail, status and
    // creation time, written by triggers from `accounts` (migration 0020) so that staff lists
    // read one index in the order they show; whatever an insert gives them is replaced.
    lastNameKey: text('last_name_key').notNull().default(''),
    firstNameKey: text('first_name_key').notNull().default(''),
    middleNameKey: text('middle_name_key').notNull().default(''),
    searchText: text('search_text').notNull().default(''),
    accountStatus: text('account_status').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('participant_identity_uq').on(t.identityBidx),
    // Staff lists page pupils per scope (all, region, school) in each order they offer; KPIs and
    // counts per school and region use the same indexes' leading column.
    index('participant_list_name_idx').on(t.lastNameKey, t.firstNameKey, t.middleNameKey, t.accountId),
    index('participant_list_region_name_idx').on(t.regionId, t.lastNameKey, t.firstNameKey, t.middleNameKey, t.accountId),
    index('participant_list_school_name_idx').on(t.schoolId, t.lastNameKey, t.firstNameKey, t.middleNameKey, t.accountId),
    index('participant_list_grade_idx').on(t.grade, t.lastNameKey, t.firstNameKey, t.middleNameKey, t.accountId),
    index('participant_list_region_grade_idx').on(t.regionId, t.grade, t.lastNameKey, t.firstNameKey, t.middleNameKey, t.accountId),
    index('participant_list_school_grade_idx').on(t.schoolId, t.grade, t.lastNameKey, t.firstNameKey, t.middleNameKey, t.accountId),
    index('participant_list_created_idx').on(t.createdAt, t.accountId),
    index('participant_list_region_created_idx').on(t.regionId, t.createdAt, t.accountId),
    index('participant_list_school_created_idx').on(t.schoolId, t.createdAt, t.accountId),
    index('participant_list_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`).with({ fastupdate: false }),
    index('participant_list_frozen_region_idx').on(t.regionId).where(sql`${t.accountStatus} = 'disabled'`),
    index('participant_list_frozen_school_idx').on(t.schoolId).where(sql`${t.accountStatus} = 'disabled'`),
    check('participant_grade_ck', sql`${t.grade} between 6 and 11`),
  ],
);

export const parentProfiles = pgTable(
  'parent_profiles',
  {
    accountId: uuid('account_id').primaryKey().references(() => accounts.id),
    esiaSubject: text('esia_subject').notNull(),
    snilsEnc: text('snils_enc').notNull(),
    snilsBidx: text('snils_bidx').notNull(),
    esiaEmail: text('esia_email').notNull(),
  },
  (t) => [uniqueIndex('parent_esia_subject_uq').on(t.esiaSubject), uniqueIndex('parent_snils_uq').on(t.snilsBidx)],
);

export const familyLinks = pgTable(
  'family_links',
  {
    parentId: uuid('parent_id').notNull().references(() => accounts.id),
    childId: uuid('child_id').notNull().references(() => accounts.id),
    createdAt: createdAt(),
    /** Who the adult is to the child in law: 'parent', 'guardian' (опекун) or 'trustee' (попечитель). */
    representativeKind: text('representative_kind').notNull().default('parent'),
  },
  (t) => [
    primaryKey({ columns: [t.parentId, t.childId] }),
    index('family_links_child_idx').on(t.childId),
    check('family_links_representative_kind_ck', sql`${t.representativeKind} in ('parent', 'guardian', 'trustee')`),
  ],
);

/** Invitations between family members: a pupil invites a parent, or a parent invites a child. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    inviterId: uuid('inviter_id').notNull().references(() => accounts.id),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    status: text('status').notNull().default('pending'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedBy: uuid('accepted_by').references(() => accounts.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    sentCount: integer('sent_count').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invitations_token_uq').on(t.tokenHash),
    index('invitations_inviter_idx').on(t.inviterId),
    check('invitations_kind_ck', sql`${t.kind} in ('parent', 'child')`),
    check('invitations_status_ck', sql`${t.status} in ('pending', 'accepted', 'revoked')`),
  ],
);

/** Single-use e-mail tokens: activation, password reset, a child's first sign-in link. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose').notNull(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('one_time_tokens_hash_uq').on(t.tokenHash),
    index('one_time_tokens_account_idx').on(t.accountId, t.purpose),
  ],
);

/** Server-side sessions; the cookie carries a random id and the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/** Failed sign-ins feed the lockout; the key is an e-mail HMAC or an address, never a plain e-mail. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountKey: text('account_key').notNull(),
    ip: inet('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_failures_account_idx').on(t.accountKey, t.at), index('sign_in_failures_ip_idx').on(t.ip, t.at)],
);

export const signInLockouts = pgTable('sign_in_lockouts', {
  key: text('key').primaryKey(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
});

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id').notNull().references(() => accounts.id),
    parentId: uuid('parent_id').notNull().references(() => accounts.id),
    kind: text('kind').notNull(),
    textVersion: text('text_version').notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    index('consents_child_idx').on(t.childId, t.kind),
    uniqueIndex('consents_active_uq').on(t.childId, t.parentId, t.kind).where(sql`${t.withdrawnAt} is null`),
    check('consents_kind_ck', sql`${t.kind} in ('pd_processing', 'photo_video', 'health_data')`),
  ],
);

/** A request to correct a pupil's surname, name, date of birth or school; the pupil's school confirms or refuses it. */
export const correctionRequests = pgTable(
  'correction_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id').notNull().references(() => accounts.id),
    requestedBy: uuid('requested_by').notNull().references(() => accounts.id),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    status: text('status').notNull().default('pending'),
    requested: jsonb('requested').notNull().$type<{ lastName?: string; firstName?: string; birthDate?: string; schoolId?: string }>(),
    comment: text('comment'),
    decidedBy: uuid('decided_by').references(() => accounts.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    refusalReason: text('refusal_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('correction_requests_pending_uq').on(t.participantId).where(sql`${t.status} = 'pending'`),
    index('correction_requests_school_idx').on(t.schoolId, t.status, t.createdAt),
    check('correction_requests_status_ck', sql`${t.status} in ('pending', 'confirmed', 'refused')`),
  ],
);
