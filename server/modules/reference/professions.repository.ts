import { eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';
import { competencies, professionCompetencies, professions } from '@server/db/schema/index.js';
import type { EducationLevel, ProfessionView } from '@common/guidance.js';
import type { ProfessionUpdate } from '@common/schemas/opportunities.js';

/** Every profession with its competencies named, in name order: the list is short (about a hundred). */
export async function listProfessions(executor: Executor): Promise<ProfessionView[]> {
  return queryRows<ProfessionView>(
    executor,
    sql`select p.id, p.code, p.name, p.description, p.education, p.programmes,
          coalesce((select json_agg(json_build_object('id', c.id, 'code', c.code, 'name', c.name) order by c.name)
                      from profession_competencies pc join competencies c on c.id = pc.competency_id
                     where pc.profession_id = p.id), '[]'::json) as competencies
        from professions p order by lower(p.name), p.id`,
  );
}

export async function findProfession(executor: Executor, id: number): Promise<{ id: number } | undefined> {
  const [row] = await executor.select({ id: professions.id }).from(professions).where(eq(professions.id, id)).for('update');
  return row;
}

export async function professionCodeTaken(executor: Executor, code: string): Promise<boolean> {
  const [row] = await executor.select({ id: professions.id }).from(professions).where(eq(professions.code, code));
  return row !== undefined;
}

export async function countCompetencies(executor: Executor, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  return (await executor.select({ id: competencies.id }).from(competencies).where(inArray(competencies.id, [...ids]))).length;
}

type Fields = ProfessionUpdate & { code?: string };

const columnsOf = (v: Fields) => ({
  name: v.name,
  description: v.description,
  education: [...v.education] as EducationLevel[],
  programmes: v.programmes,
});

export async function insertProfession(executor: Executor, values: Fields & { code: string }): Promise<number> {
  const [row] = await executor.insert(professions).values({ ...columnsOf(values), code: values.code }).returning({ id: professions.id });
  return row!.id;
}

export async function updateProfession(executor: Executor, id: number, values: Fields): Promise<void> {
  await executor.update(professions).set({ ...columnsOf(values), updatedAt: sql`now()` }).where(eq(professions.id, id));
}

export async function replaceProfessionCompetencies(executor: Executor, id: number, competencyIds: readonly number[]): Promise<void> {
  await executor.delete(professionCompetencies).where(eq(professionCompetencies.professionId, id));
  if (competencyIds.length > 0) await executor.insert(professionCompetencies).values(competencyIds.map((competencyId) => ({ professionId: id, competencyId })));
}
