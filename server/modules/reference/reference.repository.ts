import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { cities, competencies, regions, schools, spheres } from '../../db/schema/index.js';

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

export interface SphereWithCompetencies {
  id: number;
  code: string;
  name: string;
  competencies: Array<{ id: number; code: string; name: string }>;
}

/** Spheres in their curated order, each with its competencies alphabetically, for pickers and the footprint. */
export async function listSpheresWithCompetencies(executor: Executor): Promise<SphereWithCompetencies[]> {
  const rows = await executor
    .select({
      sphereId: spheres.id,
      sphereCode: spheres.code,
      sphereName: spheres.name,
      id: competencies.id,
      code: competencies.code,
      name: competencies.name,
    })
    .from(spheres)
    .leftJoin(competencies, eq(competencies.sphereId, spheres.id))
    .orderBy(asc(spheres.id));
  const bySphere = new Map<number, SphereWithCompetencies>();
  for (const row of rows) {
    let sphere = bySphere.get(row.sphereId);
    if (!sphere) {
      sphere = { id: row.sphereId, code: row.sphereCode, name: row.sphereName, competencies: [] };
      bySphere.set(row.sphereId, sphere);
    }
    if (row.id !== null && row.code !== null && row.name !== null) sphere.competencies.push({ id: row.id, code: row.code, name: row.name });
  }
  const collator = new Intl.Collator('ru');
  for (const sphere of bySphere.values()) sphere.competencies.sort((a, b) => collator.compare(a.name, b.name));
  return [...bySphere.values()];
}
