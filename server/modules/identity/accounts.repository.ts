import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '@server/db/client.js';
import { accounts, parentProfiles, participantProfiles } from '@server/db/schema/index.js';

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;

export async function insertAccount(executor: Executor, values: NewAccount): Promise<AccountRow> {
  const [row] = await executor.insert(accounts).values(values).returning();
  return row!;
}

/** Only accounts that sign in with a password are found by e-mail; parents are ESIA-only. */
export async function findPasswordAccountByEmail(executor: Executor, email: string): Promise<AccountRow | undefined> {
  const [row] = await executor
    .select()
    .from(accounts)
    .where(and(eq(accounts.email, email), ne(accounts.role, 'parent')));
  return row;
}

export async function findAccountById(executor: Executor, id: string): Promise<AccountRow | undefined> {
  const [row] = await executor.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

/** Serialises family-link changes of one child, so two parents cannot both become the third. */
export async function lockAccount(executor: Executor, id: string): Promise<AccountRow | undefined> {
  const [row] = await executor.select().from(accounts).where(eq(accounts.id, id)).for('update');
  return row;
}

export async function updateAccount(executor: Executor, id: string, values: Partial<NewAccount>): Promise<void> {
  await executor.update(accounts).set(values).where(eq(accounts.id, id));
}

export async function emailTaken(executor: Executor, email: string): Promise<boolean> {
  const rows = await executor
    .select({ one: sql`1` })
    .from(accounts)
    .where(and(eq(accounts.email, email), ne(accounts.role, 'parent')))
    .limit(1);
  return rows.length > 0;
}

export type ParticipantProfileRow = typeof participantProfiles.$inferSelect;

export async function insertParticipantProfile(executor: Executor, values: typeof participantProfiles.$inferInsert): Promise<void> {
  await executor.insert(participantProfiles).values(values);
}

export async function identityTaken(executor: Executor, identityBidx: string): Promise<boolean> {
  const rows = await executor
    .select({ one: sql`1` })
    .from(participantProfiles)
    .where(eq(participantProfiles.identityBidx, identityBidx))
    .limit(1);
  return rows.length > 0;
}

export async function findParticipantProfile(executor: Executor, accountId: string): Promise<ParticipantProfileRow | undefined> {
  const [row] = await executor.select().from(participantProfiles).where(eq(participantProfiles.accountId, accountId));
  return row;
}

export async function updateParticipantProfile(
  executor: Executor,
  accountId: string,
  values: Partial<typeof participantProfiles.$inferInsert>,
): Promise<void> {
  await executor
    .update(participantProfiles)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(participantProfiles.accountId, accountId));
}

export type ParentProfileRow = typeof parentProfiles.$inferSelect;

export async function findParentBySubject(executor: Executor, subject: string) {
  const [row] = await executor
    .select({ account: accounts, profile: parentProfiles })
    .from(parentProfiles)
    .innerJoin(accounts, eq(accounts.id, parentProfiles.accountId))
    .where(eq(parentProfiles.esiaSubject, subject));
  return row;
}

export async function findParentBySnils(executor: Executor, snilsBidx: string) {
  const [row] = await executor
    .select({ account: accounts, profile: parentProfiles })
    .from(parentProfiles)
    .innerJoin(accounts, eq(accounts.id, parentProfiles.accountId))
    .where(eq(parentProfiles.snilsBidx, snilsBidx));
  return row;
}

export async function insertParentProfile(executor: Executor, values: typeof parentProfiles.$inferInsert): Promise<void> {
  await executor.insert(parentProfiles).values(values);
}

export async function updateParentProfile(
  executor: Executor,
  accountId: string,
  values: Partial<typeof parentProfiles.$inferInsert>,
): Promise<void> {
  await executor.update(parentProfiles).set(values).where(eq(parentProfiles.accountId, accountId));
}

export async function findParentProfile(executor: Executor, accountId: string): Promise<ParentProfileRow | undefined> {
  const [row] = await executor.select().from(parentProfiles).where(eq(parentProfiles.accountId, accountId));
  return row;
}
