import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '@server/context.js';
import { PD_KEY_ROTATION_JOB, runRotation } from './pd-keys.service.js';

export function registerPdKeyJobs(ctx: AppContext, log: FastifyBaseLogger): void {
  // The retries are for a worker still on the previous key, which refuses the run before starting it
  // so one with the new key takes it; a failure during the run marks it failed, and pressing rotate again resumes.
  ctx.jobs.define<{ rotationId: string }>(PD_KEY_ROTATION_JOB, (data) => runRotation(ctx, log, data.rotationId), { retryLimit: 5, retryDelay: 30 });
}
