import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import { AppError, gone } from '@server/lib/errors.js';
import { hashPassword, assertPasswordNotCommon, verifyPassword } from '@server/lib/passwords.js';
import { hashToken, randomToken } from '@server/lib/tokens.js';
import { normalizeEmail } from '@common/validators.js';
import type { Role } from '@common/roles.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { mailTemplates } from '../mail/index.js';
import { findAccountById, findPasswordAccountByEmail, updateAccount } from './accounts.repository.js';
import {
  countFailuresSince,
  deleteSession,
  deleteSessionsOfAccount,
  insertSession,
  lockKey,
  lockedUntil,
  recordFailure,
} from './auth.repository.js';
import { totpEnabledFor } from './second-factor.repository.js';
import { claimToken, issueToken } from './tokens.repository.js';

export const LOCKOUT = { windowMs: 15 * 60_000, perAccount: 10, perAddress: 50 } as const;

/** The one answer for a wrong password, an unknown e-mail and a locked account: nothing to probe. */
export const badCredentials = () => new AppError('bad_credentials', 401, 'Неверная электронная почта или пароль');

export interface NewSession {
  token: string;
  accountId: string;
  role: Role;
}

/** Opens a new server-side session; the caller sets the cookie. */
export async function openSession(ctx: AppContext, accountId: string, role: Role, previousHash: string | null): Promise<NewSession> {
  const token = randomToken();
  await inTransaction(ctx.db, async (tx) => {
    if (previousHash) await deleteSession(tx, previousHash);
    await insertSession(tx, hashToken(token), accountId, new Date(Date.now() + ctx.config.sessionAbsoluteMs));
  });
  return { token, accountId, role };
}

/** The lockout key of an e-mail: keyed, so the failure table names no address. */
export const accountKeyOf = (ctx: AppContext, email: string) => `acct:${ctx.pd.blindIndex(`email:${normalizeEmail(email)}`)}`;

/**
 * Counts one failed attempt (a wrong password or a wrong second-factor code) and locks the account's
 * key or the address once it crossed its limit within the window.
 */
export async function recordSignInFailure(tx: Tx, accountKey: string, ip: string): Promise<void> {
  await recordFailure(tx, accountKey, ip);
  const since = new Date(Date.now() - LOCKOUT.windowMs);
  const until = new Date(Date.now() + LOCKOUT.windowMs);
  if ((await countFailuresSince(tx, since, { accountKey })) >= LOCKOUT.perAccount) await lockKey(tx, accountKey, until);
  if ((await countFailuresSince(tx, since, { ip })) >= LOCKOUT.perAddress) await lockKey(tx, `ip:${ip}`, until);
}

/** A correct password of an account with a second factor: the code must follow within minutes. */
export interface SecondFactorChallenge {
  challenge: string;
}

/**
 * E-mail and password sign-in with lockout: 10 failures for one e-mail or 50 from one address
 * within 15 minutes lock further attempts for 15 minutes, answered exactly like a wrong password.
 * An account with a second factor gets a challenge instead of a session.
 */
export async function signInWithPassword(
  ctx: AppContext,
  input: { email: string; password: string },
  actor: AuditActor,
  previousHash: string | null,
): Promise<NewSession | SecondFactorChallenge> {
  const accountKey = accountKeyOf(ctx, input.email);
  const ipKey = `ip:${actor.ip}`;
  const locked = await lockedUntil(ctx.db, [accountKey, ipKey]);
  if (locked) {
    await recordAudit(ctx.db, actor, 'auth.sign_in.locked', null, { until: locked.toISOString() });
    throw badCredentials();
  }
  const account = await findPasswordAccountByEmail(ctx.db, normalizeEmail(input.email));
  const ok = await verifyPassword(account?.passwordHash, input.password);
  if (!account || !ok || account.status === 'disabled') {
    await inTransaction(ctx.db, async (tx) => {
      await recordSignInFailure(tx, accountKey, actor.ip);
      await recordAudit(tx, actor, 'auth.sign_in.failed', account?.id ?? null, { reason: account ? 'password' : 'unknown_account' });
    });
    throw badCredentials();
  }
  if (await totpEnabledFor(ctx.db, account.id)) return { challenge: await issueToken(ctx.db, account.id, 'second_factor') };
  const session = await openSession(ctx, account.id, account.role as Role, previousHash);
  await recordAudit(ctx.db, { ...actor, actorId: account.id, actorRole: account.role }, 'auth.sign_in.succeeded', account.id);
  return session;
}

export async function signOut(ctx: AppContext, sessionHash: string, actor: AuditActor): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    await deleteSession(tx, sessionHash);
    await recordAudit(tx, actor, 'auth.sign_out', actor.actorId);
  });
}

/** Always answers the same, whether or not the address has an account. */
export async function requestPasswordReset(ctx: AppContext, email: string, actor: AuditActor): Promise<void> {
  const account = await findPasswordAccountByEmail(ctx.db, normalizeEmail(email));
  if (!account || account.status === 'disabled') return;
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const token = await issueToken(tx, account.id, 'password_reset');
    await ctx.mail.queue(tx, afterCommit, account.email, mailTemplates.passwordReset({ firstName: account.firstName, url: `${ctx.config.publicUrl}/password/new?token=${token}` }));
    await recordAudit(tx, actor, 'auth.password_reset.requested', account.id);
  });
}

const linkProblem = (state: 'used' | 'expired' | 'unknown', what: string) => {
  if (state === 'used') return gone('token_used', `Эта ссылка уже использована. ${what}`);
  if (state === 'expired') return gone('token_expired', `Срок действия ссылки истёк. ${what}`);
  return new AppError('token_unknown', 404, `Ссылка не найдена — возможно, она скопирована не полностью. ${what}`);
};

/**
 * Sets a password from an e-mailed link: a reset, or a child's first sign-in when a parent created
 * the account. Every other session of the account ends, since the old password may be known to someone.
 */
export async function setPasswordByToken(ctx: AppContext, token: string, password: string, actor: AuditActor): Promise<void> {
  assertPasswordNotCommon(password);
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx.db, async (tx) => {
    const claimed = await claimToken(tx, token, ['password_reset', 'child_sign_in']);
    if (claimed.state !== 'valid') throw linkProblem(claimed.state, 'Запросите новую ссылку на странице входа.');
    const account = await findAccountById(tx, claimed.accountId);
    if (!account || account.status === 'disabled') throw linkProblem('unknown', '');
    await updateAccount(tx, account.id, {
      passwordHash,
      status: 'active',
      emailVerifiedAt: account.emailVerifiedAt ?? new Date(),
    });
    await deleteSessionsOfAccount(tx, account.id);
    await recordAudit(tx, { ...actor, actorId: account.id, actorRole: account.role }, 'auth.password_reset.completed', account.id);
  });
}

/** Confirms the address from the activation e-mail; the account becomes active. */
export async function activateAccount(ctx: AppContext, token: string, actor: AuditActor): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const claimed = await claimToken(tx, token, ['activation']);
    if (claimed.state !== 'valid') throw linkProblem(claimed.state, 'Войдите в кабинет — там можно отправить письмо ещё раз.');
    const account = await findAccountById(tx, claimed.accountId);
    if (!account) throw linkProblem('unknown', '');
    await updateAccount(tx, account.id, { status: account.status === 'disabled' ? 'disabled' : 'active', emailVerifiedAt: new Date() });
    await recordAudit(tx, { ...actor, actorId: account.id, actorRole: account.role }, 'account.activated', account.id);
  });
}

export async function resendActivation(ctx: AppContext, accountId: string): Promise<void> {
  const account = await findAccountById(ctx.db, accountId);
  if (!account || account.emailVerifiedAt) {
    throw new AppError('already_active', 409, 'Адрес уже подтверждён');
  }
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const token = await issueToken(tx, account.id, 'activation');
    await ctx.mail.queue(tx, afterCommit, account.email, mailTemplates.activation({ firstName: account.firstName, url: `${ctx.config.publicUrl}/activate?token=${token}` }));
  });
}
