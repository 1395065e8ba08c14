import type { AppContext } from '@server/context.js';
import { refreshFigures } from './refresh.service.js';

export const KPI_REFRESH_JOB = 'kpi-refresh';

/** How often the figures are brought up to date; the dashboard states it. The job's cron runs every minute. */
export const KPI_REFRESH_SECONDS = 60;

export function registerKpiJobs(ctx: AppContext): void {
  ctx.jobs.define(KPI_REFRESH_JOB, async () => {
    await refreshFigures(ctx);
  });
}
