import type { AppContext } from '@server/context.js';
import { expireHolds } from './hold-expiry.service.js';

export const ENROLMENT_HOLDS_JOB = 'enrolment-holds';

/** Seats held for a parent's answer go back once their time is up, checked every minute. */
export function registerEnrolmentJobs(ctx: AppContext): void {
  ctx.jobs.define(ENROLMENT_HOLDS_JOB, async () => {
    while ((await expireHolds(ctx)) > 0);
  });
}
