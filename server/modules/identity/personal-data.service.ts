import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { badRequest, notFound } from '@server/lib/errors.js';
import { documentTypeForAge } from '@common/participation.js';
import type { ParticipantProfileUpdate } from '@common/schemas/identity.js';
import {
  ageOn,
  formatSnils,
  normalizeBirthCertificate,
  normalizePassport,
  todayInMoscow,
} from '@common/validators.js';
import type { Principal } from '@server/plugins/session.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { findAccountById, findParentProfile, findParticipantProfile, updateAccount, updateParticipantProfile } from './accounts.repository.js';
import { linkExists } from './family.repository.js';

/** Only the pupil itself and its linked parents may see or change its personal data; others get 404. */
async function assertMayAccessChild(ctx: AppContext, principal: Principal, childId: string): Promise<void> {
  if (principal.role === 'participant' && principal.accountId === childId) return;
  if (principal.role === 'parent' && (await linkExists(ctx.db, principal.accountId, childId))) return;
  throw notFound('Ребёнок не найден');
}

/** Decrypts a pupil's sensitive fields for an allowed viewer and records that they were seen. */
export async function viewParticipantPersonalData(ctx: AppContext, principal: Principal, childId: string, actor: AuditActor) {
  await assertMayAccessChild(ctx, principal, childId);
  const profile = await findParticipantProfile(ctx.db, childId);
  if (!profile) throw notFound('Ребёнок не найден');
  await recordAudit(ctx.db, actor, 'pd.viewed', childId, { fields: 'snils,document,ovz' });
  return {
    snils: formatSnils(ctx.pd.decrypt(profile.snilsEnc)),
    document: profile.documentType && profile.documentNumberEnc
      ? { type: profile.documentType as 'passport' | 'birth_certificate', number: ctx.pd.decrypt(profile.documentNumberEnc) }
      : null,
    hasOvz: profile.hasOvz,
    ovzDetails: profile.ovzDetailsEnc ? ctx.pd.decrypt(profile.ovzDetailsEnc) : null,
  };
}

export async function viewParentPersonalData(ctx: AppContext, parentId: string, actor: AuditActor) {
  const profile = await findParentProfile(ctx.db, parentId);
  if (!profile) throw notFound();
  await recordAudit(ctx.db, actor, 'pd.viewed', parentId, { fields: 'snils' });
  return { snils: formatSnils(ctx.pd.decrypt(profile.snilsEnc)) };
}

function normalizeDocument(type: 'passport' | 'birth_certificate', number: string, age: number) {
  const expected = documentTypeForAge(age);
  if (type !== expected) {
    throw badRequest('invalid_input', 'Проверьте введённые данные', {
      'document.documentType': expected === 'passport'
        ? 'С 14 лет документ — паспорт гражданина РФ'
        : 'До 14 лет документ — свидетельство о рождении',
    });
  }
  const normalized = type === 'passport' ? normalizePassport(number) : normalizeBirthCertificate(number);
  if (!normalized) {
    throw badRequest('invalid_input', 'Проверьте введённые данные', {
      'document.documentNumber': type === 'passport'
        ? 'Паспорт: 4 цифры серии и 6 цифр номера, например 45 06 123456'
        : 'Свидетельство: серия и номер, например IV-МЮ 123456',
    });
  }
  return normalized;
}

/** Changes a pupil's contact and sensitive fields; the audit names the fields, never their values. */
export async function updateParticipantPersonalData(
  ctx: AppContext,
  principal: Principal,
  childId: string,
  input: ParticipantProfileUpdate,
  actor: AuditActor,
) {
  await assertMayAccessChild(ctx, principal, childId);
  await inTransaction(ctx.db, async (tx) => {
    const account = await findAccountById(tx, childId);
    if (!account?.birthDate) throw notFound('Ребёнок не найден');
    const changes: Parameters<typeof updateParticipantProfile>[2] = {};
    const changed: string[] = [];
    if (input.document !== undefined) {
      changed.push('document');
      if (input.document === null) {
        Object.assign(changes, { documentType: null, documentNumberEnc: null });
      } else {
        const number = normalizeDocument(input.document.documentType, input.document.documentNumber, ageOn(account.birthDate, todayInMoscow()));
        Object.assign(changes, { documentType: input.document.documentType, documentNumberEnc: ctx.pd.encrypt(number) });
      }
    }
    if (input.hasOvz !== undefined) {
      changed.push('has_ovz');
      changes.hasOvz = input.hasOvz;
      if (!input.hasOvz) changes.ovzDetailsEnc = null;
    }
    if (input.ovzDetails !== undefined && input.hasOvz !== false) {
      changed.push('ovz_details');
      changes.ovzDetailsEnc = input.ovzDetails ? ctx.pd.encrypt(input.ovzDetails) : null;
    }
    if (Object.keys(changes).length > 0) await updateParticipantProfile(tx, childId, changes);
    if (input.phone !== undefined) {
      changed.push('phone');
      await updateAccount(tx, childId, { phone: input.phone });
    }
    if (changed.length > 0) await recordAudit(tx, actor, 'pd.changed', childId, { fields: changed.join(',') });
  });
}
