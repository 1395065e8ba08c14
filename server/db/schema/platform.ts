import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './identity.js';

/** Append-only (a trigger refuses UPDATE and DELETE). Holds ids and action names, never personal data values. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    subjectId: uuid('subject_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>(),
    /** Filled by a trigger at insert from the actor's and the subject's region, for a coordinator's review. */
    actorRegionId: integer('actor_region_id'),
    subjectRegionId: integer('subject_region_id'),
  },
  // Every filter of the review leads an index that returns rows in the order shown (newest first).
  (t) => [
    index('audit_log_at_idx').on(t.at, t.id),
    index('audit_log_subject_idx').on(t.subjectId, t.at, t.id),
    index('audit_log_actor_idx').on(t.actorId, t.at, t.id),
    index('audit_log_action_idx').on(t.action, t.at, t.id),
    index('audit_log_actor_region_idx').on(t.actorRegionId, t.at, t.id),
    index('audit_log_subject_region_idx').on(t.subjectRegionId, t.at, t.id),
  ],
);

/** A staff account revealed more personal data in an hour than the threshold: at most one a clock hour. */
export const auditAlerts = pgTable(
  'audit_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id').notNull(),
    actorRegionId: integer('actor_region_id'),
    revealed: integer('revealed').notNull(),
    threshold: integer('threshold').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('audit_alerts_actor_hour_uq').on(t.actorId, t.hour),
    index('audit_alerts_created_idx').on(t.createdAt, t.id),
    index('audit_alerts_region_idx').on(t.actorRegionId, t.createdAt, t.id),
  ],
);

/** A run of the key rotation job: what it re-encrypted so far is its progress. */
export const pdKeyRotations = pgTable(
  'pd_key_rotations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetKeyId: text('target_key_id').notNull(),
    status: text('status').notNull().default('running'),
    fieldsRewritten: integer('fields_rewritten').notNull().default(0),
    filesRewritten: integer('files_rewritten').notNull().default(0),
    startedBy: uuid('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [
    uniqueIndex('pd_key_rotations_running_uq').on(sql`(true)`).where(sql`${t.status} = 'running'`),
    check('pd_key_rotations_status_ck', sql`${t.status} in ('running', 'finished', 'failed')`),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_account_idx').on(t.accountId, t.createdAt)],
);

/** Every e-mail is written here in the transaction that caused it; the mail job delivers it and marks it sent. */
export const outgoingMail = pgTable(
  'outgoing_mail',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    devMailbox: boolean('dev_mailbox').notNull().default(false),
    /** Threading headers, set when replies should reach someone other than the sender (support answers). */
    replyTo: text('reply_to'),
    messageId: text('message_id'),
    inReplyTo: text('in_reply_to'),
    /** The References header: message ids in angle brackets, separated by spaces. */
    references: text('references'),
  },
  (t) => [index('outgoing_mail_to_idx').on(t.to, t.createdAt)],
);
