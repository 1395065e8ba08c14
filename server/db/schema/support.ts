import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './identity.js';
import { regions } from './reference.js';

/**
 * A request to the programme's support, from the form, the chat bot or a letter. The requester's
 * region, name and address are kept as given (a letter may come from someone with no account).
 */
export const supportRequests = pgTable(
  'support_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').notNull(),
    requesterAccountId: uuid('requester_account_id').references(() => accounts.id),
    /** Null only for a letter: the operator sees «регион не указан». */
    regionId: integer('region_id').references(() => regions.id),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    email: text('email').notNull(),
    topic: text('topic').notNull(),
    text: text('text').notNull(),
    childId: uuid('child_id').references(() => accounts.id),
    eventId: uuid('event_id'),
    organisationId: uuid('organisation_id'),
    status: text('status').notNull(),
    intakeOutcome: text('intake_outcome').notNull(),
    intakeRule: text('intake_rule'),
    intakeEvidence: text('intake_evidence').notNull().default(''),
    repeatOf: uuid('repeat_of'),
    /** Set when an operator changed the intake decision (the audit log says who and why). */
    intakeOverriddenAt: timestamp('intake_overridden_at', { withTimezone: true }),
    assigneeId: uuid('assignee_id').references(() => accounts.id),
    mergedInto: uuid('merged_into'),
    /** sha256 of the secret link a signed-out requester reads the request by. */
    accessTokenHash: text('access_token_hash').notNull(),
    /** sha256 of the token in support+<token>@… that threads the requester's letters here. */
    replyTokenHash: text('reply_token_hash').notNull(),
    /** sha256 of the sender's network address, for the flood limit; never the address itself. */
    sourceKey: text('source_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('support_requests_access_uq').on(t.accessTokenHash),
    uniqueIndex('support_requests_reply_uq').on(t.replyTokenHash),
    index('support_requests_queue_idx').on(t.createdAt, t.id),
    index('support_requests_status_idx').on(t.status, t.createdAt, t.id),
    index('support_requests_region_idx').on(t.regionId, t.createdAt, t.id),
    index('support_requests_assignee_idx').on(t.assigneeId, t.createdAt, t.id),
    index('support_requests_rule_idx').on(t.intakeRule, t.createdAt),
    index('support_requests_requester_idx').on(t.requesterAccountId, t.createdAt),
    index('support_requests_email_idx').on(sql`lower(${t.email})`, t.createdAt),
    index('support_requests_source_idx').on(t.sourceKey, t.createdAt),
    check(
      'support_requests_status_ck',
      sql`${t.status} in ('new', 'in_progress', 'waiting_requester', 'escalated', 'answered', 'closed', 'no_answer')`,
    ),
    check('support_requests_channel_ck', sql`${t.channel} in ('form', 'email')`),
    check('support_requests_outcome_ck', sql`${t.intakeOutcome} in ('accepted', 'no_answer')`),
  ],
);

/** The conversation: the requester's words, the operators' answers and their internal notes. */
export const supportMessages = pgTable(
  'support_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => supportRequests.id),
    kind: text('kind').notNull(),
    authorAccountId: uuid('author_account_id').references(() => accounts.id),
    text: text('text').notNull(),
    /** The Message-ID of an inbound letter, so a letter answering it threads here. */
    emailMessageId: text('email_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_messages_request_idx').on(t.requestId, t.createdAt),
    uniqueIndex('support_messages_email_uq').on(t.emailMessageId),
    check('support_messages_kind_ck', sql`${t.kind} in ('requester', 'answer', 'note')`),
  ],
);

/** Files sent with a request, sealed on disk under DATA_DIR like paper consents. */
export const supportAttachments = pgTable(
  'support_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => supportRequests.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('support_attachments_request_idx').on(t.requestId)],
);

/** Answer templates the operators keep for themselves. */
export const supportTemplates = pgTable('support_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  updatedBy: uuid('updated_by').references(() => accounts.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
