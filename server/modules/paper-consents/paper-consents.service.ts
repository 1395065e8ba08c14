import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { AppError, badRequest, forbidden, notFound } from '@server/lib/errors.js';
import { FILE_KINDS } from '@server/lib/file-store/index.js';
import { sanitiseFileName } from '@server/lib/file-names.js';
import type { ReceivedUpload } from '@server/lib/uploads.js';
import type { Principal } from '@server/plugins/session.js';
import { PAPER_CONSENT_LIMITS } from '@common/organisations.js';
import type { PaperConsentListQuery, PaperConsentMimeType, PaperConsentView } from '@common/schemas/paper-consents.js';
import type { ListPage } from '@common/schemas/lists.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { mayAssignPaperConsent, mayReadPaperConsent, paperConsentScope } from './paper-consents.policy.js';
import {
  findPaperConsentFacts,
  findPaperConsentView,
  insertPaperConsent,
  isPupilOfSchool,
  listPaperConsents,
  setPaperConsentParticipant,
} from './paper-consents.repository.js';

const consentNotFound = () => notFound('Скан согласия не найден');
const pupilNotFound = () => notFound('Такого ученика нет среди учеников вашей школы');

export const fileTooLarge = () =>
  new AppError('file_too_large', 413, `Файл больше ${PAPER_CONSENT_LIMITS.maxBytes / 1024 / 1024} МБ. Отсканируйте согласие с меньшим разрешением или сожмите файл`);

function ownSchool(principal: Principal): string {
  if (!principal.schoolId) throw forbidden('Ваша учётная запись не привязана к школе');
  return principal.schoolId;
}

/**
 * Keeps a school's scan: checks the content really is a PDF, JPEG or PNG whatever it is called,
 * seals it into the file store, then writes the row and its audit record. A failed write removes the file, so
 * a refused or failed upload leaves neither a row nor a file.
 */
export async function uploadPaperConsent(
  ctx: AppContext,
  principal: Principal,
  file: Pick<ReceivedUpload, 'data' | 'fileName'>,
  participantId: string | undefined,
  actor: AuditActor,
): Promise<PaperConsentView> {
  const schoolId = ownSchool(principal);
  if (file.data.length === 0) throw badRequest('empty_file', 'Файл пустой. Выберите скан согласия ещё раз');
  if (file.data.length > PAPER_CONSENT_LIMITS.maxBytes) throw fileTooLarge();
  const type = await fileTypeFromBuffer(file.data);
  if (!type || !(PAPER_CONSENT_LIMITS.mimeTypes as readonly string[]).includes(type.mime)) {
    throw new AppError(
      'unsupported_file_type',
      415,
      'Загрузите скан в формате PDF, JPEG или PNG. Формат определяется по содержимому файла, а не по его названию',
    );
  }
  if (participantId && !(await isPupilOfSchool(ctx.db, participantId, schoolId))) throw pupilNotFound();

  const id = crypto.randomUUID();
  const mimeType = type.mime as PaperConsentMimeType;
  await ctx.files.put(FILE_KINDS.paperConsents, id, ctx.pd.files.encrypt(file.data, id));
  try {
    await inTransaction(ctx.db, async (tx) => {
      await insertPaperConsent(tx, {
        id,
        schoolId,
        participantId: participantId ?? null,
        fileName: sanitiseFileName(file.fileName, type.ext, 'согласие'),
        mimeType,
        sizeBytes: file.data.length,
        sha256: crypto.createHash('sha256').update(file.data).digest('hex'),
        uploadedBy: principal.accountId,
      });
      await recordAudit(tx, actor, 'paper_consent.uploaded', id, {
        schoolId,
        participantId: participantId ?? null,
        mimeType,
        sizeBytes: file.data.length,
      });
    });
  } catch (err) {
    await ctx.files.delete(FILE_KINDS.paperConsents, id);
    throw err;
  }
  return (await findPaperConsentView(ctx.db, id))!;
}

/** Leaves a trace of every refused upload: who tried and why, never the file or its name. */
export async function recordRefusedUpload(ctx: AppContext, actor: AuditActor, reason: string): Promise<void> {
  await recordAudit(ctx.db, actor, 'upload.refused', null, { kind: 'paper_consent', reason });
}

/** One page of the scans the reader may see: its school's, its region's, or its children's. */
export async function listReadablePaperConsents(
  ctx: AppContext,
  principal: Principal,
  query: PaperConsentListQuery,
): Promise<ListPage<PaperConsentView>> {
  const scope = paperConsentScope(principal);
  if (!scope) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  return listPaperConsents(ctx.db, scope, query);
}

/** Marks which pupil of the school a scan belongs to, or takes the mark off (null). */
export async function assignPaperConsent(
  ctx: AppContext,
  principal: Principal,
  id: string,
  participantId: string | null,
  actor: AuditActor,
): Promise<PaperConsentView> {
  await inTransaction(ctx.db, async (tx) => {
    const consent = await findPaperConsentFacts(tx, id, principal.accountId, true);
    if (!consent || !mayAssignPaperConsent(principal, consent)) throw consentNotFound();
    if (participantId && !(await isPupilOfSchool(tx, participantId, consent.schoolId))) throw pupilNotFound();
    if (consent.participantId === participantId) return;
    await setPaperConsentParticipant(tx, id, participantId);
    await recordAudit(tx, actor, 'paper_consent.assigned', id, { participantId, previousParticipantId: consent.participantId });
  });
  return (await findPaperConsentView(ctx.db, id))!;
}

export interface OpenedPaperConsent {
  fileName: string;
  mimeType: string;
  data: Buffer;
}

/**
 * Decrypts a scan for a reader the policy allows and records the view; to anyone else the scan does
 * not exist. The whole file is authenticated before a byte of it is sent.
 */
export async function openPaperConsentFile(ctx: AppContext, principal: Principal, id: string, actor: AuditActor): Promise<OpenedPaperConsent> {
  const consent = await findPaperConsentFacts(ctx.db, id, principal.accountId);
  if (!consent || !mayReadPaperConsent(principal, consent)) throw consentNotFound();
  const sealed = await ctx.files.get(FILE_KINDS.paperConsents, id);
  if (!sealed) throw consentNotFound();
  const data = ctx.pd.files.decrypt(sealed, id);
  await recordAudit(ctx.db, actor, 'paper_consent.viewed', id, { participantId: consent.participantId });
  return { fileName: consent.fileName, mimeType: consent.mimeType, data };
}
