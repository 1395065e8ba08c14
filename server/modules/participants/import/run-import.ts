import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { isUniqueViolation } from '@server/db/pg-errors.js';
import { hashToken, randomToken } from '@server/lib/tokens.js';
import { IMPORT_OUTCOME_LABELS } from '@common/participants.js';
import { recordAudit, recordAuditMany, type AuditActor } from '@server/modules/audit/index.js';
import { mailTemplates } from '@server/modules/mail/index.js';
import { TOKEN_LIFETIME_MS, announceRegistration } from '@server/modules/identity/index.js';
import { attachToSchool, findSchool, type SchoolRow } from '../participants.repository.js';
import { signInUrl } from '../participants.service.js';
import {
  advanceBatch,
  cancelStalePreviews,
  finishBatch,
  insertAccounts,
  insertProfiles,
  insertSignInTokens,
  startBatch,
  type ChunkResult,
} from './imports.repository.js';
import { identityOf, placeRows } from './placement.js';
import type { ImportRow } from './rows.js';

export const IMPORT_JOB = 'participants-import';
export const IMPORT_CLEANUP_JOB = 'participants-import-cleanup';

/** Rows written per transaction: big enough for multi-row statements to pay off, small enough to lock briefly. */
export const IMPORT_CHUNK_ROWS = 500;
const CHUNK_ATTEMPTS = 3;

export interface ImportJobData {
  batchId: string;
  actor: AuditActor;
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
      announceRegistration(ctx, afterCommit, { scenario: 'import', role: 'participant', count: creates.length });
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

