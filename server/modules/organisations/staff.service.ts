import { sql } from 'drizzle-orm';
import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import { badRequest, conflict, notFound } from '@server/lib/errors.js';
import { ROLE_LABELS, type Role } from '@common/roles.js';
import type { InviteStaff, OwnProfile, StaffListQuery } from '@common/schemas/organisations.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { disableAccount, updateContactDetails } from '../identity/index.js';
import { findOrganisation } from './organisations.repository.js';
import { assertCompetencies } from './organisations.service.js';
import { canInvite, canManageStaff, canSeeStaff, canUpdateStaff, type Scope } from './organisations.policy.js';
import { findRegion, regionName } from './regions.repository.js';
import { findStaffMember, listStaff, listStaffCompetencies, setStaffCompetencies, updateStaffProfile } from './staff.repository.js';
import { accountName, inviteStaff, sendStaffInvitation } from './staff-invitations.service.js';

const staffNotFound = () => notFound('Сотрудник не найден');

/** The list condition matching canSeeStaff, so a list never shows what a card would refuse. */
function staffScopeSql(scope: Scope) {
  switch (scope.role) {
    case 'issuer_admin':
      return null;
    case 'regional_coordinator':
      return sql`sp.region_id = ${scope.regionId}`;
    case 'school':
      return sql`sp.school_id = ${scope.schoolId}`;
    case 'venue':
      return sql`sp.venue_id = ${scope.venueId}`;
    default:
      return sql`sp.account_id = ${scope.accountId}`;
  }
}

export function findStaff(ctx: AppContext, scope: Scope, query: StaffListQuery) {
  return listStaff(ctx.db, query, staffScopeSql(scope));
}

/** Where a staff member works, as its invitation e-mail names it. */
async function workplaceName(tx: Tx, member: { role: Role; regionId: number | null; schoolId: string | null; venueId: string | null }): Promise<string> {
  if (member.schoolId) return (await findOrganisation(tx, 'school', member.schoolId))?.name ?? '';
  if (member.venueId) return (await findOrganisation(tx, 'venue', member.venueId))?.name ?? '';
  if (member.role === 'regional_coordinator' && member.regionId) return regionName(tx, member.regionId);
  return 'Оператор программы «Билет в будущее»';
}

/**
 * The issuer appoints coordinators (to a region) and its own staff; a school its navigators and
 * colleagues; a venue its mentors and colleagues. The new member works in the inviter's scope.
 */
export async function inviteStaffMember(ctx: AppContext, scope: Scope, input: InviteStaff, actor: AuditActor): Promise<{ id: string }> {
  const role = input.role as Role;
  if (!canInvite(scope, role)) {
    throw badRequest('role_not_allowed', `Вы не можете приглашать сотрудников с ролью «${ROLE_LABELS[role]}»`, { role: 'Выберите другую роль' });
  }
  if (role === 'regional_coordinator' && !input.regionId) {
    throw badRequest('invalid_input', 'Выберите регион координатора', { regionId: 'Выберите регион' });
  }
  if (input.competencyIds && role !== 'mentor') {
    throw badRequest('invalid_input', 'Компетенции указываются только у наставников', { competencyIds: 'Компетенции — только у наставников' });
  }
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    if (role === 'regional_coordinator' && !(await findRegion(tx, input.regionId!))) {
      throw badRequest('invalid_input', 'Проверьте введённые данные', { regionId: 'Такого региона нет' });
    }
    // A coordinator works in the region it is appointed to; the issuer's own staff in no region.
    const regionId = role === 'regional_coordinator' ? input.regionId! : scope.role === 'issuer_admin' ? null : scope.regionId;
    const invitee = { ...input, role, regionId, schoolId: scope.schoolId, venueId: scope.venueId };
    await assertCompetencies(tx, input.competencyIds);
    const inviter = { name: await accountName(tx, scope.accountId), organisation: await workplaceName(tx, invitee) };
    const { accountId } = await inviteStaff(ctx, tx, afterCommit, invitee, inviter, actor);
    if (input.competencyIds) await setStaffCompetencies(tx, accountId, input.competencyIds);
    return { id: accountId };
  });
}

async function managedMember(tx: Tx, scope: Scope, id: string, allowed: (s: Scope, t: NonNullable<Awaited<ReturnType<typeof findStaffMember>>>) => boolean) {
  const member = await findStaffMember(tx, id);
  if (!member || !canSeeStaff(scope, member) || !allowed(scope, member)) throw staffNotFound();
  return member;
}

/**
 * Removing keeps the account and everything it did (the audit and the organisation's history need
 * them); it only closes the door: the account is disabled and its sessions end.
 */
export async function removeStaffMember(ctx: AppContext, scope: Scope, id: string, actor: AuditActor): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const member = await managedMember(tx, scope, id, canManageStaff);
    if (member.status === 'disabled') throw conflict('already_removed', 'Доступ этого сотрудника уже закрыт');
    await disableAccount(tx, id);
    await recordAudit(tx, actor, 'staff.removed', id, { role: member.role });
  });
}

export async function resendStaffInvitation(ctx: AppContext, scope: Scope, id: string, actor: AuditActor): Promise<void> {
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const member = await managedMember(tx, scope, id, canManageStaff);
    if (member.status !== 'pending') throw conflict('invitation_used', 'Сотрудник уже принял приглашение');
    const inviter = { name: await accountName(tx, scope.accountId), organisation: await workplaceName(tx, member) };
    await sendStaffInvitation(ctx, tx, afterCommit, { id, email: member.email, firstName: member.firstName, role: member.role }, inviter);
    await recordAudit(tx, actor, 'staff.invitation_resent', id, { role: member.role });
  });
}

export async function updateStaffMember(
  ctx: AppContext,
  scope: Scope,
  id: string,
  input: { position?: string | null | undefined; competencyIds?: number[] | undefined },
  actor: AuditActor,
): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    await managedMember(tx, scope, id, canUpdateStaff);
    await assertCompetencies(tx, input.competencyIds);
    if (input.position !== undefined) await updateStaffProfile(tx, id, { position: input.position });
    if (input.competencyIds) await setStaffCompetencies(tx, id, input.competencyIds);
    await recordAudit(tx, actor, 'staff.updated', id, { fields: Object.keys(input).join(',') });
  });
}

/** The signed-in staff member's own card: who, where, what it teaches. */
export async function describeOwnProfile(ctx: AppContext, accountId: string) {
  const member = await findStaffMember(ctx.db, accountId);
  if (!member) throw staffNotFound();
  const [organisation, region, competencies] = await Promise.all([
    member.schoolId ? findOrganisation(ctx.db, 'school', member.schoolId) : member.venueId ? findOrganisation(ctx.db, 'venue', member.venueId) : undefined,
    member.regionId ? regionName(ctx.db, member.regionId) : null,
    listStaffCompetencies(ctx.db, accountId),
  ]);
  return {
    id: member.accountId,
    role: member.role,
    email: member.email,
    lastName: member.lastName,
    firstName: member.firstName,
    middleName: member.middleName,
    phone: member.phone,
    position: member.position,
    about: member.about,
    region: member.regionId ? { id: member.regionId, name: region ?? '' } : null,
    organisation: organisation ? { kind: organisation.kind, id: organisation.id, name: organisation.name, status: organisation.status, suspendReason: organisation.suspendReason } : null,
    competencies,
    secondFactorEnabled: Boolean(member.totpEnabledAt),
    consentAcceptedAt: member.pdConsentAt?.toISOString() ?? null,
  };
}

export async function updateOwnProfile(ctx: AppContext, scope: Scope, input: OwnProfile, actor: AuditActor): Promise<void> {
  if (input.competencyIds && scope.role !== 'mentor') {
    throw badRequest('invalid_input', 'Компетенции указывают только наставники', { competencyIds: 'Компетенции — только у наставников' });
  }
  await inTransaction(ctx.db, async (tx) => {
    await assertCompetencies(tx, input.competencyIds);
    const { lastName, firstName, middleName, phone, position, about, competencyIds } = input;
    const accountChanges = Object.fromEntries(
      Object.entries({ lastName, firstName, middleName: middleName === undefined ? undefined : middleName || null, phone }).filter(([, v]) => v !== undefined),
    );
    if (Object.keys(accountChanges).length > 0) await updateContactDetails(tx, scope.accountId, accountChanges);
    const profileChanges = Object.fromEntries(Object.entries({ position, about }).filter(([, v]) => v !== undefined));
    if (Object.keys(profileChanges).length > 0) await updateStaffProfile(tx, scope.accountId, profileChanges);
    if (competencyIds) await setStaffCompetencies(tx, scope.accountId, competencyIds);
    await recordAudit(tx, actor, 'profile.updated', scope.accountId, { fields: Object.keys(input).join(',') });
  });
}
