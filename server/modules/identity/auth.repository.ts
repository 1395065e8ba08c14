import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { sessions, signInFailures, signInLockouts } from '../../db/schema/index.js';

export async function insertSession(executor: Executor, idHash: string, accountId: string, expiresAt: Date): Promise<void> {
  await executor.insert(sessions).values({ idHash, accountId, expiresAt });
}

export async function deleteSession(executor: Executor, idHash: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteSessionsOfAccount(executor: Executor, accountId: string): Promise<void> {
  await executor.delete(sessions).where(eq(sessions.accountId, accountId));
}

export async function deleteExpiredSessions(executor: Executor, idleBefore: Date): Promise<void> {
  await executor.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  await executor.delete(sessions).where(lt(sessions.lastSeenAt, idleBefore));
}

export async function lockedUntil(executor: Executor, keys: string[]): Promise<Date | null> {
  let latest: Date | null = null;
  for (const key of keys) {
    const [row] = await executor
      .select({ until: signInLockouts.lockedUntil })
      .from(signInLockouts)
      .where(and(eq(signInLockouts.key, key), gt(signInLockouts.lockedUntil, new Date())));
    if (row && (!latest || row.until > latest)) latest = row.until;
  }
  return latest;
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
