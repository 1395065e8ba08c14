import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { cities, regions, schools } from '../../db/schema/index.js';

export function listRegions(executor: Executor) {
  return executor.select().from(regions).orderBy(asc(regions.name));
}

export function listCities(executor: Executor, regionId: number) {
  return executor
    .select({ id: cities.id, name: cities.name })
    .from(cities)
    .where(eq(cities.regionId, regionId))
    .orderBy(asc(cities.id));
}

export function listSchools(executor: Executor, regionId: number, cityId?: number) {
  return executor
    .select({ id: schools.id, name: schools.name, cityId: schools.cityId })
    .from(schools)
    .where(and(eq(schools.regionId, regionId), cityId ? eq(schools.cityId, cityId) : undefined))
    .orderBy(asc(schools.name));
}

export async function cityInRegion(executor: Executor, cityId: number, regionId: number): Promise<boolean> {
  const rows = await executor
    .select({ id: cities.id })
    .from(cities)
    .where(and(eq(cities.id, cityId), eq(cities.regionId, regionId)));
  return rows.length > 0;
}

export async function schoolInRegion(executor: Executor, schoolId: string, regionId: number): Promise<boolean> {
  const rows = await executor
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.id, schoolId), eq(schools.regionId, regionId)));
  return rows.length > 0;
}
