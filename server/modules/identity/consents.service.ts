import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { conflict, notFound } from '@server/lib/errors.js';
import { CONSENT_TEXTS } from '@common/consents.js';
import type { ConsentKind } from '@common/schemas/identity.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { consentLapsed, consentStateOf } from './consent-state.js';
import { findActiveConsent, insertConsent, linkExists, withdrawConsentRow } from './family.repository.js';

const childNotFound = () => notFound('Ребёнок не найден');

/** Gives one consent for a linked child; the version the parent read must be the current text. */
export async function giveConsent(ctx: AppContext, parentId: string, childId: string, kind: ConsentKind, textVersion: string, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx) => {
    if (!(await linkExists(tx, parentId, childId))) throw childNotFound();
    if (CONSENT_TEXTS[kind].version !== textVersion) {
      throw conflict('consent_text_outdated', 'Текст согласия обновился. Обновите страницу и прочитайте новую редакцию');
    }
    const existing = await findActiveConsent(tx, parentId, childId, kind);
    if (existing?.textVersion === textVersion) {
      return { id: existing.id, kind, textVersion: existing.textVersion, givenAt: existing.givenAt.toISOString() };
    }
    // Agreeing to a new edition of the text replaces the consent given to the old one.
    if (existing) await withdrawConsentRow(tx, existing.id);
    const row = await insertConsent(tx, { parentId, childId, kind, textVersion });
    await recordAudit(tx, actor, 'consent.given', childId, { kind, textVersion });
    return { id: row.id, kind, textVersion, givenAt: row.givenAt.toISOString() };
  });
}

/**
 * Withdrawal takes effect at once: everything that checks consent reads the same table. When no
 * other parent's consent of the kind stays in force, its consequences (CONSENT_WITHDRAWAL_CONSEQUENCES)
 * follow in the same transaction.
 */
export async function withdrawConsent(ctx: AppContext, parentId: string, childId: string, kind: ConsentKind, actor: AuditActor) {
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    if (!(await linkExists(tx, parentId, childId))) throw childNotFound();
    const existing = await findActiveConsent(tx, parentId, childId, kind);
    if (!existing) throw conflict('consent_not_given', 'Это согласие сейчас не действует — отзывать нечего');
    await withdrawConsentRow(tx, existing.id);
    await recordAudit(tx, actor, 'consent.withdrawn', childId, { kind, textVersion: existing.textVersion });
    if ((await consentStateOf(tx, childId, kind)) !== 'given') await consentLapsed(ctx, tx, afterCommit, { childId, kind, actor });
  });
}
