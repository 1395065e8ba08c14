import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';

/** A text column holding field envelopes (`*_enc`), found in the catalogue so a new one is never missed. */
export interface EncryptedColumn {
  table: string;
  column: string;
  primaryKey: string;
  /** The primary key's SQL type, for keyset paging. */
  keyType: string;
}

export async function encryptedColumns(executor: Executor): Promise<EncryptedColumn[]> {
  return queryRows<EncryptedColumn>(
    executor,
    sql`select c.relname as "table", col.attname as "column", pk.attname as "primaryKey", format_type(pk.atttypid, pk.atttypmod) as "keyType"
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
          join pg_attribute col on col.attrelid = c.oid and col.attnum > 0 and not col.attisdropped
          join pg_index i on i.indrelid = c.oid and i.indisprimary and i.indnatts = 1
          join pg_attribute pk on pk.attrelid = c.oid and pk.attnum = i.indkey[0]
         where c.relkind = 'r' and col.attname like '%\\_enc' and col.atttypid = 'text'::regtype
         order by 1, 2`,
  );
}

const ident = (name: string) => sql.identifier(name);

/** How many values of a column each key sealed. */
export async function countByKey(executor: Executor, c: EncryptedColumn): Promise<Array<{ keyId: string; count: number }>> {
  return queryRows(
    executor,
    sql`select split_part(${ident(c.column)}, ':', 2) as "keyId", count(*)::int as count
          from ${ident(c.table)} where ${ident(c.column)} is not null group by 1`,
  );
}

/** The next rows (by primary key, after `after`) whose value another key than `keyId` sealed. */
export async function staleValues(
  executor: Executor,
  c: EncryptedColumn,
  keyId: string,
  after: string | null,
  limit: number,
): Promise<Array<{ id: string; value: string }>> {
  const type = sql.raw(c.keyType);
  const pk = ident(c.primaryKey);
  return queryRows(
    executor,
    sql`select ${pk}::text as id, ${ident(c.column)} as value from ${ident(c.table)}
         where ${ident(c.column)} is not null and split_part(${ident(c.column)}, ':', 2) <> ${keyId}
           ${after === null ? sql`` : sql`and ${pk} > cast(${after} as ${type})`}
         order by ${pk} limit ${limit}`,
  );
}

/**
 * Writes the re-encrypted values, each only where the row still holds the value that was read: a
 * request that changed it meanwhile wrote it under the current key already, and its write wins.
 */
export async function replaceValues(executor: Executor, c: EncryptedColumn, rows: ReadonlyArray<{ id: string; old: string; value: string }>): Promise<number> {
  if (rows.length === 0) return 0;
  const type = sql.raw(c.keyType);
  const values = sql.join(
    rows.map((r) => sql`(cast(${r.id} as ${type}), ${r.old}::text, ${r.value}::text)`),
    sql`, `,
  );
  const updated = await queryRows<{ n: number }>(
    executor,
    sql`with v(id, old, value) as (values ${values}),
         done as (update ${ident(c.table)} t set ${ident(c.column)} = v.value from v
                   where t.${ident(c.primaryKey)} = v.id and t.${ident(c.column)} = v.old returning 1)
         select count(*)::int as n from done`,
  );
  return updated[0]?.n ?? 0;
}

export interface RotationRow {
  id: string;
  targetKeyId: string;
  status: 'running' | 'finished' | 'failed';
  fieldsRewritten: number;
  filesRewritten: number;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  error: string | null;
}

const ROTATION_COLUMNS = sql`id, target_key_id as "targetKeyId", status, fields_rewritten as "fieldsRewritten", files_rewritten as "filesRewritten",
  started_at as "startedAt", updated_at as "updatedAt", finished_at as "finishedAt", error`;

export async function runningRotation(executor: Executor): Promise<RotationRow | undefined> {
  const [row] = await queryRows<RotationRow>(executor, sql`select ${ROTATION_COLUMNS} from pd_key_rotations where status = 'running'`);
  return row;
}

export async function findRotation(executor: Executor, id: string): Promise<RotationRow | undefined> {
  const [row] = await queryRows<RotationRow>(executor, sql`select ${ROTATION_COLUMNS} from pd_key_rotations where id = ${id}`);
  return row;
}

export async function latestRotations(executor: Executor, limit: number): Promise<RotationRow[]> {
  return queryRows<RotationRow>(executor, sql`select ${ROTATION_COLUMNS} from pd_key_rotations order by started_at desc, id desc limit ${limit}`);
}

/** Starts a run unless one is running; the partial unique index decides between two presses at once. */
export async function insertRotation(executor: Executor, targetKeyId: string, startedBy: string | null): Promise<RotationRow | undefined> {
  const [row] = await queryRows<RotationRow>(
    executor,
    sql`insert into pd_key_rotations (target_key_id, started_by) values (${targetKeyId}, ${startedBy})
        on conflict do nothing returning ${ROTATION_COLUMNS}`,
  );
  return row;
}

export async function addProgress(executor: Executor, id: string, fields: number, files: number): Promise<void> {
  await executor.execute(
    sql`update pd_key_rotations set fields_rewritten = fields_rewritten + ${fields}, files_rewritten = files_rewritten + ${files}, updated_at = now()
         where id = ${id}`,
  );
}

export async function finishRotation(executor: Executor, id: string, error: string | null): Promise<void> {
  await executor.execute(
    sql`update pd_key_rotations set status = ${error === null ? 'finished' : 'failed'}, error = ${error}, finished_at = now(), updated_at = now()
         where id = ${id} and status = 'running'`,
  );
}
