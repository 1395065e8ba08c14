import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '@server/db/client.js';
import { accounts, notifications } from '@server/db/schema/index.js';

export async function insertNotifications(executor: Executor, rows: Array<typeof notifications.$inferInsert>): Promise<void> {
  if (rows.length > 0) await executor.insert(notifications).values(rows);
}

/** Where the e-mail copies of notices go, by account. */
export async function findRecipients(executor: Executor, accountIds: readonly string[]): Promise<Map<string, { email: string; firstName: string }>> {
  const rows = await executor
    .select({ id: accounts.id, email: accounts.email, firstName: accounts.firstName })
    .from(accounts)
    .where(inArray(accounts.id, [...accountIds]));
  return new Map(rows.map((r) => [r.id, { email: r.email, firstName: r.firstName }]));
}

export function listNotifications(executor: Executor, accountId: string, limit = 50) {
  return executor
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.accountId, accountId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

/** Marks one of the caller's own notifications; another person's id matches nothing. */
export async function markNotificationRead(executor: Executor, accountId: string, id: string): Promise<boolean> {
  const rows = await executor
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}
