import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { staffProfiles } from '../../db/schema/index.js';

export type StaffProfileRow = typeof staffProfiles.$inferSelect;

export async function insertStaffProfile(executor: Executor, values: typeof staffProfiles.$inferInsert): Promise<void> {
  await executor.insert(staffProfiles).values(values);
}

export async function findStaffProfile(executor: Executor, accountId: string): Promise<StaffProfileRow | undefined> {
  const [row] = await executor.select().from(staffProfiles).where(eq(staffProfiles.accountId, accountId));
  return row;
}

export async function updateStaffProfile(executor: Executor, accountId: string, values: Partial<typeof staffProfiles.$inferInsert>): Promise<void> {
  await executor.update(staffProfiles).set(values).where(eq(staffProfiles.accountId, accountId));
}
