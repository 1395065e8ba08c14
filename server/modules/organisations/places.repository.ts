import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';
import { pageLimit, toListPage } from '@server/db/paging.js';
import { venuePlaces, venues } from '@server/db/schema/index.js';
import type { AccessibilityFeature } from '@common/organisations.js';
import { likePattern, type ListPage } from '@common/schemas/lists.js';
import type { Place, PlaceListQuery } from '@common/schemas/places.js';
import type { PlaceScope } from './places.policy.js';

/** A place with the region of its venue, which the scope rules need and the answer leaves out. */
export type PlaceRecord = Place & { regionId: number };

type PlaceSqlRow = Omit<PlaceRecord, 'city' | 'createdAt'> & { cityId: number; cityName: string; createdAt: Date | string };

const PLACE_COLUMNS = sql`p.id, p.venue_id as "venueId", v.name as "venueName", v.region_id as "regionId", p.name,
  p.city_id as "cityId", c.name as "cityName", p.address, p.rooms, p.accessibility,
  p.accessibility_notes as "accessibilityNotes", p.created_at as "createdAt"`;

const PLACE_FROM = sql`venue_places p join venues v on v.id = p.venue_id join cities c on c.id = p.city_id`;

function toRecord({ cityId, cityName, createdAt, accessibility, ...row }: PlaceSqlRow): PlaceRecord {
  return {
    ...row,
    city: { id: cityId, name: cityName },
    accessibility: accessibility as AccessibilityFeature[],
    createdAt: new Date(createdAt).toISOString(),
  };
}

function scopeCondition(scope: PlaceScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'region':
      return sql`v.region_id = ${scope.regionId}`;
    case 'venue':
      return sql`p.venue_id = ${scope.venueId}`;
    case 'none':
      return sql`false`;
  }
}

const SORT_SQL: Record<PlaceListQuery['sort'], string> = {
  name: 'lower(p.name)',
  city: 'lower(c.name)',
  createdAt: 'p.created_at',
};

/** One page of the places the scope allows, with the total in the same statement. */
export async function listPlaces(executor: Executor, scope: PlaceScope, query: PlaceListQuery): Promise<ListPage<PlaceRecord>> {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (query.venueId) conditions.push(sql`p.venue_id = ${query.venueId}`);
  if (query.regionId) conditions.push(sql`v.region_id = ${query.regionId}`);
  if (query.q) conditions.push(sql`(p.name ilike ${likePattern(query.q)} or p.address ilike ${likePattern(query.q)})`);
  const where = sql.join(conditions, sql` and `);
  const order = sql.raw(`${SORT_SQL[query.sort]} ${query.order === 'desc' ? 'desc' : 'asc'}, p.id`);
  const rows = await queryRows<PlaceSqlRow & { total: number }>(
    executor,
    sql`select ${PLACE_COLUMNS}, count(*) over()::int as total from ${PLACE_FROM} where ${where}
        order by ${order} ${pageLimit(query)}`,
  );
  const page = await toListPage(executor, rows, query, sql`${PLACE_FROM} where ${where}`);
  return { ...page, items: page.items.map(toRecord) };
}

export async function findPlace(executor: Executor, id: string): Promise<PlaceRecord | undefined> {
  const [row] = await queryRows<PlaceSqlRow>(executor, sql`select ${PLACE_COLUMNS} from ${PLACE_FROM} where p.id = ${id}`);
  return row && toRecord(row);
}

/** Locks the place so two edits of it never interleave between the name check and the write. */
export async function lockPlace(executor: Executor, id: string): Promise<{ id: string; venueId: string; regionId: number } | undefined> {
  const [row] = await queryRows<{ id: string; venueId: string; regionId: number }>(
    executor,
    sql`select p.id, p.venue_id as "venueId", v.region_id as "regionId"
        from venue_places p join venues v on v.id = p.venue_id where p.id = ${id} for update of p`,
  );
  return row;
}

export async function findVenueRegion(executor: Executor, venueId: string): Promise<number | undefined> {
  const [row] = await executor.select({ regionId: venues.regionId }).from(venues).where(eq(venues.id, venueId));
  return row?.regionId;
}

/** Names are unique per venue regardless of case, as the unique index venue_places_name_uq says. */
export async function placeNameTaken(executor: Executor, venueId: string, name: string, exceptId?: string): Promise<boolean> {
  const rows = await executor
    .select({ id: venuePlaces.id })
    .from(venuePlaces)
    .where(
      and(
        eq(venuePlaces.venueId, venueId),
        sql`lower(${venuePlaces.name}) = lower(${name})`,
        exceptId ? sql`${venuePlaces.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertPlace(executor: Executor, values: typeof venuePlaces.$inferInsert): Promise<string> {
  const [row] = await executor.insert(venuePlaces).values(values).returning({ id: venuePlaces.id });
  return row!.id;
}

export async function updatePlace(executor: Executor, id: string, values: Partial<typeof venuePlaces.$inferInsert>): Promise<void> {
  await executor.update(venuePlaces).set(values).where(eq(venuePlaces.id, id));
}
