import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '@server/context.js';
import { recomputeNorms } from './norms.service.js';

export const NORMS_JOB = 'diagnostics-norms';
/** Nightly, at a quiet hour in Moscow: a computation reads up to twenty thousand results per version and band. */
export const NORMS_CRON = '40 0 * * *';

export function registerDiagnosticsJobs(ctx: AppContext, log: FastifyBaseLogger): void {
  ctx.jobs.define(NORMS_JOB, async () => {
    const computed = await recomputeNorms(ctx, log);
    if (computed.length > 0) log.info({ computed }, 'diagnostic norms recomputed from the platform’s attempts');
  });
}
