import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../lib/paths.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories take either the pool or the transaction a service opened. */
export type Executor = Db | Tx;

/** One connection pool's state, for the metrics: how close the process is to waiting for a connection. */
export interface PoolStats {
  pool: 'main' | 'hot';
  max: number;
  total: number;
  idle: number;
  waiting: number;
}

/** Raw SQL access for pg-boss, which brings its own queries. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  raw: SqlExecutor;
  ping(): Promise<boolean>;
  /**
   * A hot read by a fixed statement. On PostgreSQL it is prepared once per connection under its
   * name with one generic plan, so the server neither parses nor plans it again: for the pages
   * everyone opens. Such statements must find their rows by index whatever the parameters.
   */
  prepared<T>(name: string, text: string, values: unknown[]): Promise<T[]>;
  /** Applies the committed SQL migrations; several processes booting at once against PostgreSQL take turns. */
  migrate(): Promise<void>;
  /** The pools' connections now; none for PGlite, which has one connection in-process. */
  poolStats(): PoolStats[];
  close(): Promise<void>;
}

/**
 * Extensions the migrations create; PGlite must load them when it opens (the help centre's
 * typo-tolerant search, the pupils' search by name within a region or school).
 */
export const PGLITE_EXTENSIONS = { pg_trgm };

const migrationsConfig = { migrationsFolder: MIGRATIONS_DIR };
const MIGRATION_LOCK = 727274;

/** PGlite keeps one connection; pg's pool is sized for a web process that also runs jobs. */
export async function openDatabase(opts: { url?: string; dataDir: string; pglite?: PGlite }): Promise<Database> {
  if (opts.url) {
    const size = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    const pool = new pg.Pool({ connectionString: opts.url, max: size });
    pool.on('error', () => undefined);
    // Hot reads go through connections that keep one generic plan per statement: by default the
    // server plans a statement anew for its parameters, which for the longer ones costs more than
    // running them. Other queries keep per-parameter plans on the main pool.
    const hotSize = Math.max(2, Math.ceil(size / 2));
    const hotPool = new pg.Pool({ connectionString: opts.url, max: hotSize, options: '-c plan_cache_mode=force_generic_plan' });
    hotPool.on('error', () => undefined);
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      raw: { executeSql: (text, values) => pool.query(text, values as unknown[]) },
      prepared: async <T>(name: string, text: string, values: unknown[]) => (await hotPool.query({ name, text, values })).rows as T[],
      ping: async () => {
        try {
          await pool.query('select 1');
          return true;
        } catch {
          return false;
        }
      },
      migrate: async () => {
        const conn = await pool.connect();
        try {
          await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
          await migratePg(drizzlePg({ client: conn, schema }), migrationsConfig);
        } finally {
          await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
          conn.release();
        }
      },
      poolStats: () =>
        (
          [
            ['main', pool, size],
            ['hot', hotPool, hotSize],
          ] as const
        ).map(([name, p, max]) => ({ pool: name, max, total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount })),
      close: async () => {
        await Promise.all([pool.end(), hotPool.end()]);
      },
    };
  }
  let client = opts.pglite;
  if (!client) {
    const dir = path.join(opts.dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
    client = await PGlite.create({ dataDir: dir, extensions: PGLITE_EXTENSIONS });
  }
  const pglite = client;
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    raw: {
      async executeSql(text, values) {
        if (!values || values.length === 0) {
          const results = await pglite.exec(text);
          return results[results.length - 1] ?? { rows: [] };
        }
        return pglite.query(text, values as unknown[]);
      },
    },
    prepared: async <T>(_name: string, text: string, values: unknown[]) => (await pglite.query<T>(text, values)).rows,
    ping: async () => {
      try {
        await pglite.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    migrate: () => migratePglite(drizzlePglite({ client: pglite, schema }), migrationsConfig),
    poolStats: () => [],
    close: () => pglite.close(),
  };
}

/** Rows of a hand-written statement; both drivers answer with `{ rows }`. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const dialect = new PgDialect();

/**
 * A hot read built from fragments (filters that apply or not): each shape of its text is prepared
 * under its own name, so every shape is parsed and planned once per connection, as
 * `Database.prepared` does for a fixed statement; the shapes are few, the requests many.
 */
export async function preparedRows<T>(database: Database, name: string, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const shape = crypto.createHash('sha256').update(text).digest('base64url').slice(0, 16);
  return database.prepared<T>(`${name}_${shape}`, text, params);
}

/** How many rows one insert, update or delete (written without `returning`) touched, alike on both drivers. */
export async function countAffected(executor: Executor, statement: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(executor, sql`with d as (${statement} returning 1) select count(*)::int as n from d`);
  return row?.n ?? 0;
}
