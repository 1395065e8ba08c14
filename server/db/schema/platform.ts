import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  },
  (t) => [index('audit_log_subject_idx').on(t.subjectId, t.at), index('audit_log_actor_idx').on(t.actorId, t.at)],
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
