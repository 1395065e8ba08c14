import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '@server/context.js';
import { RETENTION_CLASSES } from '@common/data-rights.js';
import { ERASURE_JOB, eraseDueAccounts } from './erasure.service.js';
import { retentionJobName, runRetention } from './retention.service.js';

export function registerDataRightsJobs(ctx: AppContext, log: FastifyBaseLogger): void {
  ctx.jobs.define(ERASURE_JOB, async () => {
    const erased = await eraseDueAccounts(ctx, log);
    if (erased > 0) log.info({ erased }, 'accounts erased');
  });
  for (const dataClass of RETENTION_CLASSES) {
    ctx.jobs.define(retentionJobName(dataClass), async () => {
      await runRetention(ctx, dataClass, log);
    });
  }
}
