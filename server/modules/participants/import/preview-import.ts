import crypto from 'node:crypto';
import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { badRequest } from '@server/lib/errors.js';
import { sanitiseFileName } from '@server/lib/file-names.js';
import type { ReceivedUpload } from '@server/lib/uploads.js';
import type { Principal } from '@server/plugins/session.js';
import { IMPORT_COLUMNS, IMPORT_OUTCOME_LABELS } from '@common/participants.js';
import type { ImportBatchView, ImportRowError, ImportRowOutcome } from '@common/schemas/participants.js';
import { recordAudit, type AuditActor } from '@server/modules/audit/index.js';
import { schoolIdOf } from '../participants.service.js';
import { readSpreadsheetOffThread } from '@server/lib/spreadsheets/spreadsheet-pool.js';
import { insertBatch } from './imports.repository.js';
import { identityOf, placeRows } from './placement.js';
import { checkRow, mapColumns, type ImportRow } from './rows.js';
import { EXAMPLE_EMAIL, EXAMPLE_SNILS } from './spreadsheet-export.js';
import { viewImport } from './view-imports.js';

const byRowThenColumn = (() => {
  const order = new Map<string | null, number>(IMPORT_COLUMNS.map((c, i) => [c.key, i]));
  return (a: ImportRowError, b: ImportRowError) => a.row - b.row || (order.get(a.field) ?? -1) - (order.get(b.field) ?? -1);
})();

/** The template's example row, if the school left it in, is not a pupil. */
function isTemplateExample(row: ImportRow): boolean {
  return row.snils === EXAMPLE_SNILS && row.email === EXAMPLE_EMAIL;
}

/**
 * Reads and checks the whole file and stores what confirming it would do; no account is touched.
 * Faulty rows are listed cell by cell, repeated rows and pupils already at the school are skipped,
 * and a child another school holds is refused without saying which school.
 */
export async function previewImport(ctx: AppContext, principal: Principal, upload: Pick<ReceivedUpload, 'data' | 'fileName'>, actor: AuditActor): Promise<ImportBatchView> {
  const schoolId = schoolIdOf(principal);
  const table = await readSpreadsheetOffThread(upload.data);
  const { columns, missing } = mapColumns(table.header.cells);
  if (missing.length > 0) {
    throw badRequest(
      'missing_columns',
      `В файле нет обязательных ${missing.length === 1 ? 'столбца' : 'столбцов'}: ${missing.join(', ')}. Скачайте шаблон — в нём все нужные столбцы`,
    );
  }

  const errors: ImportRowError[] = [];
  const valid: Array<{ row: ImportRow; identity: string }> = [];
  let totalRows = 0;
  for (const raw of table.rows) {
    const checked = checkRow(raw, columns);
    if (checked.ok && isTemplateExample(checked.value)) continue;
    totalRows++;
    if (checked.ok) valid.push({ row: checked.value, identity: identityOf(ctx, checked.value) });
    else errors.push(...checked.errors);
  }
  if (totalRows === 0) throw badRequest('no_rows', 'В файле нет ни одной строки с учениками');

  const outcomes: ImportRowOutcome[] = [];
  const unique: typeof valid = [];
  const seenIdentity = new Map<string, number>();
  const seenSnils = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  for (const v of valid) {
    const same = seenIdentity.get(v.identity);
    if (same !== undefined) {
      outcomes.push({ row: v.row.row, outcome: 'duplicate_in_file', message: `Тот же ученик, что в строке ${same}` });
      continue;
    }
    const snilsRow = seenSnils.get(v.row.snils);
    const emailRow = seenEmail.get(v.row.email);
    if (snilsRow !== undefined) errors.push({ row: v.row.row, field: 'snils', message: `Этот СНИЛС уже указан в строке ${snilsRow} у другого ученика` });
    if (emailRow !== undefined) errors.push({ row: v.row.row, field: 'email', message: `Этот адрес уже указан в строке ${emailRow} у другого ученика` });
    if (snilsRow !== undefined || emailRow !== undefined) continue;
    seenIdentity.set(v.identity, v.row.row);
    seenSnils.set(v.row.snils, v.row.row);
    seenEmail.set(v.row.email, v.row.row);
    unique.push(v);
  }

  const placements = await placeRows(ctx.db, schoolId, unique);
  const toWrite: ImportRow[] = [];
  let toCreate = 0;
  let toMatch = 0;
  unique.forEach(({ row }, i) => {
    const placement = placements[i]!;
    switch (placement.kind) {
      case 'refused':
        errors.push({ row: row.row, field: placement.field, message: placement.message });
        break;
      case 'already_here':
        outcomes.push({ row: row.row, outcome: 'already_registered', message: IMPORT_OUTCOME_LABELS.already_registered });
        break;
      case 'attach':
        outcomes.push({ row: row.row, outcome: 'matched', message: IMPORT_OUTCOME_LABELS.matched });
        toMatch++;
        toWrite.push(row);
        break;
      case 'create':
        toCreate++;
        toWrite.push(row);
    }
  });

  errors.sort(byRowThenColumn);
  outcomes.sort((a, b) => a.row - b.row);
  const faultyRows = new Set(errors.map((e) => e.row)).size;
  const id = await inTransaction(ctx.db, async (tx) => {
    const batchId = await insertBatch(tx, {
      schoolId,
      createdBy: principal.accountId,
      fileName: sanitiseFileName(upload.fileName, table.format, 'Список учеников'),
      fileSha256: crypto.createHash('sha256').update(upload.data).digest('hex'),
      status: 'preview',
      totalRows,
      validRows: totalRows - faultyRows,
      createdCount: toCreate,
      matchedCount: toMatch,
      skippedCount: totalRows - faultyRows - toCreate - toMatch,
      failedCount: faultyRows,
      rowErrors: errors,
      rowOutcomes: outcomes,
      payloadEnc: ctx.pd.encrypt(JSON.stringify(toWrite)),
    });
    await recordAudit(tx, actor, 'import.previewed', batchId, { rows: totalRows, faultyRows, format: table.format });
    return batchId;
  });
  return viewImport(ctx, principal, id);
}

