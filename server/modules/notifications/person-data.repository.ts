import { sql } from 'drizzle-orm';
import { countAffected, queryRows, type Executor } from '@server/db/client.js';

export async function notificationsDataOf(executor: Executor, accountId: string) {
  const rows = await queryRows<{ kind: string; title: string; body: string; created_at: Date; read_at: Date | null }>(
    executor,
    sql`select kind, title, body, created_at, read_at from notifications where account_id = ${accountId} order by created_at`,
  );
  return rows.map((r) => ({ kind: r.kind, title: r.title, body: r.body, at: new Date(r.created_at).toISOString(), readAt: r.read_at ? new Date(r.read_at).toISOString() : null }));
}

export async function eraseNotificationsOf(executor: Executor, accountId: string): Promise<number> {
  return countAffected(executor, sql`delete from notifications where account_id = ${accountId}`);
}
