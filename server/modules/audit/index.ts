export { recordAudit, type AuditActor, type AuditAction } from './audit.repository.js';
