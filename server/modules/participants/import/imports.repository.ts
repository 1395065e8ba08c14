import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';
import { accounts, importBatches, oneTimeTokens, participantProfiles } from '@server/db/schema/index.js';
import { likePattern } from '@common/schemas/lists.js';
import type { ImportListQuery, ImportRowError, ImportRowOutcome } from '@common/schemas/participants.js';
import type { ImportStatus } from '@common/participants.js';

/** Lookups by many keys go in slices, so no statement carries more parameters than a driver likes. */
const LOOKUP_SLICE = 1_000;

async function inSlices<K, R>(keys: readonly K[], read: (slice: K[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += LOOKUP_SLICE) out.push(...(await read(keys.slice(i, i + LOOKUP_SLICE))));
  return out;
}

export interface ExistingChild {
  accountId: string;
  schoolId: string | null;
}

/** Profiles with these identity indexes; locked when the caller is about to change them. */
export async function findChildrenByIdentity(executor: Executor, identities: readonly string[], opts: { lock?: boolean } = {}) {
  const rows = await inSlices(identities, (slice) => {
    const query = executor
      .select({ identity: participantProfiles.identityBidx, accountId: participantProfiles.accountId, schoolId: participantProfiles.schoolId })
      .from(participantProfiles)
      .where(inArray(participantProfiles.identityBidx, slice));
    return opts.lock ? query.for('update') : query;
  });
  return new Map<string, ExistingChild>(rows.map((r) => [r.identity, { accountId: r.accountId, schoolId: r.schoolId }]));
}

/** Addresses already used by an account that signs in with them (parents' contact addresses may repeat). */
export async function findEmailsInUse(executor: Executor, emails: readonly string[]): Promise<Set<string>> {
  const rows = await inSlices(emails, (slice) =>
    executor
      .select({ email: accounts.email })
      .from(accounts)
      .where(and(inArray(accounts.email, slice), ne(accounts.role, 'parent'))),
  );
  return new Set(rows.map((r) => r.email));
}

export type NewBatch = typeof importBatches.$inferInsert;

export async function insertBatch(executor: Executor, values: NewBatch): Promise<string> {
  const [row] = await executor.insert(importBatches).values(values).returning({ id: importBatches.id });
  return row!.id;
}

export interface BatchViewRow {
  id: string;
  file_name: string;
  file_sha256: string;
  status: ImportStatus;
  total_rows: number;
  valid_rows: number;
  processed_rows: number;
  created_count: number;
  matched_count: number;
  skipped_count: number;
  failed_count: number;
  created_at: Date | string;
  finished_at: Date | string | null;
  error_count: number;
  errors: ImportRowError[];
  outcome_count: number;
  outcomes: ImportRowOutcome[];
  duplicates_in_file: number;
  already_registered: number;
  same_file_imported_at: Date | string | null;
}

/** A batch with the first entries of its lists and their counts; the lists themselves may hold 10,000 rows. */
export async function findBatchView(executor: Executor, schoolId: string, id: string, listLimit: number): Promise<BatchViewRow | undefined> {
  const path = `$[0 to ${listLimit - 1}]`;
  const countOutcome = (outcome: string) =>
    sql`(select count(*) from jsonb_array_elements(b.row_outcomes) e where e->>'outcome' = ${outcome})::int`;
  const [row] = await queryRows<BatchViewRow>(
    executor,
    sql`select b.id, b.file_name, b.file_sha256, b.status, b.total_rows, b.valid_rows, b.processed_rows,
        b.created_count, b.matched_count, b.skipped_count, b.failed_count, b.created_at, b.finished_at,
        jsonb_array_length(b.row_errors) as error_count, jsonb_path_query_array(b.row_errors, ${path}::jsonpath) as errors,
        jsonb_array_length(b.row_outcomes) as outcome_count, jsonb_path_query_array(b.row_outcomes, ${path}::jsonpath) as outcomes,
        ${countOutcome('duplicate_in_file')} as duplicates_in_file,
        ${countOutcome('already_registered')} as already_registered,
        (select max(o.created_at) from import_batches o
          where o.school_id = b.school_id and o.file_sha256 = b.file_sha256 and o.status = 'done' and o.id <> b.id) as same_file_imported_at
      from import_batches b
      where b.id = ${id} and b.school_id = ${schoolId}`,
  );
  return row;
}

/** Everything the error report lists: every faulty cell and every row that was not simply created. */
export async function findBatchReport(executor: Executor, schoolId: string, id: string) {
  const [row] = await executor
    .select({ fileName: importBatches.fileName, rowErrors: importBatches.rowErrors, rowOutcomes: importBatches.rowOutcomes })
    .from(importBatches)
    .where(and(eq(importBatches.id, id), eq(importBatches.schoolId, schoolId)));
  return row;
}

export const BATCH_SUMMARY_COLUMNS = {
  id: importBatches.id,
  fileName: importBatches.fileName,
  status: importBatches.status,
  totalRows: importBatches.totalRows,
  validRows: importBatches.validRows,
  processedRows: importBatches.processedRows,
  created: importBatches.createdCount,
  matched: importBatches.matchedCount,
  skipped: importBatches.skippedCount,
  failed: importBatches.failedCount,
  createdAt: importBatches.createdAt,
  finishedAt: importBatches.finishedAt,
};

const SORTS: Record<ImportListQuery['sort'], SQL> = {
  createdAt: sql`${importBatches.createdAt}`,
  fileName: sql`lower(${importBatches.fileName})`,
  status: sql`${importBatches.status}`,
};

export async function listBatches(executor: Executor, schoolId: string, q: ImportListQuery) {
  const where = and(eq(importBatches.schoolId, schoolId), q.q ? sql`${importBatches.fileName} ilike ${likePattern(q.q)}` : undefined);
  const dir = sql.raw(q.order);
  const [items, [count]] = await Promise.all([
    executor
      .select(BATCH_SUMMARY_COLUMNS)
      .from(importBatches)
      .where(where)
      .orderBy(sql`${SORTS[q.sort]} ${dir}, ${importBatches.id}`)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    executor.select({ total: sql<number>`count(*)::int` }).from(importBatches).where(where),
  ]);
  return { items, total: count?.total ?? 0 };
}

/**
 * Preview → queued. The counters switch from "would do" to "done so far": rows not in the payload
 * (faulty, repeated, already at the school) count as processed at once; planned matches are redone.
 */
export async function queueBatch(executor: Executor, schoolId: string, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    executor,
    sql`update import_batches
    set status = 'queued',
      processed_rows = total_rows - created_count - matched_count,
      created_count = 0,
      matched_count = 0,
      row_outcomes = coalesce((select jsonb_agg(e) from jsonb_array_elements(row_outcomes) e where e->>'outcome' <> 'matched'), '[]'::jsonb)
    where id = ${id} and school_id = ${schoolId} and status = 'preview'
    returning id`,
  );
  return rows.length > 0;
}

export async function findBatchStatus(executor: Executor, schoolId: string, id: string): Promise<ImportStatus | undefined> {
  const [row] = await executor
    .select({ status: importBatches.status })
    .from(importBatches)
    .where(and(eq(importBatches.id, id), eq(importBatches.schoolId, schoolId)));
  return row?.status as ImportStatus | undefined;
}

export async function cancelPreview(executor: Executor, schoolId: string, id: string): Promise<boolean> {
  const rows = await executor
    .update(importBatches)
    .set({ status: 'cancelled', payloadEnc: null, finishedAt: new Date() })
    .where(and(eq(importBatches.id, id), eq(importBatches.schoolId, schoolId), eq(importBatches.status, 'preview')))
    .returning({ id: importBatches.id });
  return rows.length > 0;
}

/** Claims a queued batch for the worker, or takes back one whose worker died mid-way. */
export async function startBatch(executor: Executor, id: string) {
  const [row] = await executor
    .update(importBatches)
    .set({ status: 'running' })
    .where(and(eq(importBatches.id, id), inArray(importBatches.status, ['queued', 'running'])))
    .returning();
  return row;
}

export interface ChunkResult {
  processed: number;
  created: number;
  matched: number;
  skipped: number;
  failed: number;
  outcomes: ImportRowOutcome[];
}

/** Progress of one written chunk, in the chunk's own transaction, so a resumed import starts right after it. */
export async function advanceBatch(executor: Executor, id: string, r: ChunkResult): Promise<void> {
  await executor.execute(sql`update import_batches set
      processed_rows = processed_rows + ${r.processed},
      created_count = created_count + ${r.created},
      matched_count = matched_count + ${r.matched},
      skipped_count = skipped_count + ${r.skipped},
      failed_count = failed_count + ${r.failed},
      row_outcomes = row_outcomes || ${JSON.stringify(r.outcomes)}::jsonb
    where id = ${id}`);
}

/** The end of an import either way; the pupils' data waiting in the payload is dropped. */
export async function finishBatch(executor: Executor, id: string, status: 'done' | 'failed'): Promise<void> {
  await executor.update(importBatches).set({ status, payloadEnc: null, finishedAt: new Date() }).where(eq(importBatches.id, id));
}

/** Previews nobody confirmed within a day are cancelled, so the pupils' data does not linger. */
export async function cancelStalePreviews(executor: Executor, olderThan: Date): Promise<number> {
  const rows = await executor
    .update(importBatches)
    .set({ status: 'cancelled', payloadEnc: null, finishedAt: new Date() })
    .where(and(eq(importBatches.status, 'preview'), sql`${importBatches.createdAt} < ${olderThan}`))
    .returning({ id: importBatches.id });
  return rows.length;
}

export async function insertSignInTokens(
  executor: Executor,
  tokens: ReadonlyArray<{ accountId: string; tokenHash: string; expiresAt: Date }>,
): Promise<void> {
  if (tokens.length === 0) return;
  await executor.insert(oneTimeTokens).values(tokens.map((t) => ({ ...t, purpose: 'child_sign_in' })));
}

export async function insertAccounts(executor: Executor, values: Array<typeof accounts.$inferInsert>) {
  return executor.insert(accounts).values(values).returning({ id: accounts.id, email: accounts.email, firstName: accounts.firstName });
}

export async function insertProfiles(executor: Executor, values: Array<typeof participantProfiles.$inferInsert>): Promise<void> {
  await executor.insert(participantProfiles).values(values);
}
