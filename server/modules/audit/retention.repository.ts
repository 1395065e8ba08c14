import { sql } from 'drizzle-orm';
import { countAffected, type Executor } from '@server/db/client.js';

/**
 * Retention of the audit log: the append-only trigger lets a row go only when it is older than its
 * legal floor and the transaction names the cutoff (migration 0014), so nothing else can remove one.
 * Must run inside a transaction: the setting lasts only until it ends.
 */
export async function purgeAuditBefore(tx: Executor, before: Date): Promise<number> {
  const cutoff = before.toISOString();
  await tx.execute(sql`select set_config('bilet.audit_purge_before', ${cutoff}, true)`);
  return countAffected(tx, sql`delete from audit_log where at < ${cutoff}::timestamptz`);
}
