import { sql } from 'drizzle-orm';
import { countAffected, type Executor } from '@server/db/client.js';

/** Letters to an address being erased, sent or not; addresses are stored normalised, as the account's is, so outgoing_mail_to_idx finds them. */
export async function eraseMailTo(executor: Executor, address: string): Promise<number> {
  return countAffected(executor, sql`delete from outgoing_mail where "to" = ${address}`);
}

/**
 * Retention: letters written before the cutoff. A letter still unsent by then has long been given
 * up by the sweep, so it goes too.
 */
export async function purgeMailBefore(executor: Executor, before: Date): Promise<number> {
  return countAffected(executor, sql`delete from outgoing_mail where created_at < ${before.toISOString()}::timestamptz`);
}
