import type { Db, Tx } from './client.js';

export type AfterCommit = (hook: () => Promise<void> | void) => void;

/**
 * Runs work in one transaction; hooks registered through afterCommit run only once it committed,
 * so queued jobs never point at rows that were rolled back.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx, afterCommit: AfterCommit) => Promise<T>): Promise<T> {
  const hooks: Array<() => Promise<void> | void> = [];
  const result = await db.transaction((tx) => work(tx as Tx, (hook) => hooks.push(hook)));
  for (const hook of hooks) await hook();
  return result;
}
