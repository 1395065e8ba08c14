import { and, desc, eq, lte } from 'drizzle-orm';
import type { Executor } from '@server/db/client.js';
import { destructionRecords, erasureRequests, retentionRuns, type DestroyedClass } from '@server/db/schema/index.js';

export type ErasureRequestRow = typeof erasureRequests.$inferSelect;

export async function pendingErasureOf(executor: Executor, subjectId: string, lock = false): Promise<ErasureRequestRow | null> {
  const query = executor
    .select()
    .from(erasureRequests)
    .where(and(eq(erasureRequests.subjectId, subjectId), eq(erasureRequests.status, 'pending')));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertErasureRequest(executor: Executor, row: typeof erasureRequests.$inferInsert): Promise<ErasureRequestRow> {
  const [inserted] = await executor.insert(erasureRequests).values(row).returning();
  return inserted!;
}

export async function closeErasureRequest(executor: Executor, id: string, status: 'cancelled' | 'erased', at: Date): Promise<void> {
  await executor.update(erasureRequests).set({ status, closedAt: at }).where(eq(erasureRequests.id, id));
}

/** Requests due by `now`, locked and skipped by any other worker already erasing them. */
export async function claimDueErasures(executor: Executor, now: Date, limit: number): Promise<ErasureRequestRow[]> {
  return executor
    .select()
    .from(erasureRequests)
    .where(and(eq(erasureRequests.status, 'pending'), lte(erasureRequests.dueAt, now)))
    .orderBy(erasureRequests.dueAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function insertDestructionRecord(executor: Executor, row: typeof destructionRecords.$inferInsert): Promise<void> {
  await executor.insert(destructionRecords).values(row);
}

export async function startRetentionRun(executor: Executor, job: string, dataClass: string, startedAt: Date): Promise<number> {
  const [row] = await executor.insert(retentionRuns).values({ job, dataClass, startedAt }).returning({ id: retentionRuns.id });
  return row!.id;
}

export async function finishRetentionRun(executor: Executor, id: number, outcome: { rowsAffected: number } | { error: string }): Promise<void> {
  await executor
    .update(retentionRuns)
    .set({ finishedAt: new Date(), ...('error' in outcome ? { error: outcome.error } : { rowsAffected: outcome.rowsAffected }) })
    .where(eq(retentionRuns.id, id));
}

export async function latestRetentionRuns(executor: Executor, limit: number) {
  return executor.select().from(retentionRuns).orderBy(desc(retentionRuns.startedAt), desc(retentionRuns.id)).limit(limit);
}

export type { DestroyedClass };
