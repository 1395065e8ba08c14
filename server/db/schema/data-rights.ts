import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './identity.js';

/** A request to erase an account (art. 21 of 152-FZ): the account is frozen while it is pending. */
export const erasureRequests = pgTable(
  'erasure_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Cleared when the account is erased, so the request names nobody afterwards. */
    subjectId: uuid('subject_id').references(() => accounts.id, { onDelete: 'set null' }),
    subjectRole: text('subject_role').notNull(),
    requestedBy: uuid('requested_by').references(() => accounts.id, { onDelete: 'set null' }),
    requesterRole: text('requester_role').notNull(),
    /** What the account's status was before the freeze, for a cancelled request to give back. */
    previousStatus: text('previous_status').notNull(),
    status: text('status').notNull().default('pending'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('erasure_requests_pending_uq').on(t.subjectId).where(sql`${t.status} = 'pending'`),
    index('erasure_requests_due_idx').on(t.dueAt).where(sql`${t.status} = 'pending'`),
    check('erasure_requests_status_ck', sql`${t.status} in ('pending', 'cancelled', 'erased')`),
  ],
);

export interface DestroyedClass {
  dataClass: string;
  rows: number;
}

/** The act of destruction (акт об уничтожении): kept without personal data. */
export const destructionRecords = pgTable(
  'destruction_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    erasureRequestId: uuid('erasure_request_id').notNull().references(() => erasureRequests.id),
    subjectRole: text('subject_role').notNull(),
    grounds: text('grounds').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }).notNull().defaultNow(),
    job: text('job').notNull(),
    dataClasses: jsonb('data_classes').$type<DestroyedClass[]>().notNull(),
    filesDestroyed: integer('files_destroyed').notNull(),
  },
  (t) => [uniqueIndex('destruction_records_request_uq').on(t.erasureRequestId)],
);

/** One run of a retention job over one data class. */
export const retentionRuns = pgTable(
  'retention_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    job: text('job').notNull(),
    dataClass: text('data_class').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    rowsAffected: integer('rows_affected'),
    error: text('error'),
  },
  (t) => [index('retention_runs_started_idx').on(t.startedAt)],
);
