import { and, count, eq, gt, inArray, lt, max } from 'drizzle-orm';
import type { Executor } from '@server/db/client.js';
import { sessions, signInFailures, signInLockouts } from '@server/db/schema/index.js';

export async function insertSession(executor: Executor, idHash: string, accountId: string, expiresAt: Date): Promise<void> {
  await executor.insert(sessions).values({ idHash, accountId, expiresAt });
}

export async function deleteSession(executor: Executor, idHash: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteSessionsOfAccount(executor: Executor, accountId: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.accountId, accountId));
}

/** Sessions that expired before `endedBefore` or were last seen before `idleBefore`; returns how many went. */
export async function deleteExpiredSessions(executor: Executor, idleBefore: Date, endedBefore: Date = new Date()): Promise<number> {
  const expired = await executor.delete(sessions).where(lt(sessions.expiresAt, endedBefore)).returning({ idHash: sessions.idHash });
  const idle = await executor.delete(sessions).where(lt(sessions.lastSeenAt, idleBefore)).returning({ idHash: sessions.idHash });
  return expired.length + idle.length;
}

/** The latest lock still in force on any of the keys (the account's and the address's), or null. */
export async function lockedUntil(executor: Executor, keys: string[]): Promise<Date | null> {
  const [row] = await executor
    .select({ until: max(signInLockouts.lockedUntil) })
    .from(signInLockouts)
    .where(and(inArray(signInLockouts.key, keys), gt(signInLockouts.lockedUntil, new Date())));
  return row?.until ?? null;
}

export async function recordFailure(executor: Executor, accountKey: string, ip: string): Promise<void> {
  await executor.insert(signInFailures).values({ accountKey, ip });
}

export async function countFailuresSince(executor: Executor, since: Date, by: { accountKey: string } | { ip: string }): Promise<number> {
  const where =
    'accountKey' in by
      ? and(eq(signInFailures.accountKey, by.accountKey), gt(signInFailures.at, since))
      : and(eq(signInFailures.ip, by.ip), gt(signInFailures.at, since));
  const [row] = await executor.select({ n: count() }).from(signInFailures).where(where);
  return row?.n ?? 0;
}

export async function lockKey(executor: Executor, key: string, until: Date): Promise<void> {
  await executor
    .insert(signInLockouts)
    .values({ key, lockedUntil: until })
    .onConflictDoUpdate({ target: signInLockouts.key, set: { lockedUntil: until } });
}

export async function deleteFailuresBefore(executor: Executor, before: Date): Promise<void> {
  await executor.delete(signInFailures).where(lt(signInFailures.at, before));
  await executor.delete(signInLockouts).where(lt(signInLockouts.lockedUntil, before));
}
