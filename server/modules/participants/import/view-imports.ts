import type { AppContext } from '@server/context.js';
import { notFound } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import type { ImportStatus } from '@common/participants.js';
import type { ListPage } from '@common/schemas/lists.js';
import type { ImportBatchSummary, ImportBatchView, ImportListQuery } from '@common/schemas/participants.js';
import { schoolIdOf } from '../participants.service.js';
import { findBatchView, listBatches, type BatchViewRow } from './imports.repository.js';

/** How many entries of the error and outcome lists an answer carries; the report has them all. */
const LIST_LIMIT = 500;

export const batchNotFound = () => notFound('Импорт не найден');

export const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function presentView(row: BatchViewRow): ImportBatchView {
  return {
    id: row.id,
    fileName: row.file_name,
    status: row.status,
    totalRows: row.total_rows,
    validRows: row.valid_rows,
    processedRows: row.processed_rows,
    created: row.created_count,
    matched: row.matched_count,
    skipped: row.skipped_count,
    failed: row.failed_count,
    createdAt: iso(row.created_at)!,
    finishedAt: iso(row.finished_at),
    duplicatesInFile: row.duplicates_in_file,
    alreadyRegistered: row.already_registered,
    errors: row.errors,
    errorCount: row.error_count,
    outcomes: row.outcomes,
    outcomeCount: row.outcome_count,
    sameFileImportedAt: iso(row.same_file_imported_at),
  };
}

export async function viewImport(ctx: AppContext, principal: Principal, id: string): Promise<ImportBatchView> {
  const schoolId = schoolIdOf(principal);
  const row = await findBatchView(ctx.db, schoolId, id, LIST_LIMIT);
  if (!row) throw batchNotFound();
  return presentView(row);
}

/** The school's imports, newest first unless asked otherwise. */
export async function listImports(ctx: AppContext, principal: Principal, q: ImportListQuery): Promise<ListPage<ImportBatchSummary>> {
  const { items, total } = await listBatches(ctx.db, schoolIdOf(principal), q);
  return {
    items: items.map((b) => ({ ...b, status: b.status as ImportStatus, createdAt: b.createdAt.toISOString(), finishedAt: iso(b.finishedAt) })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

