import crypto from 'node:crypto';
import { OPPORTUNITY_KIND_LABELS, type OpportunityImportPreview, type OpportunityImportResult } from '@common/guidance.js';
import { OPPORTUNITY_IMPORT_COLUMNS, type OpportunityInput } from '@common/schemas/opportunities.js';
import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { badRequest, conflict, forbidden } from '@server/lib/errors.js';
import { exportTable, type ExportedFile } from '@server/lib/spreadsheets/export.js';
import { readSpreadsheetOffThread } from '@server/lib/spreadsheets/spreadsheet-pool.js';
import type { Principal } from '@server/plugins/session.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { mapOpportunityColumns, rowChecker } from './import-rows.js';
import { regionOfNew } from './opportunities.policy.js';
import { importVocabulary } from './opportunities.repository.js';
import { storeOpportunity } from './opportunities.service.js';

/** The template's example row: recognised by its title and skipped if the file still holds it. */
export const EXAMPLE_TITLE = 'Пример: Кружок робототехники «Шестерёнка»';

const EXAMPLE: Record<(typeof OPPORTUNITY_IMPORT_COLUMNS)[number]['key'], string> = {
  kind: OPPORTUNITY_KIND_LABELS.club,
  title: EXAMPLE_TITLE,
  provider: 'Дом детского творчества',
  description: 'Собираем и программируем роботов из конструкторов, готовимся к соревнованиям. Занятия дважды в неделю.',
  programmes: '',
  spheres: '',
  competencies: 'Мобильная робототехника; Интернет вещей',
  gradeFrom: '6',
  gradeTo: '9',
  city: 'Киров',
  address: 'ул. Примерная, 1',
  online: 'нет',
  ovzAccessible: 'да',
  ovzNotes: 'Вход без ступеней, занятия в малых группах',
  free: 'да',
  priceNote: '',
  startsOn: '01.09.2026',
  endsOn: '31.05.2027',
  url: 'https://example.ru/robots',
  contact: '+7 900 000-00-00',
};

/** The template: the columns in order and one example row, which the import skips if it is left in. */
export function opportunityTemplate(): Promise<ExportedFile> {
  return exportTable(
    'csv',
    'Возможности',
    OPPORTUNITY_IMPORT_COLUMNS.map((c) => (c.required ? `${c.label}*` : c.label)),
    [OPPORTUNITY_IMPORT_COLUMNS.map((c) => EXAMPLE[c.key])],
  );
}

interface CheckedFile {
  preview: OpportunityImportPreview;
  valid: OpportunityInput[];
}

/** Reads and checks the whole file; nothing is written. */
async function checkFile(ctx: AppContext, regionId: number | null, data: Buffer): Promise<CheckedFile> {
  const table = await readSpreadsheetOffThread(data);
  const { columns, missing } = mapOpportunityColumns(table.header.cells);
  if (missing.length > 0) {
    throw badRequest(
      'missing_columns',
      `В файле нет обязательных ${missing.length === 1 ? 'столбца' : 'столбцов'}: ${missing.join(', ')}. Скачайте шаблон — в нём все нужные столбцы`,
    );
  }
  const check = rowChecker(columns, await importVocabulary(ctx.db, regionId));
  const rows: OpportunityImportPreview['rows'] = [];
  const valid: OpportunityInput[] = [];
  for (const raw of table.rows) {
    const checked = check(raw);
    if (checked.preview.title === EXAMPLE_TITLE) continue;
    rows.push(checked.preview);
    if (checked.ok) valid.push(checked.value);
  }
  if (rows.length === 0) throw badRequest('no_rows', 'В файле нет ни одной строки с возможностями');
  return {
    preview: { fileSha256: crypto.createHash('sha256').update(data).digest('hex'), totalRows: rows.length, validRows: valid.length, rows },
    valid,
  };
}

function regionOf(principal: Principal): number | null {
  const regionId = regionOfNew(principal);
  if (regionId === undefined) throw forbidden();
  return regionId;
}

/** Each row valid or with its errors by column; the file is kept nowhere, so nothing changes. */
export async function previewOpportunityImport(ctx: AppContext, principal: Principal, data: Buffer): Promise<OpportunityImportPreview> {
  return (await checkFile(ctx, regionOf(principal), data)).preview;
}

/**
 * Imports the valid rows of the very file that was previewed (its SHA-256 must match), all in one
 * transaction: either every valid row becomes an opportunity or none does. Rows with errors are skipped.
 */
export async function confirmOpportunityImport(ctx: AppContext, principal: Principal, data: Buffer, sha256: string, actor: AuditActor): Promise<OpportunityImportResult> {
  const regionId = regionOf(principal);
  const { preview, valid } = await checkFile(ctx, regionId, data);
  if (preview.fileSha256 !== sha256) throw conflict('file_changed', 'Этот файл не тот, что вы проверяли. Проверьте его ещё раз перед загрузкой');
  if (valid.length === 0) throw badRequest('no_valid_rows', 'В файле нет ни одной строки без ошибок — исправьте их и загрузите файл снова');
  await inTransaction(ctx.db, async (tx) => {
    for (const input of valid) {
      await storeOpportunity(tx, regionId, input, principal.accountId);
    }
    await recordAudit(tx, actor, 'opportunities.imported', null, { imported: valid.length, skipped: preview.totalRows - valid.length, federal: regionId === null });
  });
  return { imported: valid.length, skipped: preview.totalRows - valid.length };
}
