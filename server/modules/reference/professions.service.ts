import type { ProfessionView } from '@common/guidance.js';
import type { ProfessionInput, ProfessionUpdate } from '@common/schemas/opportunities.js';
import type { AppContext } from '@server/context.js';
import type { Executor } from '@server/db/client.js';
import { isUniqueViolation } from '@server/db/pg-errors.js';
import { inTransaction } from '@server/db/transaction.js';
import { badRequest, conflict, notFound } from '@server/lib/errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import {
  countCompetencies,
  findProfession,
  insertProfession,
  listProfessions,
  professionCodeTaken,
  replaceProfessionCompetencies,
  updateProfession,
} from './professions.repository.js';

const codeTaken = () => conflict('code_taken', 'Профессия с таким кодом уже есть', { code: 'Профессия с таким кодом уже есть — придумайте другой код' });

async function checkCompetencies(tx: Executor, ids: readonly number[]): Promise<void> {
  if ((await countCompetencies(tx, ids)) !== ids.length) {
    throw badRequest('unknown_competency', 'Такой компетенции нет в справочнике', { competencyIds: 'Такой компетенции нет в справочнике — обновите страницу' });
  }
}

export function professionsList(ctx: AppContext): Promise<ProfessionView[]> {
  return listProfessions(ctx.db);
}

export async function addProfession(ctx: AppContext, body: ProfessionInput, actor: AuditActor): Promise<{ id: number }> {
  try {
    return await inTransaction(ctx.db, async (tx) => {
      if (await professionCodeTaken(tx, body.code)) throw codeTaken();
      await checkCompetencies(tx, body.competencyIds);
      const id = await insertProfession(tx, body);
      await replaceProfessionCompetencies(tx, id, body.competencyIds);
      await recordAudit(tx, actor, 'reference.updated', null, { table: 'professions', id, change: 'created' });
      return { id };
    });
  } catch (err) {
    // Two issuers adding the same code at once: the unique index decides, and the loser hears why.
    if (isUniqueViolation(err)) throw codeTaken();
    throw err;
  }
}

export async function changeProfession(ctx: AppContext, id: number, body: ProfessionUpdate, actor: AuditActor): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    if (!(await findProfession(tx, id))) throw notFound('Профессия не найдена');
    await checkCompetencies(tx, body.competencyIds);
    await updateProfession(tx, id, body);
    await replaceProfessionCompetencies(tx, id, body.competencyIds);
    await recordAudit(tx, actor, 'reference.updated', null, { table: 'professions', id, change: 'updated' });
  });
}
