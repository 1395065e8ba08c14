export { auditEntriesAbout, recordAudit, recordAuditMany, type AuditActor, type AuditAction, type AuditEntryAbout } from './audit.repository.js';
export { purgeAuditBefore } from './retention.repository.js';
export { auditReviewRoutes } from './audit-review.routes.js';
export { AUDIT_ALERTS_CRON, AUDIT_ALERTS_JOB, registerAuditJobs } from './audit.jobs.js';
export { raiseRevealAlerts } from './audit-review.service.js';
