import type { AppContext } from '@server/context.js';
import { notFound } from '@server/lib/errors.js';
import { ROLE_LABELS, STAFF_ROLES, type Role } from '@common/roles.js';
import { auditEntriesAbout, recordAudit, type AuditActor } from '../audit/index.js';
import { diagnosticsDataOf } from '../diagnostics/index.js';
import { enrolmentsOfPerson } from '../events/index.js';
import { accountNames, identityDataOf, isParentOf } from '../identity/index.js';
import { notificationsDataOf } from '../notifications/index.js';
import { staffProfileDataOf } from '../organisations/index.js';
import { paperConsentsDataOf } from '../paper-consents/index.js';
import { navigatorOf } from '../participants/index.js';
import { studyPlanDataOf } from '../study-plans/index.js';
import { supportDataOf } from '../support/index.js';
import { pendingErasureOf } from './data-rights.repository.js';
import { subjectOf, type DataRightsCaller } from './data-rights.policy.js';

/** How far back the archive lists who saw the data: the audit log's newest entries about the person. */
const ACCESS_LOG_LIMIT = 5000;

export const ARCHIVE_FORMAT = 'bilet-personal-data/1';

/** The person the caller may read or erase: itself, or a parent's linked child; anyone else is 404. */
export async function resolveSubject(ctx: AppContext, caller: DataRightsCaller, subjectId: string | undefined): Promise<{ id: string; self: boolean }> {
  const subject = subjectOf(caller, subjectId);
  if (!subject || (!subject.self && !(await isParentOf(ctx.db, caller.accountId, subject.id)))) throw notFound('Ребёнок не найден');
  return subject;
}

async function accessLog(ctx: AppContext, subjectId: string) {
  const entries = await auditEntriesAbout(ctx.db, subjectId, ACCESS_LOG_LIMIT);
  const actorIds = [...new Set(entries.flatMap((e) => (e.actorId && e.actorId !== subjectId ? [e.actorId] : [])))];
  const names = new Map((await accountNames(ctx.db, actorIds)).map((a) => [a.id, a]));
  return entries.map((e) => {
    const role = e.actorRole as Role | null;
    const known = e.actorId ? names.get(e.actorId) : undefined;
    // Staff are named; a family member by role, since the archive may leave the family.
    const actor =
      e.actorId === subjectId
        ? 'владелец данных'
        : role && (STAFF_ROLES as readonly string[]).includes(role) && known
          ? `${ROLE_LABELS[role]}: ${known.name}`
          : role
            ? (ROLE_LABELS[role] ?? role)
            : 'платформа';
    return { at: new Date(e.at).toISOString(), actor, actorRole: e.actorRole, action: e.action };
  });
}

/** Everything the platform holds about the person, as one document (art. 14 of 152-FZ), as `readerId` may see it. */
async function collectArchive(ctx: AppContext, subjectId: string, readerId: string) {
  const identity = await identityDataOf(ctx, subjectId);
  if (!identity) throw notFound('Учётная запись не найдена');
  const pupil = identity.account.role === 'participant';
  const staff = (STAFF_ROLES as readonly string[]).includes(identity.account.role);
  const [diagnostics, enrolments, studyPlan, navigator, support, notifications, paperConsents, staffProfile, whoSaw, erasure] = await Promise.all([
    pupil ? diagnosticsDataOf(ctx.db, subjectId) : null,
    pupil ? enrolmentsOfPerson(ctx, subjectId) : [],
    pupil ? studyPlanDataOf(ctx.db, subjectId) : null,
    pupil ? navigatorOf(ctx.db, subjectId) : null,
    supportDataOf(ctx.db, { id: subjectId, email: identity.account.email }, readerId),
    notificationsDataOf(ctx.db, subjectId),
    pupil ? paperConsentsDataOf(ctx.db, subjectId) : [],
    staff ? staffProfileDataOf(ctx.db, subjectId) : null,
    accessLog(ctx, subjectId),
    pendingErasureOf(ctx.db, subjectId),
  ]);
  return {
    format: ARCHIVE_FORMAT,
    generatedAt: new Date().toISOString(),
    operator: 'Программа «Билет в будущее»',
    profile: {
      ...identity.account,
      participant: identity.participantProfile,
      parent: identity.parentProfile,
      staff: staffProfile,
      navigator,
    },
    consents: identity.consents,
    familyLinks: identity.familyLinks,
    corrections: identity.corrections,
    attempts: diagnostics?.attempts ?? [],
    footprint: diagnostics?.footprint ?? null,
    enrolments,
    studyPlan,
    supportRequests: support.requests,
    notifications,
    uploads: { paperConsents, supportAttachments: support.attachments },
    accessLog: whoSaw,
    erasure: erasure && { requestedAt: erasure.requestedAt.toISOString(), dueAt: erasure.dueAt.toISOString() },
  };
}

export type PersonalDataArchive = Awaited<ReturnType<typeof collectArchive>>;

/** The caller's own or its child's archive, recorded in the audit log as personal data seen. */
export async function archiveFor(ctx: AppContext, caller: DataRightsCaller, subjectId: string | undefined, format: 'json' | 'pdf', actor: AuditActor) {
  const subject = await resolveSubject(ctx, caller, subjectId);
  const archive = await collectArchive(ctx, subject.id, caller.accountId);
  await recordAudit(ctx.db, actor, 'data_rights.archive_downloaded', subject.id, { format });
  return archive;
}
