import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '@server/context.js';
import { PD_KEY_ROTATION_JOB, runRotation } from './pd-keys.service.js';

export function registerPdKeyJobs(ctx: AppContext, log: FastifyBaseLogger): void {
  ctx.jobs.define<{ rotationId: string }>(PD_KEY_ROTATION_JOB, (data) => runRotation(ctx, log, data.rotationId), { retryLimit: 5, retryDelay: 30 });
}
