import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { conflict, notFound } from '@server/lib/errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { canSeeRegion, canSetUpRegion, type Scope } from './organisations.policy.js';
import {
  cityNameTaken,
  cityUses,
  deleteCity,
  findCity,
  findRegion,
  insertCity,
  listCitiesWithUse,
  listRegionCoordinators,
  regionsOverview,
  renameCity,
  updateRegion,
} from './regions.repository.js';

const regionNotFound = () => notFound('Регион не найден');
const cityNotFound = () => notFound('Город не найден');
const cityTaken = () => conflict('city_exists', 'Такой город в регионе уже есть', { name: 'Такой город в регионе уже есть' });

/** The issuer's table of all regions, or the coordinator's own row; a coordinator without a region sees none. */
export async function listRegionsOverview(ctx: AppContext, scope: Scope) {
  if (scope.role === 'issuer_admin') return regionsOverview(ctx.db, null);
  return scope.regionId === null ? [] : regionsOverview(ctx.db, scope.regionId);
}

/** One region's set-up: season, cities with how much uses each, coordinators. */
export async function describeRegion(ctx: AppContext, scope: Scope, regionId: number) {
  const [overview] = await regionsOverview(ctx.db, regionId);
  if (!overview || !canSeeRegion(scope, overview)) throw regionNotFound();
  const [cities, coordinators] = await Promise.all([listCitiesWithUse(ctx.db, regionId), listRegionCoordinators(ctx.db, regionId)]);
  return { ...overview, cityList: cities, coordinatorList: coordinators };
}

export async function setSeason(
  ctx: AppContext,
  scope: Scope,
  regionId: number,
  season: { seasonStartsOn: string | null; seasonEndsOn: string | null },
  actor: AuditActor,
): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const region = await findRegion(tx, regionId);
    if (!region || !canSetUpRegion(scope, region)) throw regionNotFound();
    await updateRegion(tx, regionId, season);
    await recordAudit(tx, actor, 'region.updated', null, { regionId });
  });
}

export async function addCity(ctx: AppContext, scope: Scope, regionId: number, name: string, actor: AuditActor): Promise<{ id: number }> {
  return inTransaction(ctx.db, async (tx) => {
    const region = await findRegion(tx, regionId);
    if (!region || !canSetUpRegion(scope, region)) throw regionNotFound();
    if (await cityNameTaken(tx, regionId, name)) throw cityTaken();
    const id = await insertCity(tx, regionId, name);
    await recordAudit(tx, actor, 'city.created', null, { regionId, cityId: id });
    return { id };
  });
}

export async function changeCityName(ctx: AppContext, scope: Scope, cityId: number, name: string, actor: AuditActor): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const city = await findCity(tx, cityId);
    if (!city || !canSetUpRegion(scope, { id: city.regionId })) throw cityNotFound();
    if (await cityNameTaken(tx, city.regionId, name, cityId)) throw cityTaken();
    await renameCity(tx, cityId, name);
    await recordAudit(tx, actor, 'city.renamed', null, { regionId: city.regionId, cityId });
  });
}

/** Only a city nothing refers to can go; otherwise rename it instead. */
export async function removeCity(ctx: AppContext, scope: Scope, cityId: number, actor: AuditActor): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const city = await findCity(tx, cityId);
    if (!city || !canSetUpRegion(scope, { id: city.regionId })) throw cityNotFound();
    if ((await cityUses(tx, cityId)) > 0) {
      throw conflict('city_in_use', 'В этом городе уже есть школы, площадки или участники — удалить его нельзя, можно переименовать');
    }
    await deleteCity(tx, cityId);
    await recordAudit(tx, actor, 'city.deleted', null, { regionId: city.regionId, cityId });
  });
}
