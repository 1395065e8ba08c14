import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@server/db/client.js';
import { oneTimeTokens } from '@server/db/schema/index.js';
import { hashToken, randomToken } from '@server/lib/tokens.js';

export type TokenPurpose = 'activation' | 'password_reset' | 'child_sign_in' | 'staff_invitation' | 'second_factor';

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  activation: 24 * 3_600_000,
  password_reset: 3_600_000,
  child_sign_in: 24 * 3_600_000,
  staff_invitation: 7 * 24 * 3_600_000,
  // Between a correct password and the code from the app: long enough to find the phone, no longer.
  second_factor: 5 * 60_000,
};

/** Issues a fresh single-use token; earlier unused ones of the same purpose stop working. */
export async function issueToken(executor: Executor, accountId: string, purpose: TokenPurpose): Promise<string> {
  await executor
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(oneTimeTokens.accountId, accountId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)));
  const token = randomToken();
  await executor.insert(oneTimeTokens).values({
    accountId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
  });
  return token;
}

export type TokenState = { state: 'valid'; accountId: string; id: string } | { state: 'used' | 'expired' | 'unknown' };

/**
 * The token's state without using it up. With `lock` the row stays locked until the transaction
 * ends, so two requests with one token cannot both go on to use it.
 */
export async function inspectToken(executor: Executor, token: string, purposes: readonly TokenPurpose[], lock = false): Promise<TokenState> {
  const query = executor.select().from(oneTimeTokens).where(eq(oneTimeTokens.tokenHash, hashToken(token)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !purposes.includes(row.purpose as TokenPurpose)) return { state: 'unknown' };
  if (row.usedAt) return { state: 'used' };
  if (row.expiresAt.getTime() <= Date.now()) return { state: 'expired' };
  return { state: 'valid', accountId: row.accountId, id: row.id };
}

export async function markTokenUsed(executor: Executor, id: string): Promise<void> {
  await executor.update(oneTimeTokens).set({ usedAt: new Date() }).where(eq(oneTimeTokens.id, id));
}

/** Locks the token row so two clicks on one link cannot both succeed. */
export async function claimToken(executor: Executor, token: string, purposes: readonly TokenPurpose[]): Promise<TokenState> {
  const found = await inspectToken(executor, token, purposes, true);
  if (found.state === 'valid') await markTokenUsed(executor, found.id);
  return found;
}
