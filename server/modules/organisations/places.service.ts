import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import { badRequest, conflict, forbidden, notFound } from '@server/lib/errors.js';
import type { ListPage } from '@common/schemas/lists.js';
import type { CreatePlace, Place, PlaceListQuery, UpdatePlace } from '@common/schemas/places.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { cityInRegion } from '../reference/index.js';
import { canEditPlace, canSeePlace, managedVenueOf, placeScopeOf, type PlaceViewer } from './places.policy.js';
import { findPlace, findVenueRegion, insertPlace, listPlaces, lockPlace, placeNameTaken, updatePlace, type PlaceRecord } from './places.repository.js';

const placeNotFound = () => notFound('Место проведения не найдено');

const nameTakenError = () =>
  conflict('place_name_taken', 'У площадки уже есть место с таким названием', {
    name: 'Такое название уже есть у другого места вашей площадки — уточните его',
  });

const cityOutsideRegionError = () =>
  badRequest('invalid_input', 'Проверьте введённые данные', { cityId: 'Выберите город из списка региона вашей площадки' });

/** Two edits racing past the name check still meet the unique index; answer them the same way. */
function mapUniqueViolation(err: unknown): never {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e.code ?? e.cause?.code;
  const constraint = e.constraint ?? e.cause?.constraint;
  if (code === '23505' && constraint === 'venue_places_name_uq') throw nameTakenError();
  throw err;
}

function present({ regionId: _regionId, ...place }: PlaceRecord): Place {
  return place;
}

async function assertCityOfVenueRegion(tx: Tx, venueId: string, cityId: number): Promise<void> {
  const regionId = await findVenueRegion(tx, venueId);
  if (regionId === undefined || !(await cityInRegion(tx, cityId, regionId))) throw cityOutsideRegionError();
}

/** One page of the places the caller may see, searched by name or address. */
export async function listPlacesFor(ctx: AppContext, viewer: PlaceViewer, query: PlaceListQuery): Promise<ListPage<Place>> {
  const page = await listPlaces(ctx.db, placeScopeOf(viewer), query);
  return { ...page, items: page.items.map(present) };
}

/** One place, or 404 when it is not the caller's to see, so ids cannot be probed. */
export async function getPlaceFor(ctx: AppContext, viewer: PlaceViewer, id: string): Promise<Place> {
  const place = await findPlace(ctx.db, id);
  if (!place || !canSeePlace(viewer, place)) throw placeNotFound();
  return present(place);
}

/** Registers a place of the caller's own venue, in a city of the venue's region. */
export async function createPlace(ctx: AppContext, viewer: PlaceViewer, input: CreatePlace, actor: AuditActor): Promise<Place> {
  const venueId = managedVenueOf(viewer);
  if (!venueId) throw forbidden();
  const id = await inTransaction(ctx.db, async (tx) => {
    await assertCityOfVenueRegion(tx, venueId, input.cityId);
    if (await placeNameTaken(tx, venueId, input.name)) throw nameTakenError();
    const placeId = await insertPlace(tx, {
      venueId,
      name: input.name,
      cityId: input.cityId,
      address: input.address,
      rooms: input.rooms,
      accessibility: input.accessibility,
      accessibilityNotes: input.accessibilityNotes ?? null,
    }).catch(mapUniqueViolation);
    await recordAudit(tx, actor, 'place.created', placeId, { venueId });
    return placeId;
  });
  return present((await findPlace(ctx.db, id))!);
}

/** Changes the given fields of one of the caller's own places; any other place answers 404. */
export async function updatePlaceFor(ctx: AppContext, viewer: PlaceViewer, id: string, input: UpdatePlace, actor: AuditActor): Promise<Place> {
  await inTransaction(ctx.db, async (tx) => {
    const place = await lockPlace(tx, id);
    if (!place || !canEditPlace(viewer, place)) throw placeNotFound();
    if (input.cityId !== undefined) await assertCityOfVenueRegion(tx, place.venueId, input.cityId);
    if (input.name !== undefined && (await placeNameTaken(tx, place.venueId, input.name, id))) throw nameTakenError();
    await updatePlace(tx, id, input).catch(mapUniqueViolation);
    await recordAudit(tx, actor, 'place.updated', id, { venueId: place.venueId, fields: Object.keys(input).sort().join(',') });
  });
  return present((await findPlace(ctx.db, id))!);
}
