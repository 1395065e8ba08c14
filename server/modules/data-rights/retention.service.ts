import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { DAY_MS, RETENTION, RETENTION_CLASSES, type RetentionClass } from '@common/data-rights.js';
import type { RetentionRunView } from '@common/schemas/data-rights.js';
import { purgeAuditBefore, recordAudit, type AuditActor } from '../audit/index.js';
import { purgeStaleAttempts } from '../diagnostics/index.js';
import { deleteExpiredSessions, neverActivatedPupils, purgeExpiredInvitations } from '../identity/index.js';
import { lastSeasonEndBefore } from '../kpi/index.js';
import { purgeMailBefore } from '../mail/index.js';
import { purgeImportFiles } from '../participants/index.js';
import { finishRetentionRun, latestRetentionRuns, startRetentionRun } from './data-rights.repository.js';
import { eraseBySchedule } from './erasure.service.js';

export const retentionJobName = (dataClass: RetentionClass) => `retention-${dataClass.replaceAll('_', '-')}`;

/** How many never-activated accounts one run erases, each in its own transaction. */
const INACTIVE_BATCH = 500;

const cutoffOf = (dataClass: RetentionClass, now: Date) => new Date(now.getTime() - RETENTION[dataClass].days * DAY_MS);

/** What each class's job removes once its period in RETENTION has passed; each returns the rows it affected. */
const PURGES: Record<RetentionClass, (ctx: AppContext, now: Date, log: FastifyBaseLogger) => Promise<number>> = {
  sessions: (ctx, now) => {
    // A session ends when it expires or when it has been idle for sessionIdleMs, whichever comes first.
    const endedBefore = cutoffOf('sessions', now);
    return deleteExpiredSessions(ctx.db, new Date(endedBefore.getTime() - ctx.config.sessionIdleMs), endedBefore);
  },
  mail: (ctx, now) => purgeMailBefore(ctx.db, cutoffOf('mail', now)),
  import_files: (ctx, now) => purgeImportFiles(ctx.db, cutoffOf('import_files', now)),
  invitations: (ctx, now) => purgeExpiredInvitations(ctx.db, cutoffOf('invitations', now)),
  attempts_in_progress: (ctx, now) => purgeStaleAttempts(ctx.db, cutoffOf('attempts_in_progress', now)),
  audit: (ctx, now) => inTransaction(ctx.db, (tx) => purgeAuditBefore(tx, cutoffOf('audit', now))),
  inactive_accounts: async (ctx, now, log) => {
    const seasonEnd = await lastSeasonEndBefore(ctx.db, cutoffOf('inactive_accounts', now));
    if (!seasonEnd) return 0;
    // The season's last day ends at midnight Moscow time.
    const createdBefore = new Date(new Date(`${seasonEnd}T00:00:00+03:00`).getTime() + DAY_MS);
    const job = retentionJobName('inactive_accounts');
    let erased = 0;
    for (const id of await neverActivatedPupils(ctx.db, createdBefore.toISOString(), INACTIVE_BATCH)) {
      // One account that fails must not stop the others, run after run; it is tried again next time.
      try {
        if (await eraseBySchedule(ctx, id, job, createdBefore)) erased += 1;
      } catch (err) {
        log.error({ accountId: id, job, error: err instanceof Error ? err.message.slice(0, 500) : 'unknown error' }, 'scheduled erasure failed; it is tried again on the next run');
      }
    }
    return erased;
  },
};

/** One run of one class's job, recorded with its start, end and the rows it affected (or its error). */
export async function runRetention(ctx: AppContext, dataClass: RetentionClass, log: FastifyBaseLogger, now: Date = new Date()): Promise<number> {
  const job = retentionJobName(dataClass);
  const runId = await startRetentionRun(ctx.db, job, dataClass, new Date());
  try {
    const rows = await PURGES[dataClass](ctx, now, log);
    await finishRetentionRun(ctx.db, runId, { rowsAffected: rows });
    log.info({ job, rows }, 'retention run finished');
    return rows;
  } catch (err) {
    await finishRetentionRun(ctx.db, runId, { error: err instanceof Error ? err.message.slice(0, 500) : 'unknown error' });
    throw err;
  }
}

/** The retention table and the latest runs of its jobs, for the issuer. */
export async function retentionReport(ctx: AppContext, actor: AuditActor) {
  const runs = await latestRetentionRuns(ctx.db, 200);
  await recordAudit(ctx.db, actor, 'data_rights.retention_viewed', null);
  return {
    classes: RETENTION_CLASSES.map((dataClass) => ({ dataClass, job: retentionJobName(dataClass), ...RETENTION[dataClass] })),
    runs: runs.map(
      (r): RetentionRunView => ({
        job: r.job,
        dataClass: r.dataClass,
        startedAt: r.startedAt.toISOString(),
        finishedAt: r.finishedAt?.toISOString() ?? null,
        rowsAffected: r.rowsAffected,
        error: r.error,
      }),
    ),
  };
}
