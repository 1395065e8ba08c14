export { recordAudit, recordAuditMany, type AuditActor, type AuditAction } from './audit.repository.js';
