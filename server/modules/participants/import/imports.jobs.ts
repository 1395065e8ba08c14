import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '@server/context.js';
import { IMPORT_CLEANUP_JOB, IMPORT_JOB, cancelAbandonedPreviews, runImport, type ImportJobData } from './run-import.js';

export { IMPORT_CLEANUP_JOB };

/** The import writer, retried after a crash (it resumes from its progress), and the hourly clean-up of forgotten previews. */
export function registerImportJobs(ctx: AppContext, log: FastifyBaseLogger): void {
  ctx.jobs.define<ImportJobData>(IMPORT_JOB, (data) => runImport(ctx, data.batchId, data.actor, log), {
    retryLimit: 2,
    retryDelay: 30,
    expireInSeconds: 30 * 60,
  });
  ctx.jobs.define(IMPORT_CLEANUP_JOB, () => cancelAbandonedPreviews(ctx));
}
