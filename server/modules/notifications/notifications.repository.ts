import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@server/db/client.js';
import { accounts, notifications } from '@server/db/schema/index.js';

export async function insertNotification(executor: Executor, values: typeof notifications.$inferInsert): Promise<void> {
  await executor.insert(notifications).values(values);
}

/** Where the e-mail copy of a notice goes. */
export async function findRecipient(executor: Executor, accountId: string): Promise<{ email: string; firstName: string } | undefined> {
  const [row] = await executor.select({ email: accounts.email, firstName: accounts.firstName }).from(accounts).where(eq(accounts.id, accountId));
  return row;
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
