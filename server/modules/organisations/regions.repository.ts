import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';
import { cities, regions } from '@server/db/schema/index.js';
import type { RegionOverview } from '@common/schemas/organisations.js';

export async function regionName(executor: Executor, id: number): Promise<string> {
  const [row] = await executor.select({ name: regions.name }).from(regions).where(eq(regions.id, id));
  return row?.name ?? '';
}

export async function findRegion(executor: Executor, id: number) {
  const [row] = await executor.select().from(regions).where(eq(regions.id, id));
  return row;
}

export async function updateRegion(executor: Executor, id: number, values: Partial<typeof regions.$inferInsert>): Promise<void> {
  await executor.update(regions).set(values).where(eq(regions.id, id));
}


/** Every region (or one) with the counts the issuer follows; grouped subqueries keep it one pass per table. */
export async function regionsOverview(executor: Executor, onlyRegionId: number | null): Promise<RegionOverview[]> {
  const filter = onlyRegionId === null ? sql`` : sql`where r.id = ${onlyRegionId}`;
  return queryRows<RegionOverview>(
    executor,
    sql`select r.id, r.code, r.name, r.season_starts_on::text as "seasonStartsOn", r.season_ends_on::text as "seasonEndsOn",
          coalesce(c.n, 0)::int as cities, coalesce(k.n, 0)::int as coordinators, coalesce(s.n, 0)::int as schools,
          coalesce(v.n, 0)::int as venues, (coalesce(p.n, 0) + coalesce(np.n, 0))::int as pupils
        from regions r
        left join (select region_id, count(*) n from cities group by region_id) c on c.region_id = r.id
        left join (select sp.region_id, count(*) n from staff_profiles sp join accounts a on a.id = sp.account_id
                   where a.role = 'regional_coordinator' and a.status <> 'disabled' group by sp.region_id) k on k.region_id = r.id
        left join (select region_id, count(*) n from schools group by region_id) s on s.region_id = r.id
        left join (select region_id, count(*) n from venues group by region_id) v on v.region_id = r.id
        left join (select region_id, sum(pupils_count) n from schools group by region_id) p on p.region_id = r.id
        left join (select region_id, count(*) n from participant_profiles where school_id is null group by region_id) np on np.region_id = r.id
        ${filter}
        order by r.name`,
  );
}

export interface CityRow {
  id: number;
  name: string;
  /** Schools, venues, places and pupils that name this city; a used city cannot be deleted. */
  uses: number;
}

const CITY_USES = sql`((select count(*) from schools where city_id = c.id) + (select count(*) from venues where city_id = c.id)
  + (select count(*) from venue_places where city_id = c.id) + (select count(*) from participant_profiles where city_id = c.id))::int`;

export async function listCitiesWithUse(executor: Executor, regionId: number): Promise<CityRow[]> {
  return queryRows<CityRow>(executor, sql`select c.id, c.name, ${CITY_USES} as uses from cities c where c.region_id = ${regionId} order by c.name`);
}

export async function cityUses(executor: Executor, cityId: number): Promise<number> {
  const [row] = await queryRows<{ uses: number }>(executor, sql`select ${CITY_USES} as uses from cities c where c.id = ${cityId}`);
  return row?.uses ?? 0;
}

export async function findCity(executor: Executor, id: number) {
  const [row] = await executor.select().from(cities).where(eq(cities.id, id));
  return row;
}

export async function cityNameTaken(executor: Executor, regionId: number, name: string, exceptId?: number): Promise<boolean> {
  const rows = await executor
    .select({ id: cities.id })
    .from(cities)
    .where(and(eq(cities.regionId, regionId), sql`lower(${cities.name}) = lower(${name})`, exceptId ? sql`${cities.id} <> ${exceptId}` : undefined));
  return rows.length > 0;
}

export async function insertCity(executor: Executor, regionId: number, name: string): Promise<number> {
  const [row] = await executor.insert(cities).values({ regionId, name }).returning({ id: cities.id });
  return row!.id;
}

export async function renameCity(executor: Executor, id: number, name: string): Promise<void> {
  await executor.update(cities).set({ name }).where(eq(cities.id, id));
}

export async function deleteCity(executor: Executor, id: number): Promise<void> {
  await executor.delete(cities).where(eq(cities.id, id));
}

export async function listRegionCoordinators(executor: Executor, regionId: number) {
  return queryRows<{ id: string; lastName: string; firstName: string; middleName: string | null; email: string; status: string }>(
    executor,
    sql`select a.id, a.last_name as "lastName", a.first_name as "firstName", a.middle_name as "middleName", a.email, a.status
        from staff_profiles sp join accounts a on a.id = sp.account_id
        where sp.region_id = ${regionId} and a.role = 'regional_coordinator' order by a.last_name`,
  );
}
