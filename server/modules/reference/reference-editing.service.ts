import type { AwarenessLevelInput, CompetencyCreate, CompetencyUpdate, SoftSkillUpdate } from '@common/schemas/reference.js';
import type { AppContext } from '@server/context.js';
import { isUniqueViolation } from '@server/db/pg-errors.js';
import { inTransaction } from '@server/db/transaction.js';
import { AppError, badRequest, conflict, notFound } from '@server/lib/errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import {
  competencyCodeTaken,
  deleteAwarenessLevels,
  findCompetency,
  findSoftSkill,
  findSphere,
  insertAwarenessLevel,
  insertCompetency,
  listAwarenessLevels,
  renameSphere,
  updateAwarenessLevel,
  updateCompetency,
  updateSoftSkill,
  type AwarenessLevelRow,
} from './reference.repository.js';

const SPHERE_NOT_FOUND = 'Сфера не найдена';
const codeTaken = () => conflict('code_taken', 'Компетенция с таким кодом уже есть', { code: 'Компетенция с таким кодом уже есть — придумайте другой код' });
/** A sphere named in the body: the page shows the message at the sphere picker. */
const sphereNotFound = () => new AppError('not_found', 404, SPHERE_NOT_FOUND, { sphereId: SPHERE_NOT_FOUND });

type Table = 'spheres' | 'competencies' | 'soft_skills' | 'awareness_levels';

const audit = (tx: Parameters<typeof recordAudit>[0], actor: AuditActor, table: Table, id: number, change: 'created' | 'updated' | 'deleted' = 'updated') =>
  recordAudit(tx, actor, 'reference.updated', null, { table, id, change });

export async function changeSphereName(ctx: AppContext, id: number, name: string, actor: AuditActor): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    if (!(await findSphere(tx, id))) throw notFound(SPHERE_NOT_FOUND);
    await renameSphere(tx, id, name);
    await audit(tx, actor, 'spheres', id);
  });
}

export async function addCompetency(ctx: AppContext, body: CompetencyCreate, actor: AuditActor): Promise<{ id: number }> {
  try {
    return await inTransaction(ctx.db, async (tx) => {
      if (!(await findSphere(tx, body.sphereId))) throw sphereNotFound();
      if (await competencyCodeTaken(tx, body.code)) throw codeTaken();
      const id = await insertCompetency(tx, body);
      await audit(tx, actor, 'competencies', id, 'created');
      return { id };
    });
  } catch (err) {
    // Two issuers adding the same code at once: the unique index decides, and the loser hears why.
    if (isUniqueViolation(err)) throw codeTaken();
    throw err;
  }
}

export async function changeCompetency(ctx: AppContext, id: number, change: CompetencyUpdate, actor: AuditActor): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    if (!(await findCompetency(tx, id))) throw notFound('Компетенция не найдена');
    if (change.sphereId !== undefined && !(await findSphere(tx, change.sphereId))) throw sphereNotFound();
    await updateCompetency(tx, id, change);
    await audit(tx, actor, 'competencies', id);
  });
}

export async function changeSoftSkill(ctx: AppContext, id: number, change: SoftSkillUpdate, actor: AuditActor): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    if (!(await findSoftSkill(tx, id))) throw notFound('Навык не найден');
    await updateSoftSkill(tx, id, change);
    await audit(tx, actor, 'soft_skills', id);
  });
}

const sameLevel = (row: AwarenessLevelRow, level: AwarenessLevelInput) =>
  row.name === level.name &&
  row.minScore === level.minScore &&
  row.maxScore === level.maxScore &&
  row.pupilText === level.pupilText &&
  row.parentText === level.parentText;

/**
 * Replaces the whole list of awareness levels (the schema has checked that it covers 0–100 once).
 * A level keeps its row by its code, so footprints shown later still find it; a code missing from
 * the list is deleted. An id, when sent, must be the row of that same code: a code never changes.
 */
export async function replaceAwarenessLevels(ctx: AppContext, levels: AwarenessLevelInput[], actor: AuditActor): Promise<AwarenessLevelRow[]> {
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const existing = await listAwarenessLevels(tx, true);
      const byId = new Map(existing.map((row) => [row.id, row]));
      const byCode = new Map(existing.map((row) => [row.code, row]));
      levels.forEach((level, index) => {
        if (level.id === undefined) return;
        const row = byId.get(level.id);
        if (!row) {
          const message = 'Этого уровня уже нет — обновите страницу';
          throw new AppError('not_found', 404, message, { [`levels.${index}.id`]: message });
        }
        if (row.code !== level.code) {
          const message = 'Код уровня менять нельзя: на него ссылаются тесты';
          throw badRequest('code_immutable', message, { [`levels.${index}.code`]: message });
        }
      });

      const kept = new Set(levels.map((l) => l.code));
      const removed = existing.filter((row) => !kept.has(row.code));
      if (removed.length > 0) await deleteAwarenessLevels(tx, removed.map((row) => row.id));
      for (const row of removed) await audit(tx, actor, 'awareness_levels', row.id, 'deleted');

      for (const level of levels) {
        const { id: _id, code, ...values } = level;
        const row = byCode.get(code);
        if (row) {
          if (sameLevel(row, level)) continue;
          await updateAwarenessLevel(tx, row.id, values);
          await audit(tx, actor, 'awareness_levels', row.id);
        } else {
          const id = await insertAwarenessLevel(tx, { code, ...values });
          await audit(tx, actor, 'awareness_levels', id, 'created');
        }
      }
      return listAwarenessLevels(tx);
    });
  } catch (err) {
    // Another save added the same new code between our read and our insert.
    if (isUniqueViolation(err)) throw conflict('code_taken', 'Список уровней только что изменили — обновите страницу и повторите');
    throw err;
  }
}
