import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';

export interface FiguresVersion {
  /** Changes whenever figures or targets change: a dashboard cached under another version is stale. */
  key: string;
  refreshedAt: Date | null;
}

/**
 * The version is read at most once a second per process: a dashboard then costs no query beyond
 * the session's when it is cached. This process's own refreshes and targets forget it at once.
 */
const RECHECK_MS = 1000;
/** Per database: tests run several apps, each on its own, in one process. */
const memos = new WeakMap<Executor, { value: FiguresVersion; at: number }>();

export async function figuresVersion(db: Executor): Promise<FiguresVersion> {
  const now = Date.now();
  const memo = memos.get(db);
  if (memo && now - memo.at < RECHECK_MS) return memo.value;
  const [row] = await queryRows<{ version: string | number; refreshed_at: Date | string | null }>(
    db,
    sql`select version, refreshed_at from kpi_state where id = 1`,
  );
  const refreshedAt = row?.refreshed_at ? new Date(row.refreshed_at) : null;
  const value = { key: `${row?.version ?? 0}@${refreshedAt?.getTime() ?? 0}`, refreshedAt };
  memos.set(db, { value, at: now });
  return value;
}

export function forgetFiguresVersion(db: Executor): void {
  memos.delete(db);
}
