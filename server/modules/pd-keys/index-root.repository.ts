import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';

/** The recorded index root, recording this one when none is yet (the first start). */
export async function recordedIndexRoot(executor: Executor, keyId: string): Promise<string> {
  await executor.execute(sql`insert into pd_index_root (id, key_id) values (1, ${keyId}) on conflict (id) do nothing`);
  const [row] = await queryRows<{ key_id: string }>(executor, sql`select key_id from pd_index_root where id = 1`);
  return row!.key_id;
}
