import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import { isUniqueViolation } from '@server/db/pg-errors.js';
import { inTransaction } from '@server/db/transaction.js';
import { AppError, badRequest, conflict, notFound } from '@server/lib/errors.js';
import { ORGANISATION_KIND_LABELS, type OrganisationKind } from '@common/organisations.js';
import type { OrganisationListQuery, RegisterSchool, RegisterVenue, UpdateOrganisation } from '@common/schemas/organisations.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { cityInRegion } from '../reference/index.js';
import {
  countExistingCompetencies,
  findDuplicate,
  findOrganisation,
  insertOrganisation,
  listOrganisationStaff,
  listOrganisations,
  listVenueCompetencies,
  lockOrganisation,
  setVenueCompetencies,
  updateOrganisation,
  type OrganisationRow,
} from './organisations.repository.js';
import {
  canChangeLegalIds,
  canEditOrganisationProfile,
  canManageOrganisation,
  canSeeOrganisation,
  type Scope,
} from './organisations.policy.js';
import { accountName, inviteStaff } from './staff-invitations.service.js';
import { regionName } from './regions.repository.js';

const organisationNotFound = (kind: OrganisationKind) => notFound(kind === 'school' ? 'Школа не найдена' : 'Площадка не найдена');

const duplicateError = (kind: OrganisationKind, field: 'inn' | 'name') =>
  conflict(
    'organisation_exists',
    field === 'inn' ? `${ORGANISATION_KIND_LABELS[kind]} с таким ИНН уже зарегистрирована` : `${ORGANISATION_KIND_LABELS[kind]} с таким названием уже есть в регионе`,
    field === 'inn'
      ? { inn: 'Организация с этим ИНН уже есть в программе — найдите её в списке' }
      : { name: 'В регионе уже есть организация с таким названием' },
  );

/** Two registrations racing past the checks meet the unique indexes; they get the same answer. */
function mapUniqueViolation(kind: OrganisationKind, err: unknown): never {
  // On the registration form "email" is the organisation's own; a taken address is the responsible person's.
  if (err instanceof AppError && err.code === 'email_taken') {
    throw conflict('email_taken', err.message, { 'responsible.email': 'Этот адрес уже используется — укажите другой' });
  }
  if (isUniqueViolation(err)) {
    const e = err as { constraint?: string; cause?: { constraint?: string } };
    const constraint = e.constraint ?? e.cause?.constraint ?? '';
    if (constraint.endsWith('_inn_uq')) throw duplicateError(kind, 'inn');
    if (constraint.endsWith('_region_name_uq')) throw duplicateError(kind, 'name');
  }
  throw err;
}

/** Every competency id names an existing competency; shared by venues and their mentors. */
export async function assertCompetencies(tx: Tx, ids: number[] | undefined): Promise<void> {
  if (ids && (await countExistingCompetencies(tx, ids)) !== new Set(ids).size) {
    throw badRequest('invalid_input', 'Проверьте введённые данные', { competencyIds: 'Выберите компетенции из списка' });
  }
}

async function assertCity(tx: Tx, cityId: number | undefined, regionId: number): Promise<void> {
  if (cityId !== undefined && !(await cityInRegion(tx, cityId, regionId))) {
    throw badRequest('invalid_input', 'Проверьте введённые данные', { cityId: 'Выберите город из списка этого региона' });
  }
}

/**
 * A page of the schools or venues the caller may see, by the same rule as canSeeOrganisation:
 * everything for the issuer, the region for its coordinator, its own organisation for staff.
 */
export function findOrganisations(ctx: AppContext, scope: Scope, query: OrganisationListQuery) {
  if (scope.role === 'issuer_admin') return listOrganisations(ctx.db, query, null);
  if (scope.role === 'regional_coordinator') return listOrganisations(ctx.db, query, { regionId: scope.regionId, organisationId: null });
  const own = query.kind === 'school' ? scope.schoolId : scope.venueId;
  if (!own) return Promise.resolve({ items: [], total: 0, page: query.page, pageSize: query.pageSize });
  return listOrganisations(ctx.db, query, { regionId: scope.regionId, organisationId: own });
}

/**
 * The coordinator registers a school or venue of its region and invites its responsible person,
 * who gets the organisation's main account.
 */
export async function registerOrganisation(
  ctx: AppContext,
  scope: Scope,
  kind: OrganisationKind,
  input: RegisterSchool | RegisterVenue,
  actor: AuditActor,
): Promise<{ id: string; responsibleId: string }> {
  const regionId = scope.regionId!;
  try {
    return await inTransaction(ctx.db, async (tx, afterCommit) => {
      await assertCity(tx, input.cityId, regionId);
      const { responsible, ...profile } = input;
      const venue = kind === 'venue' ? (profile as Omit<RegisterVenue, 'responsible'>) : null;
      await assertCompetencies(tx, venue?.competencyIds);
      const duplicate = await findDuplicate(tx, kind, { regionId, inn: input.inn, name: input.name });
      if (duplicate) throw duplicateError(kind, duplicate);
      const id = await insertOrganisation(tx, kind, {
        name: profile.name,
        inn: profile.inn,
        ogrn: profile.ogrn,
        cityId: profile.cityId,
        address: profile.address,
        phone: profile.phone ?? null,
        email: profile.email ?? null,
        website: profile.website ?? null,
        headName: profile.headName ?? null,
        description: venue?.description ?? null,
        regionId,
        createdBy: scope.accountId,
      });
      if (venue) await setVenueCompetencies(tx, id, venue.competencyIds);
      await recordAudit(tx, actor, 'organisation.registered', id, { kind });
      const invited = await inviteStaff(
        ctx,
        tx,
        afterCommit,
        { ...responsible, role: kind, regionId, schoolId: kind === 'school' ? id : null, venueId: kind === 'venue' ? id : null },
        { name: await accountName(tx, scope.accountId), organisation: input.name },
        actor,
      );
      return { id, responsibleId: invited.accountId };
    });
  } catch (err) {
    mapUniqueViolation(kind, err);
  }
}

async function visibleOrganisation(ctx: AppContext, scope: Scope, kind: OrganisationKind, id: string): Promise<OrganisationRow> {
  const org = await findOrganisation(ctx.db, kind, id);
  if (!org || !canSeeOrganisation(scope, org)) throw organisationNotFound(kind);
  return org;
}

/** The organisation card: profile, staff and, for a venue, its competencies. */
export async function describeOrganisation(ctx: AppContext, scope: Scope, kind: OrganisationKind, id: string) {
  const org = await visibleOrganisation(ctx, scope, kind, id);
  const [staff, competencies, region] = await Promise.all([
    listOrganisationStaff(ctx.db, kind, id),
    kind === 'venue' ? listVenueCompetencies(ctx.db, id) : Promise.resolve([]),
    regionName(ctx.db, org.regionId),
  ]);
  return {
    id: org.id,
    kind,
    name: org.name,
    inn: org.inn,
    ogrn: org.ogrn,
    regionId: org.regionId,
    regionName: region,
    cityId: org.cityId,
    address: org.address,
    phone: org.phone,
    email: org.email,
    website: org.website,
    headName: org.headName,
    description: org.description ?? null,
    status: org.status,
    suspendedAt: org.suspendedAt?.toISOString() ?? null,
    suspendReason: org.suspendReason,
    createdAt: org.createdAt.toISOString(),
    competencies,
    staff,
    permissions: {
      edit: canEditOrganisationProfile(scope, org),
      manage: canManageOrganisation(scope, org),
      changeLegalIds: canChangeLegalIds(scope, org),
    },
  };
}

/** The organisation or its coordinator keeps the profile; ИНН/ОГРН only the coordinator. */
export async function editOrganisation(
  ctx: AppContext,
  scope: Scope,
  kind: OrganisationKind,
  id: string,
  input: UpdateOrganisation,
  actor: AuditActor,
): Promise<void> {
  try {
    await inTransaction(ctx.db, async (tx) => {
      const org = await lockOrganisation(tx, kind, id);
      if (!org || !canSeeOrganisation(scope, org)) throw organisationNotFound(kind);
      if (!canEditOrganisationProfile(scope, org)) throw organisationNotFound(kind);
      if ((input.inn !== undefined || input.ogrn !== undefined) && !canChangeLegalIds(scope, org)) {
        throw badRequest('legal_ids_locked', 'ИНН и ОГРН меняет региональный координатор', { inn: 'ИНН и ОГРН меняет региональный координатор' });
      }
      if (kind === 'school' && (input.competencyIds !== undefined || input.description !== undefined)) {
        throw badRequest('invalid_input', 'У школы нет компетенций и описания площадки');
      }
      await assertCity(tx, input.cityId, org.regionId);
      await assertCompetencies(tx, input.competencyIds);
      const duplicate = await findDuplicate(tx, kind, { regionId: org.regionId, inn: input.inn, name: input.name }, id);
      if (duplicate) throw duplicateError(kind, duplicate);
      const { competencyIds, ...profile } = input;
      await updateOrganisation(tx, kind, id, profile);
      if (competencyIds) await setVenueCompetencies(tx, id, competencyIds);
      await recordAudit(tx, actor, 'organisation.updated', id, { kind, fields: Object.keys(input).join(',') });
    });
  } catch (err) {
    mapUniqueViolation(kind, err);
  }
}

/**
 * Suspension stops the organisation's staff at the session gate; nothing is deleted and
 * reactivation restores everything as it was.
 */
export async function setOrganisationSuspended(
  ctx: AppContext,
  scope: Scope,
  kind: OrganisationKind,
  id: string,
  suspend: { reason: string } | null,
  actor: AuditActor,
): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const org = await lockOrganisation(tx, kind, id);
    if (!org || !canSeeOrganisation(scope, org) || !canManageOrganisation(scope, org)) throw organisationNotFound(kind);
    if (suspend && org.status === 'suspended') throw conflict('already_suspended', 'Работа организации уже приостановлена');
    if (!suspend && org.status === 'active') throw conflict('not_suspended', 'Организация и так работает');
    await updateOrganisation(
      tx,
      kind,
      id,
      suspend ? { status: 'suspended', suspendedAt: new Date(), suspendReason: suspend.reason } : { status: 'active', suspendedAt: null, suspendReason: null },
    );
    await recordAudit(tx, actor, suspend ? 'organisation.suspended' : 'organisation.reactivated', id, { kind });
  });
}

