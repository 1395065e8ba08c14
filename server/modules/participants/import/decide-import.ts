import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { conflict } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import type { ImportBatchView } from '@common/schemas/participants.js';
import { recordAudit, type AuditActor } from '@server/modules/audit/index.js';
import { schoolIdOf } from '../participants.service.js';
import { cancelPreview, findBatchStatus, queueBatch } from './imports.repository.js';
import { IMPORT_JOB, type ImportJobData } from './run-import.js';
import { batchNotFound, viewImport } from './view-imports.js';

async function refuseUnlessPreview(ctx: AppContext, schoolId: string, id: string): Promise<never> {
  const status = await findBatchStatus(ctx.db, schoolId, id);
  if (!status) throw batchNotFound();
  throw conflict(
    'import_not_in_preview',
    status === 'cancelled' ? 'Этот импорт отменён — загрузите файл заново' : 'Этот импорт уже подтверждён: его нельзя подтвердить или отменить ещё раз',
  );
}

/** The school confirms a preview; a job writes the rows in chunks, reporting progress as it goes. */
export async function confirmImport(ctx: AppContext, principal: Principal, id: string, actor: AuditActor): Promise<ImportBatchView> {
  const schoolId = schoolIdOf(principal);
  const queued = await inTransaction(ctx.db, async (tx, afterCommit) => {
    if (!(await queueBatch(tx, schoolId, id))) return false;
    await recordAudit(tx, actor, 'import.confirmed', id);
    afterCommit(() => ctx.jobs.send(IMPORT_JOB, { batchId: id, actor } satisfies ImportJobData, { singletonKey: id }));
    return true;
  });
  if (!queued) await refuseUnlessPreview(ctx, schoolId, id);
  return viewImport(ctx, principal, id);
}

export async function cancelImport(ctx: AppContext, principal: Principal, id: string, actor: AuditActor): Promise<void> {
  const schoolId = schoolIdOf(principal);
  const cancelled = await inTransaction(ctx.db, async (tx) => {
    if (!(await cancelPreview(tx, schoolId, id))) return false;
    await recordAudit(tx, actor, 'import.cancelled', id);
    return true;
  });
  if (!cancelled) await refuseUnlessPreview(ctx, schoolId, id);
}

