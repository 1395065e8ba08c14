import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@server/db/client.js';
import { awarenessLevels, cities, competencies, regions, schools, softSkills, spheres } from '@server/db/schema/index.js';

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

// The issuer's edits of the reference model. Codes are never written after insert: test definitions refer to them.

export function findSphere(executor: Executor, id: number) {
  return executor.select().from(spheres).where(eq(spheres.id, id)).then((rows) => rows[0]);
}

export function renameSphere(executor: Executor, id: number, name: string) {
  return executor.update(spheres).set({ name }).where(eq(spheres.id, id));
}

export function findCompetency(executor: Executor, id: number) {
  return executor.select().from(competencies).where(eq(competencies.id, id)).then((rows) => rows[0]);
}

export async function competencyCodeTaken(executor: Executor, code: string): Promise<boolean> {
  const rows = await executor.select({ id: competencies.id }).from(competencies).where(eq(competencies.code, code));
  return rows.length > 0;
}

export async function insertCompetency(executor: Executor, values: { sphereId: number; code: string; name: string }): Promise<number> {
  const [row] = await executor.insert(competencies).values(values).returning({ id: competencies.id });
  return row!.id;
}

export function updateCompetency(executor: Executor, id: number, change: { name?: string; sphereId?: number }) {
  return executor.update(competencies).set(change).where(eq(competencies.id, id));
}

export function listSoftSkills(executor: Executor) {
  return executor.select().from(softSkills).orderBy(asc(softSkills.id));
}

export function findSoftSkill(executor: Executor, id: number) {
  return executor.select().from(softSkills).where(eq(softSkills.id, id)).then((rows) => rows[0]);
}

export function updateSoftSkill(executor: Executor, id: number, change: { name?: string; description?: string }) {
  return executor.update(softSkills).set(change).where(eq(softSkills.id, id));
}

export type AwarenessLevelRow = typeof awarenessLevels.$inferSelect;

/** In score order; `lock` holds the rows until the transaction ends, so two whole-list saves take turns. */
export function listAwarenessLevels(executor: Executor, lock = false): Promise<AwarenessLevelRow[]> {
  const query = executor.select().from(awarenessLevels).orderBy(asc(awarenessLevels.minScore), asc(awarenessLevels.id));
  return lock ? query.for('update') : query;
}

export function deleteAwarenessLevels(executor: Executor, ids: number[]) {
  return executor.delete(awarenessLevels).where(inArray(awarenessLevels.id, ids));
}

export function updateAwarenessLevel(executor: Executor, id: number, values: Omit<AwarenessLevelRow, 'id' | 'code'>) {
  return executor.update(awarenessLevels).set(values).where(eq(awarenessLevels.id, id));
}

export async function insertAwarenessLevel(executor: Executor, values: Omit<AwarenessLevelRow, 'id'>): Promise<number> {
  const [row] = await executor.insert(awarenessLevels).values(values).returning({ id: awarenessLevels.id });
  return row!.id;
}
