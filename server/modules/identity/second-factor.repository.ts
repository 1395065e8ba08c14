import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '@server/db/client.js';
import { recoveryCodes, staffProfiles } from '@server/db/schema/index.js';

export interface SecondFactorRow {
  totpSecretEnc: string | null;
  totpPendingSecretEnc: string | null;
  totpEnabledAt: Date | null;
}

export async function findSecondFactor(executor: Executor, accountId: string): Promise<SecondFactorRow | undefined> {
  const [row] = await executor
    .select({
      totpSecretEnc: staffProfiles.totpSecretEnc,
      totpPendingSecretEnc: staffProfiles.totpPendingSecretEnc,
      totpEnabledAt: staffProfiles.totpEnabledAt,
    })
    .from(staffProfiles)
    .where(eq(staffProfiles.accountId, accountId));
  return row;
}

export async function totpEnabledFor(executor: Executor, accountId: string): Promise<boolean> {
  return Boolean((await findSecondFactor(executor, accountId))?.totpEnabledAt);
}

/**
 * Writes the staff member's own settings; a staff account created before profiles existed gets
 * its row here rather than being stuck behind a gate it cannot clear.
 */
export async function upsertOwnStaffProfile(
  executor: Executor,
  accountId: string,
  values: Partial<Pick<typeof staffProfiles.$inferInsert, 'pdConsentVersion' | 'pdConsentAt' | 'totpSecretEnc' | 'totpPendingSecretEnc' | 'totpEnabledAt' | 'totpLastStep'>>,
): Promise<void> {
  await executor.insert(staffProfiles).values({ accountId, ...values }).onConflictDoUpdate({ target: staffProfiles.accountId, set: values });
}

/** Accepts a TOTP step only if it is later than every step accepted before; false means a replay. */
export async function advanceTotpStep(executor: Executor, accountId: string, step: number): Promise<boolean> {
  const rows = await executor
    .update(staffProfiles)
    .set({ totpLastStep: step })
    .where(and(eq(staffProfiles.accountId, accountId), or(isNull(staffProfiles.totpLastStep), lt(staffProfiles.totpLastStep, step))))
    .returning({ accountId: staffProfiles.accountId });
  return rows.length > 0;
}

export async function replaceRecoveryCodes(executor: Executor, accountId: string, codeHashes: string[]): Promise<void> {
  await executor.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
  if (codeHashes.length) await executor.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ accountId, codeHash })));
}

/** Marks an unused code used in one statement, so two requests cannot spend it twice. */
export async function useRecoveryCode(executor: Executor, accountId: string, codeHash: string): Promise<boolean> {
  const rows = await executor
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.accountId, accountId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function countRecoveryCodesLeft(executor: Executor, accountId: string): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, accountId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}
