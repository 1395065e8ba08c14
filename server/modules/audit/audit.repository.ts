import { desc, eq } from 'drizzle-orm';
import { auditLog } from '@server/db/schema/index.js';
import type { Executor } from '@server/db/client.js';

/** Who did it and from where; filled from the request by the routes. */
export interface AuditActor {
  actorId: string | null;
  actorRole: string | null;
  ip: string;
  /** The actor's region when the caller already knows it; left out, the log's trigger looks it up. */
  actorRegionId?: number | null;
}

export type AuditAction =
  | 'event.enrolment_cancelled'
  | 'event.enrolment_agreed'
  | 'event.enrolment_declined'
  | 'event.enrolment_reconfirmed'
  | 'event.pupil_events_viewed'
  | 'event.group_enrolled'
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
  | 'family.representative_kind_set'
  | 'pd.correction_requested'
  | 'pd.correction_confirmed'
  | 'pd.correction_refused'
  | 'consent.given'
  | 'consent.withdrawn'
  | 'pd.viewed'
  | 'pd.changed'
  | 'auth.second_factor.enabled'
  | 'auth.second_factor.disabled'
  | 'auth.second_factor.failed'
  | 'auth.second_factor.recovery_used'
  | 'auth.recovery_codes.renewed'
  | 'staff.invited'
  | 'staff.invitation_resent'
  | 'staff.invitation_accepted'
  | 'staff.removed'
  | 'staff.updated'
  | 'staff.consent_given'
  | 'profile.updated'
  | 'region.updated'
  | 'city.created'
  | 'city.renamed'
  | 'city.deleted'
  | 'organisation.registered'
  | 'organisation.updated'
  | 'organisation.suspended'
  | 'organisation.reactivated'
  | 'organisation.instruction_accepted'
  | 'kpi.targets_set'
  | 'kpi.exported'
  | 'place.created'
  | 'place.updated'
  | 'participant.registered_by_school'
  | 'participant.matched_by_school'
  | 'participants.assigned'
  | 'import.previewed'
  | 'import.confirmed'
  | 'import.finished'
  | 'import.cancelled'
  | 'paper_consent.uploaded'
  | 'paper_consent.assigned'
  | 'paper_consent.viewed'
  | 'upload.refused'
  | 'diagnostics.definition_saved'
  | 'diagnostics.version_published'
  | 'diagnostics.test_retired'
  | 'diagnostics.test_restored'
  | 'diagnostics.results_viewed'
  | 'recommendations.viewed'
  | 'reference.updated'
  | 'event.created'
  | 'event.updated'
  | 'event.submitted'
  | 'event.approved'
  | 'event.returned'
  | 'event.published'
  | 'event.cancelled'
  | 'event.moved'
  | 'event.link_issued'
  | 'event.link_revoked'
  | 'event.roster_viewed'
  | 'event.attendance_marked'
  | 'event.feedback_given'
  | 'study_plan.viewed'
  | 'study_plan.saved'
  | 'study_plan.drafted'
  | 'study_plan.published'
  | 'opportunity.created'
  | 'opportunity.updated'
  | 'opportunity.archived'
  | 'opportunities.imported'
  | 'support.request_viewed'
  | 'support.answered'
  | 'support.assigned'
  | 'support.status_changed'
  | 'support.merged'
  | 'support.intake_overridden'
  | 'help.article_saved'
  | 'help.article_published'
  | 'help.article_restored'
  | 'help.image_uploaded'
  | 'help.contacts_updated'
  | 'audit.exported'
  | 'audit.person_shown'
  | 'pd_keys.rotation_started'
  | 'pd_keys.rotation_finished'
  | 'data_rights.archive_downloaded'
  | 'data_rights.erasure_requested'
  | 'data_rights.erasure_cancelled'
  | 'data_rights.erased'
  | 'data_rights.retention_viewed';

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
    actorRegionId: actor.actorRegionId ?? null,
    action,
    subjectId,
    ip: actor.ip,
    details,
  });
}

/** The same action on many subjects at once (a bulk import, an assignment of many pupils), in one statement. */
export async function recordAuditMany(
  executor: Executor,
  actor: AuditActor,
  action: AuditAction,
  entries: ReadonlyArray<{ subjectId: string; details?: Record<string, string | number | boolean | null> }>,
): Promise<void> {
  if (entries.length === 0) return;
  await executor.insert(auditLog).values(
    entries.map((e) => ({
      actorId: actor.actorId,
      actorRole: actor.actorRole,
      actorRegionId: actor.actorRegionId ?? null,
      action,
      subjectId: e.subjectId,
      ip: actor.ip,
      details: e.details ?? {},
    })),
  );
}

export interface AuditEntryAbout {
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
}

/** The newest entries whose subject is the person: who did what with its data, and when (art. 14). */
export async function auditEntriesAbout(executor: Executor, subjectId: string, limit: number): Promise<AuditEntryAbout[]> {
  return executor
    .select({ at: auditLog.at, actorId: auditLog.actorId, actorRole: auditLog.actorRole, action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.subjectId, subjectId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
