import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '@server/context.js';
import { raiseRevealAlerts } from './audit-review.service.js';

export const AUDIT_ALERTS_JOB = 'audit-pd-reveal-alerts';
/** Every minute: an alert comes within a minute of the threshold being crossed. */
export const AUDIT_ALERTS_CRON = '* * * * *';

export function registerAuditJobs(ctx: AppContext, log: FastifyBaseLogger): void {
  ctx.jobs.define(AUDIT_ALERTS_JOB, async () => {
    const raised = await raiseRevealAlerts(ctx);
    if (raised) log.warn({ raised }, 'personal-data viewing alerts raised');
  });
}
