import crypto from 'node:crypto';
import type { AppContext } from '@server/context.js';
import type { Executor } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import type { FastifyBaseLogger } from 'fastify';
import { badRequest, conflict, notFound } from '@server/lib/errors.js';
import { hashToken, randomToken } from '@server/lib/tokens.js';
import { sanitiseFileName } from '@server/lib/file-names.js';
import type { ReceivedUpload } from '@server/lib/uploads.js';
import type { Principal } from '@server/plugins/session.js';
import { IMPORT_COLUMN_LABELS, IMPORT_COLUMNS, IMPORT_OUTCOME_LABELS, type ImportStatus } from '@common/participants.js';
import type { ListPage } from '@common/schemas/lists.js';
import type { ImportBatchSummary, ImportBatchView, ImportListQuery, ImportRowError, ImportRowOutcome } from '@common/schemas/participants.js';
import { recordAudit, recordAuditMany, type AuditActor } from '@server/modules/audit/index.js';
import { mailTemplates } from '@server/modules/mail/index.js';
import { TOKEN_LIFETIME_MS, childIdentityKey } from '@server/modules/identity/index.js';
import { decideExistingChild } from '../participants.policy.js';
import { attachToSchool, findSchool, type SchoolRow } from '../participants.repository.js';
import { childInOtherSchoolMessage, emailInUseMessage, schoolIdOf, signInUrl } from '../participants.service.js';
import { isUniqueViolation } from '@server/db/pg-errors.js';
import { readSpreadsheet } from './file-reader.js';
import {
  advanceBatch,
  cancelPreview,
  cancelStalePreviews,
  findBatchReport,
  findBatchStatus,
  findBatchView,
  findChildrenByIdentity,
  findEmailsInUse,
  finishBatch,
  insertAccounts,
  insertBatch,
  insertProfiles,
  insertSignInTokens,
  listBatches,
  queueBatch,
  startBatch,
  type BatchViewRow,
  type ChunkResult,
} from './imports.repository.js';
import { checkRow, mapColumns, type ImportRow } from './rows.js';
import { EXAMPLE_EMAIL, EXAMPLE_SNILS, exportTable, type ExportedFile, type SpreadsheetFormat } from './spreadsheet-export.js';

export const IMPORT_JOB = 'participants-import';
export const IMPORT_CLEANUP_JOB = 'participants-import-cleanup';

/** Rows written per transaction: big enough for multi-row statements to pay off, small enough to lock briefly. */
export const IMPORT_CHUNK_ROWS = 500;
/** How many entries of the error and outcome lists an answer carries; the report has them all. */
const LIST_LIMIT = 500;
const CHUNK_ATTEMPTS = 3;

export interface ImportJobData {
  batchId: string;
  actor: AuditActor;
}


const batchNotFound = () => notFound('Импорт не найден');

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

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

const byRowThenColumn = (() => {
  const order = new Map<string | null, number>(IMPORT_COLUMNS.map((c, i) => [c.key, i]));
  return (a: ImportRowError, b: ImportRowError) => a.row - b.row || (order.get(a.field) ?? -1) - (order.get(b.field) ?? -1);
})();

/** The template's example row, if the school left it in, is not a pupil. */
function isTemplateExample(row: ImportRow): boolean {
  return row.snils === EXAMPLE_SNILS && row.email === EXAMPLE_EMAIL;
}

const identityOf = (ctx: AppContext, row: ImportRow) => childIdentityKey(ctx, { ...row, middleName: row.middleName ?? undefined });

type Placement =
  | { kind: 'create' }
  | { kind: 'attach'; accountId: string }
  | { kind: 'already_here' }
  | { kind: 'refused'; field: 'email' | null; message: string };

/**
 * What writing each row would do now, by the one-child-one-profile rule: the preview and the job
 * decide the same way, the job again with the profiles locked because the preview may be hours old.
 */
async function placeRows(
  executor: Executor,
  schoolId: string,
  rows: ReadonlyArray<{ row: ImportRow; identity: string }>,
  opts: { lock?: boolean } = {},
): Promise<Placement[]> {
  const existing = await findChildrenByIdentity(executor, rows.map((r) => r.identity), opts);
  const emailsInUse = await findEmailsInUse(executor, rows.filter((r) => !existing.has(r.identity)).map((r) => r.row.email));
  return rows.map(({ row, identity }): Placement => {
    const found = existing.get(identity);
    if (!found) return emailsInUse.has(row.email) ? { kind: 'refused', field: 'email', message: emailInUseMessage } : { kind: 'create' };
    switch (decideExistingChild(found.schoolId, schoolId)) {
      case 'attach':
        return { kind: 'attach', accountId: found.accountId };
      case 'already_here':
        return { kind: 'already_here' };
      case 'other_school':
        return { kind: 'refused', field: null, message: childInOtherSchoolMessage };
    }
  });
}

/**
 * Reads and checks the whole file and stores what confirming it would do; no account is touched.
 * Faulty rows are listed cell by cell, repeated rows and pupils already at the school are skipped,
 * and a child another school holds is refused without saying which school.
 */
export async function previewImport(ctx: AppContext, principal: Principal, upload: Pick<ReceivedUpload, 'data' | 'fileName'>, actor: AuditActor): Promise<ImportBatchView> {
  const schoolId = schoolIdOf(principal);
  const table = await readSpreadsheet(upload.data);
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

async function refuseUnlessPreview(ctx: AppContext, schoolId: string, id: string): Promise<never> {
  const status = await findBatchStatus(ctx.db, schoolId, id);
  if (!status) throw batchNotFound();
  throw conflict(
    'import_not_in_preview',
    status === 'cancelled' ? 'Этот импорт отменён — загрузите файл заново' : 'Этот импорт уже подтверждён: его нельзя подтвердить или отменить ещё раз',
  );
}

/** The school confirms a preview; a job writes the rows in chunks, reporting progress as it goes. */
export async function confirmImport(ctx: AppContext, principal: Principal, id: string, actor: AuditActor): Promise<ImportBatchView> {
  const schoolId = schoolIdOf(principal);
  const queued = await inTransaction(ctx.db, async (tx, afterCommit) => {
    if (!(await queueBatch(tx, schoolId, id))) return false;
    await recordAudit(tx, actor, 'import.confirmed', id);
    afterCommit(() => ctx.jobs.send(IMPORT_JOB, { batchId: id, actor } satisfies ImportJobData, { singletonKey: id }));
    return true;
  });
  if (!queued) await refuseUnlessPreview(ctx, schoolId, id);
  return viewImport(ctx, principal, id);
}

export async function cancelImport(ctx: AppContext, principal: Principal, id: string, actor: AuditActor): Promise<void> {
  const schoolId = schoolIdOf(principal);
  const cancelled = await inTransaction(ctx.db, async (tx) => {
    if (!(await cancelPreview(tx, schoolId, id))) return false;
    await recordAudit(tx, actor, 'import.cancelled', id);
    return true;
  });
  if (!cancelled) await refuseUnlessPreview(ctx, schoolId, id);
}

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

/**
 * Writes one chunk in one transaction: the state is read again (the preview may be hours old),
 * new pupils are created with multi-row statements and no password hashing, their sign-in mails
 * go to the outbox, existing profiles join the school, and the progress moves on.
 */
async function writeChunk(ctx: AppContext, batchId: string, school: SchoolRow, rows: ImportRow[], actor: AuditActor): Promise<void> {
  const entries = rows.map((row) => ({ row, identity: identityOf(ctx, row) }));
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const placements = await placeRows(tx, school.id, entries, { lock: true });
    const result: ChunkResult = { processed: rows.length, created: 0, matched: 0, skipped: 0, failed: 0, outcomes: [] };
    const creates: typeof entries = [];
    const attaches: Array<{ accountId: string; grade: number }> = [];
    entries.forEach((entry, i) => {
      const { row } = entry;
      const placement = placements[i]!;
      switch (placement.kind) {
        case 'create':
          creates.push(entry);
          break;
        case 'attach':
          attaches.push({ accountId: placement.accountId, grade: row.grade });
          result.matched++;
          result.outcomes.push({ row: row.row, outcome: 'matched', message: IMPORT_OUTCOME_LABELS.matched });
          break;
        case 'already_here':
          result.skipped++;
          result.outcomes.push({ row: row.row, outcome: 'already_registered', message: IMPORT_OUTCOME_LABELS.already_registered });
          break;
        case 'refused':
          result.failed++;
          result.outcomes.push({ row: row.row, outcome: 'failed', message: placement.message });
      }
    });

    if (creates.length > 0) {
      const created = await insertAccounts(
        tx,
        creates.map(({ row }) => ({
          role: 'participant',
          email: row.email,
          status: 'pending',
          lastName: row.lastName,
          firstName: row.firstName,
          middleName: row.middleName,
          birthDate: row.birthDate,
          phone: row.phone,
        })),
      );
      const idByEmail = new Map(created.map((a) => [a.email, a.id]));
      const accountIdOf = (row: ImportRow) => idByEmail.get(row.email)!;
      await insertProfiles(
        tx,
        creates.map(({ row, identity }) => ({
          accountId: accountIdOf(row),
          grade: row.grade,
          regionId: school.regionId,
          cityId: school.cityId,
          schoolId: school.id,
          snilsEnc: ctx.pd.encrypt(row.snils),
          identityBidx: identity,
          documentType: row.document?.type ?? null,
          documentNumberEnc: row.document ? ctx.pd.encrypt(row.document.number) : null,
          hasOvz: row.hasOvz,
        })),
      );
      const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_MS.child_sign_in);
      const links = creates.map(({ row }) => ({ row, accountId: accountIdOf(row), token: randomToken() }));
      await insertSignInTokens(tx, links.map((l) => ({ accountId: l.accountId, tokenHash: hashToken(l.token), expiresAt })));
      await ctx.mail.queueMany(
        tx,
        afterCommit,
        links.map((l) => ({
          to: l.row.email,
          content: mailTemplates.registeredBySchool({ firstName: l.row.firstName, schoolName: school.name, url: signInUrl(ctx, l.token) }),
        })),
      );
      await recordAuditMany(tx, actor, 'participant.registered_by_school', links.map((l) => ({ subjectId: l.accountId, details: { importId: batchId } })));
      result.created = creates.length;
    }
    await attachToSchool(tx, school, attaches);
    await recordAuditMany(tx, actor, 'participant.matched_by_school', attaches.map((a) => ({ subjectId: a.accountId, details: { importId: batchId } })));
    await advanceBatch(tx, batchId, result);
  });
}

/**
 * The import job: writes the confirmed rows chunk by chunk from where the progress says it stopped,
 * so a worker that died mid-way resumes without writing a row twice.
 */
export async function runImport(ctx: AppContext, batchId: string, actor: AuditActor, log: FastifyBaseLogger): Promise<void> {
  const batch = await startBatch(ctx.db, batchId);
  if (!batch) return;
  const school = await findSchool(ctx.db, batch.schoolId);
  const rows = batch.payloadEnc ? (JSON.parse(ctx.pd.decrypt(batch.payloadEnc)) as ImportRow[]) : [];
  let offset = batch.processedRows - (batch.totalRows - rows.length);
  try {
    if (!school) throw new Error(`school ${batch.schoolId} of import ${batchId} is gone`);
    while (offset < rows.length) {
      const chunk = rows.slice(offset, offset + IMPORT_CHUNK_ROWS);
      for (let attempt = 1; ; attempt++) {
        try {
          await writeChunk(ctx, batchId, school, chunk, actor);
          break;
        } catch (err) {
          // A pupil registered by someone else meanwhile breaks a unique index; the next try sees it.
          if (attempt >= CHUNK_ATTEMPTS || !isUniqueViolation(err)) throw err;
        }
      }
      offset += chunk.length;
    }
  } catch (err) {
    log.error({ err, batchId }, 'participants import failed');
    await inTransaction(ctx.db, async (tx) => {
      await finishBatch(tx, batchId, 'failed');
      await recordAudit(tx, actor, 'import.finished', batchId, { status: 'failed' });
    });
    return;
  }
  await inTransaction(ctx.db, async (tx) => {
    await finishBatch(tx, batchId, 'done');
    await recordAudit(tx, actor, 'import.finished', batchId, { status: 'done' });
  });
}

export async function cancelAbandonedPreviews(ctx: AppContext): Promise<void> {
  await cancelStalePreviews(ctx.db, new Date(Date.now() - 24 * 3_600_000));
}

