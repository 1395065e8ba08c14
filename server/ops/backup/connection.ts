import pg from 'pg';
import type { Database } from '@server/db/client.js';

/**
 * One database session. A backup reads every table in one snapshot and a restore writes them in one
 * transaction, so both need a single connection rather than the app's pool.
 */
export interface SqlConnection {
  kind: 'pglite' | 'postgres';
  query<T>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function connectPostgres(url: string): Promise<SqlConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    kind: 'postgres',
    query: async <T>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as T[],
    close: () => client.end(),
  };
}

/**
 * The session of an embedded database: PGlite has a single connection by nature, so its executor is
 * that session. Closing it is left to whoever opened the database.
 */
export function embeddedConnection(database: Database): SqlConnection {
  if (database.kind !== 'pglite') throw new Error('A PostgreSQL backup needs its own connection: use connectPostgres');
  return {
    kind: 'pglite',
    query: async <T>(text: string, values?: unknown[]) => (await database.raw.executeSql(text, values)).rows as T[],
    close: async () => undefined,
  };
}
