import type { AppContext } from '@server/context.js';
import { sanitiseFileName } from '@server/lib/file-names.js';
import type { Principal } from '@server/plugins/session.js';
import { IMPORT_COLUMN_LABELS, IMPORT_OUTCOME_LABELS } from '@common/participants.js';
import { schoolIdOf } from '../participants.service.js';
import { findBatchReport } from './imports.repository.js';
import { exportTable, type ExportedFile, type SpreadsheetFormat } from '@server/lib/spreadsheets/export.js';
import { batchNotFound } from './view-imports.js';

/** Every faulty cell and every row not simply created, as a table the school can sort and print. */
export async function importReport(ctx: AppContext, principal: Principal, id: string, format: SpreadsheetFormat): Promise<ExportedFile & { fileName: string }> {
  const schoolId = schoolIdOf(principal);
  const batch = await findBatchReport(ctx.db, schoolId, id);
  if (!batch) throw batchNotFound();
  const lines = [
    ...batch.rowErrors.map((e) => ({ row: e.row, column: e.field ? IMPORT_COLUMN_LABELS[e.field as keyof typeof IMPORT_COLUMN_LABELS] : 'Вся строка', text: e.message })),
    ...batch.rowOutcomes.map((o) => ({
      row: o.row,
      column: IMPORT_OUTCOME_LABELS[o.outcome as keyof typeof IMPORT_OUTCOME_LABELS] ?? o.outcome,
      text: o.message,
    })),
  ].sort((a, b) => a.row - b.row);
  const file = await exportTable(
    format,
    'Отчёт',
    ['Строка файла', 'Столбец или итог', 'Пояснение'],
    lines.map((l) => [String(l.row), l.column, l.text]),
    [14, 34, 90],
  );
  return { ...file, fileName: sanitiseFileName(`Отчёт по импорту ${batch.fileName}`, file.extension, 'Отчёт по импорту') };
}

