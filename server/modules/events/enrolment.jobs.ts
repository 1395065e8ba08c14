import type { AppContext } from '@server/context.js';
import { ANNOUNCEMENT_BATCH, announceLinkEnrolments } from './enrolment-announcements.js';
import { expireHolds } from './hold-expiry.service.js';

export const ENROLMENT_HOLDS_JOB = 'enrolment-holds';
/** Nudged by every link enrolment; scheduled every minute for what a stopped process left. */
export const ENROLMENT_ANNOUNCEMENTS_JOB = 'enrolment-announcements';

/** Seats held for a parent's answer go back once their time is up, checked every minute. */
export function registerEnrolmentJobs(ctx: AppContext): void {
  ctx.jobs.define(ENROLMENT_HOLDS_JOB, async () => {
    while ((await expireHolds(ctx)) > 0);
  });
  ctx.jobs.define(ENROLMENT_ANNOUNCEMENTS_JOB, async () => {
    while ((await announceLinkEnrolments(ctx)) === ANNOUNCEMENT_BATCH);
  });
}
