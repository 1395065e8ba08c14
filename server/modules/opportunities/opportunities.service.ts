import type { OpportunityCard, StaffOpportunityDetail, StaffOpportunitySummary } from '@common/guidance.js';
import type { ListPage } from '@common/schemas/lists.js';
import type { OpportunityInput, StaffOpportunitiesQuery } from '@common/schemas/opportunities.js';
import type { AppContext } from '@server/context.js';
import type { Executor } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import { badRequest, conflict, forbidden, notFound } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { cityInRegion } from '../reference/index.js';
import { cardIsOpen, editsOpportunity, keepsOpportunity, opportunityScopeOf, regionOfNew } from './opportunities.policy.js';
import {
  cityExists,
  findOpportunityDetail,
  findOpportunityRef,
  insertOpportunity,
  listStaffOpportunities,
  replaceLinks,
  setOpportunityStatus,
  toCard,
  unknownCompetencies,
  unknownSpheres,
  updateOpportunity,
  type OpportunityRef,
} from './opportunities.repository.js';

const NOT_FOUND = 'Возможность не найдена';

export function listOpportunitiesFor(ctx: AppContext, principal: Principal, query: StaffOpportunitiesQuery): Promise<ListPage<StaffOpportunitySummary>> {
  return listStaffOpportunities(ctx.db, opportunityScopeOf(principal), query);
}

export async function getOpportunityFor(ctx: AppContext, principal: Principal, id: string): Promise<StaffOpportunityDetail & { editable: boolean }> {
  const detail = await findOpportunityDetail(ctx.db, id);
  if (!detail || !keepsOpportunity(principal, detail)) throw notFound(NOT_FOUND);
  return { ...detail, editable: editsOpportunity(principal, detail) };
}

/** The card for a pupil, a parent or a staff member: published ones only, of any region. */
export async function opportunityCard(ctx: AppContext, id: string): Promise<OpportunityCard> {
  const detail = await findOpportunityDetail(ctx.db, id);
  if (!detail || !cardIsOpen(detail.status)) throw notFound(NOT_FOUND);
  return toCard(detail);
}

/**
 * The references the input names must exist, and the city must lie in the opportunity's region
 * (a federal opportunity may be in any city). Each failure is reported at its field.
 */
export async function checkReferences(executor: Executor, regionId: number | null, input: Pick<OpportunityInput, 'sphereIds' | 'competencyIds' | 'cityId'>): Promise<void> {
  if ((await unknownSpheres(executor, input.sphereIds)).length > 0) {
    throw badRequest('unknown_sphere', 'Такой сферы нет в справочнике', { sphereIds: 'Такой сферы нет в справочнике — обновите страницу' });
  }
  if ((await unknownCompetencies(executor, input.competencyIds)).length > 0) {
    throw badRequest('unknown_competency', 'Такой компетенции нет в справочнике', { competencyIds: 'Такой компетенции нет в справочнике — обновите страницу' });
  }
  if (input.cityId !== null) {
    const known = regionId === null ? await cityExists(executor, input.cityId) : await cityInRegion(executor, input.cityId, regionId);
    if (!known) throw badRequest('unknown_city', 'Выберите город из списка', { cityId: regionId === null ? 'Выберите город из списка' : 'Выберите город вашего региона' });
  }
}

/** Writes an opportunity with its competencies and spheres; the caller has checked the input and holds the transaction. */
export async function storeOpportunity(executor: Executor, regionId: number | null, input: OpportunityInput, createdBy: string): Promise<string> {
  const { sphereIds, competencyIds, ...values } = input;
  const id = await insertOpportunity(executor, regionId, values, createdBy);
  await replaceLinks(executor, id, regionId, sphereIds, competencyIds);
  return id;
}

/** A new opportunity of the caller's own kind: its region's for a coordinator, a federal one for the issuer. */
export async function createOpportunity(ctx: AppContext, principal: Principal, input: OpportunityInput, actor: AuditActor): Promise<StaffOpportunityDetail> {
  const regionId = regionOfNew(principal);
  if (regionId === undefined) throw forbidden();
  const id = await inTransaction(ctx.db, async (tx) => {
    await checkReferences(tx, regionId, input);
    const newId = await storeOpportunity(tx, regionId, input, principal.accountId);
    await recordAudit(tx, actor, 'opportunity.created', newId, { kind: input.kind, federal: regionId === null });
    return newId;
  });
  return (await findOpportunityDetail(ctx.db, id))!;
}

/** Loads and locks the opportunity the caller may change: 404 when it is not the caller's to see, 403 when only to read. */
async function editable(tx: Executor, principal: Principal, id: string): Promise<OpportunityRef> {
  const ref = await findOpportunityRef(tx, id, true);
  if (!ref || !keepsOpportunity(principal, ref)) throw notFound(NOT_FOUND);
  if (!editsOpportunity(principal, ref)) throw forbidden('Возможности региона ведёт его координатор');
  return ref;
}

export async function updateOpportunityFor(ctx: AppContext, principal: Principal, id: string, input: OpportunityInput, actor: AuditActor): Promise<StaffOpportunityDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const ref = await editable(tx, principal, id);
    if (ref.status === 'archived') throw conflict('archived', 'Возможность в архиве — её уже не изменить');
    await checkReferences(tx, ref.regionId, input);
    const { sphereIds, competencyIds, ...values } = input;
    await updateOpportunity(tx, id, values, principal.accountId);
    await replaceLinks(tx, id, ref.regionId, sphereIds, competencyIds);
    await recordAudit(tx, actor, 'opportunity.updated', id, { status: input.status });
  });
  return (await findOpportunityDetail(ctx.db, id))!;
}

/** Archived, the card closes for families and recommendations; the row stays for the record. */
export async function archiveOpportunity(ctx: AppContext, principal: Principal, id: string, actor: AuditActor): Promise<StaffOpportunityDetail> {
  await inTransaction(ctx.db, async (tx) => {
    const ref = await editable(tx, principal, id);
    if (ref.status === 'archived') return;
    await setOpportunityStatus(tx, id, 'archived', principal.accountId);
    await recordAudit(tx, actor, 'opportunity.archived', id);
  });
  return (await findOpportunityDetail(ctx.db, id))!;
}
