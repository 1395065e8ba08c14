export { recordAudit, recordAuditMany, type AuditActor, type AuditAction } from './audit.repository.js';
export { auditReviewRoutes } from './audit-review.routes.js';
export { AUDIT_ALERTS_CRON, AUDIT_ALERTS_JOB, registerAuditJobs } from './audit.jobs.js';
export { raiseRevealAlerts } from './audit-review.service.js';
