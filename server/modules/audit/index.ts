export { auditEntriesAbout, recordAudit, recordAuditMany, type AuditActor, type AuditAction, type AuditEntryAbout } from './audit.repository.js';
export { purgeAuditBefore } from './retention.repository.js';
