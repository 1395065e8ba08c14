import { auditLog } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

/** Who did it and from where; filled from the request by the routes. */
export interface AuditActor {
  actorId: string | null;
  actorRole: string | null;
  ip: string;
}

export type AuditAction =
  | 'auth.sign_in.succeeded'
  | 'auth.sign_in.failed'
  | 'auth.sign_in.locked'
  | 'auth.sign_out'
  | 'auth.esia.succeeded'
  | 'auth.esia.failed'
  | 'auth.password_reset.requested'
  | 'auth.password_reset.completed'
  | 'account.registered'
  | 'account.activated'
  | 'account.email_confirmed'
  | 'invitation.sent'
  | 'invitation.resent'
  | 'invitation.revoked'
  | 'invitation.accepted'
  | 'family.linked'
  | 'consent.given'
  | 'consent.withdrawn'
  | 'pd.viewed'
  | 'pd.changed';

/** Written in the caller's transaction, so the record exists exactly when the change does. */
export async function recordAudit(
  executor: Executor,
  actor: AuditActor,
  action: AuditAction,
  subjectId: string | null,
  details: Record<string, string | number | boolean | null> = {},
): Promise<void> {
  await executor.insert(auditLog).values({
    actorId: actor.actorId,
    actorRole: actor.actorRole,
    action,
    subjectId,
    ip: actor.ip,
    details,
  });
}
