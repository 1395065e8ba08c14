import type { AppContext } from '@server/context.js';
import { deleteExpiredSessions, deleteFailuresBefore } from './auth.repository.js';
import { LOCKOUT } from './auth.service.js';

export const SESSION_CLEANUP_JOB = 'identity-cleanup';

/** Expired sessions and old sign-in failures are purged: they are personal data with no further use. */
export function registerIdentityJobs(ctx: AppContext): void {
  ctx.jobs.define(SESSION_CLEANUP_JOB, async () => {
    await deleteExpiredSessions(ctx.db, new Date(Date.now() - ctx.config.sessionIdleMs));
    await deleteFailuresBefore(ctx.db, new Date(Date.now() - 2 * LOCKOUT.windowMs));
  });
}
