import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '@server/context.js';
import { sendWeeklyDigests } from './kpi-digest.service.js';
import { refreshFigures } from './refresh.service.js';

export const KPI_REFRESH_JOB = 'kpi-refresh';
export const KPI_DIGEST_JOB = 'kpi-digest';

export function registerKpiJobs(ctx: AppContext, log: FastifyBaseLogger): void {
  ctx.jobs.define(KPI_REFRESH_JOB, async () => {
    await refreshFigures(ctx);
  });
  ctx.jobs.define(KPI_DIGEST_JOB, async () => {
    const sent = await sendWeeklyDigests(ctx, log);
    log.info(sent, 'KPI digests queued');
  });
}
