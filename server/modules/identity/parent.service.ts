import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { AppError } from '@server/lib/errors.js';
import { isValidSnils, normalizeEmail } from '@common/validators.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import type { EsiaClaims } from './esia/esia-client.js';
import { announceRegistration } from './registration-signal.js';
import {
  findAccountById,
  findParentBySnils,
  findParentBySubject,
  insertAccount,
  insertParentProfile,
  updateAccount,
  updateParentProfile,
} from './accounts.repository.js';

export type EsiaRefusal = 'no_snils' | 'no_email' | 'incomplete_profile' | 'bad_snils';

export class EsiaClaimsError extends Error {
  constructor(readonly reason: EsiaRefusal) {
    super(reason);
  }
}

/** ESIA's word is trusted, but it must carry everything the programme needs to identify a parent. */
export function checkEsiaClaims(claims: EsiaClaims) {
  if (!claims.snils) throw new EsiaClaimsError('no_snils');
  if (!isValidSnils(claims.snils)) throw new EsiaClaimsError('bad_snils');
  if (!claims.email) throw new EsiaClaimsError('no_email');
  if (!claims.lastName || !claims.firstName || !claims.birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(claims.birthDate)) {
    throw new EsiaClaimsError('incomplete_profile');
  }
  return {
    sub: claims.sub,
    snils: claims.snils,
    email: normalizeEmail(claims.email),
    lastName: claims.lastName.slice(0, 100),
    firstName: claims.firstName.slice(0, 100),
    middleName: claims.middleName?.slice(0, 100) || null,
    birthDate: claims.birthDate,
  };
}

/**
 * Finds or creates the parent behind an ESIA identity. The ESIA subject is the key; the SNILS
 * blind index catches the same person arriving under a new subject. Data from ESIA overwrites ours.
 */
export async function upsertParentFromEsia(ctx: AppContext, claims: EsiaClaims, actor: AuditActor) {
  const c = checkEsiaClaims(claims);
  const snilsBidx = ctx.pd.blindIndex(`snils:${c.snils}`);
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const existing = (await findParentBySubject(tx, c.sub)) ?? (await findParentBySnils(tx, snilsBidx));
    const personal = { lastName: c.lastName, firstName: c.firstName, middleName: c.middleName, birthDate: c.birthDate };
    if (existing) {
      if (existing.account.status === 'disabled') throw new AppError('account_disabled', 403, 'Учётная запись заблокирована');
      await updateAccount(tx, existing.account.id, personal);
      await updateParentProfile(tx, existing.account.id, { esiaSubject: c.sub, snilsEnc: ctx.pd.encrypt(c.snils), snilsBidx, esiaEmail: c.email });
      await recordAudit(tx, { ...actor, actorId: existing.account.id, actorRole: 'parent' }, 'auth.esia.succeeded', existing.account.id);
      return { accountId: existing.account.id, status: existing.account.status, isNew: false };
    }
    const account = await insertAccount(tx, {
      role: 'parent',
      email: c.email,
      emailVerifiedAt: new Date(),
      status: 'pending',
      ...personal,
    });
    await insertParentProfile(tx, { accountId: account.id, esiaSubject: c.sub, snilsEnc: ctx.pd.encrypt(c.snils), snilsBidx, esiaEmail: c.email });
    const self = { ...actor, actorId: account.id, actorRole: 'parent' };
    await recordAudit(tx, self, 'account.registered', account.id, { role: 'parent' });
    announceRegistration(ctx, afterCommit, { scenario: 'esia', role: 'parent', count: 1 });
    await recordAudit(tx, self, 'auth.esia.succeeded', account.id);
    return { accountId: account.id, status: account.status, isNew: true };
  });
}

/** The parent checks the data ESIA gave and confirms the contact e-mail; the cabinet opens fully. */
export async function confirmParent(ctx: AppContext, parentId: string, phone: string | undefined, actor: AuditActor) {
  await inTransaction(ctx.db, async (tx) => {
    const account = await findAccountById(tx, parentId);
    if (!account) throw new AppError('not_found', 404, 'Не найдено');
    await updateAccount(tx, parentId, { status: 'active', ...(phone ? { phone } : {}) });
    if (account.status !== 'active') await recordAudit(tx, actor, 'account.email_confirmed', parentId);
  });
}
