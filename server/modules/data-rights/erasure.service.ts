import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import { inTransaction, type AfterCommit } from '@server/db/transaction.js';
import { conflict, forbidden, notFound } from '@server/lib/errors.js';
import { erasureDueAt } from '@common/data-rights.js';
import type { ErasureState } from '@common/schemas/data-rights.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { eraseDiagnosticsOf } from '../diagnostics/index.js';
import { cancelUpcomingEnrolmentsOf, eraseEnrolmentsOf } from '../events/index.js';
import { disableAccount, erasePupilIdentity, findAccountById, lockAccount, parentsOfChild, updateAccount } from '../identity/index.js';
import { detachPupilFigures } from '../kpi/index.js';
import { eraseMailTo } from '../mail/index.js';
import { eraseNotificationsOf, notifyAccount } from '../notifications/index.js';
import { erasePaperConsentsOf, removePaperConsentScans } from '../paper-consents/index.js';
import { eraseNavigatorAssignmentOf } from '../participants/index.js';
import { eraseRecommendationsOf } from '../recommendations/index.js';
import { eraseStudyPlanOf } from '../study-plans/index.js';
import { eraseSupportOf, removeSupportFiles } from '../support/index.js';
import { resolveSubject } from './archive.service.js';
import {
  claimDueErasures,
  closeErasureRequest,
  insertDestructionRecord,
  insertErasureRequest,
  pendingErasureOf,
  type DestroyedClass,
  type ErasureRequestRow,
} from './data-rights.repository.js';
import { erasureRefusal, mayCancelErasure, type DataRightsCaller } from './data-rights.policy.js';

export const ERASURE_JOB = 'data-rights-erasure';

/** The grounds an act of destruction states, by who asked. */
export const ERASURE_GROUNDS: Record<string, string> = {
  parent: 'Требование законного представителя субъекта персональных данных об их уничтожении (ст. 14, 21 Федерального закона № 152-ФЗ)',
  participant: 'Требование субъекта персональных данных об их уничтожении (ст. 14, 21 Федерального закона № 152-ФЗ)',
  system: 'Истёк срок хранения: учётная запись не подтверждена до конца сезона (ч. 7 ст. 5, ч. 4 ст. 21 Федерального закона № 152-ФЗ)',
};

function stateOf(caller: DataRightsCaller, pending: ErasureRequestRow | null, refusal: string | null): ErasureState {
  return {
    pending: pending && {
      requestedAt: pending.requestedAt.toISOString(),
      dueAt: pending.dueAt.toISOString(),
      requestedByCaller: mayCancelErasure(caller, pending),
    },
    mayRequest: !pending && refusal === null,
    refusal: pending ? null : refusal,
  };
}

export async function erasureStateFor(ctx: AppContext, caller: DataRightsCaller, subjectId: string | undefined): Promise<ErasureState> {
  const subject = await resolveSubject(ctx, caller, subjectId);
  const account = await findAccountById(ctx.db, subject.id);
  if (!account) throw notFound('Учётная запись не найдена');
  const refusal = erasureRefusal(subject.self, account);
  return stateOf(caller, await pendingErasureOf(ctx.db, subject.id), refusal);
}

/**
 * Freezes the account at once (no sign-in, every session ended, out of staff lists, its coming
 * enrolments cancelled with their seats passed on) and schedules its erasure ERASURE_GRACE_DAYS on.
 */
export async function requestErasure(ctx: AppContext, caller: DataRightsCaller, subjectId: string | undefined, actor: AuditActor): Promise<ErasureState> {
  const subject = await resolveSubject(ctx, caller, subjectId);
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const account = await lockAccount(tx, subject.id);
    if (!account) throw notFound('Учётная запись не найдена');
    const pending = await pendingErasureOf(tx, subject.id);
    if (pending) {
      throw conflict('erasure_already_requested', `Удаление уже запрошено: учётная запись будет удалена ${pending.dueAt.toLocaleDateString('ru-RU', { timeZone: 'Europe/Moscow' })}`);
    }
    const refusal = erasureRefusal(subject.self, account);
    if (refusal) throw forbidden(refusal);
    const now = new Date();
    const request = await insertErasureRequest(tx, {
      subjectId: subject.id,
      subjectRole: account.role,
      requestedBy: caller.accountId,
      requesterRole: caller.role,
      previousStatus: account.status,
      requestedAt: now,
      dueAt: erasureDueAt(now),
    });
    await disableAccount(tx, subject.id);
    const cancelled = await cancelUpcomingEnrolmentsOf(ctx, tx, afterCommit, subject.id, 'account_frozen');
    await recordAudit(tx, actor, 'data_rights.erasure_requested', subject.id, { requestId: request.id, dueAt: request.dueAt.toISOString(), enrolmentsCancelled: cancelled });
    // The family learns of it: the parents when the pupil asked, the other parent when one did.
    const due = request.dueAt.toLocaleDateString('ru-RU', { timeZone: 'Europe/Moscow' });
    for (const parent of await parentsOfChild(tx, subject.id)) {
      if (parent.id === caller.accountId) continue;
      await notifyAccount(ctx, tx, afterCommit, parent.id, {
        kind: 'data_rights.erasure_requested',
        title: 'Запрошено удаление учётной записи ребёнка',
        body: `${subject.self ? 'Ребёнок' : 'Второй родитель'} запросил удаление учётной записи «${account.lastName} ${account.firstName}». Учётная запись заморожена, все данные будут удалены ${due}.${subject.self ? '' : ' Отменить удаление может тот, кто его запросил.'}`,
        link: '/parent',
      });
    }
    return stateOf(caller, request, null);
  });
}

/** The requester takes the request back while the account waits: it is unfrozen; cancelled enrolments stay cancelled. */
export async function cancelErasure(ctx: AppContext, caller: DataRightsCaller, subjectId: string | undefined, actor: AuditActor): Promise<ErasureState> {
  const subject = await resolveSubject(ctx, caller, subjectId);
  return inTransaction(ctx.db, async (tx) => {
    // The request row first, then the account: the order the erasure job takes them in.
    const pending = await pendingErasureOf(tx, subject.id, true);
    const account = pending && (await lockAccount(tx, subject.id));
    if (!pending || !account || !mayCancelErasure(caller, pending)) throw notFound('Запрос на удаление не найден');
    await closeErasureRequest(tx, pending.id, 'cancelled', new Date());
    await updateAccount(tx, subject.id, { status: pending.previousStatus });
    await recordAudit(tx, actor, 'data_rights.erasure_cancelled', subject.id, { requestId: pending.id });
    return stateOf(caller, null, erasureRefusal(subject.self, account));
  });
}

const SYSTEM_ACTOR: AuditActor = { actorId: null, actorRole: null, ip: '127.0.0.1' };

/**
 * Destroys everything held about one pupil in the caller's transaction, each module its own part,
 * and writes the act of destruction: the classes of data and how many rows each, the files, the
 * grounds and the job, with nothing that names the pupil. The figures of KPIs keep their counts,
 * detached from the pupil. Sealed files go after commit: one left behind by a crash cannot be read
 * without its row.
 */
async function erasePupilIn(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, request: ErasureRequestRow, job: string): Promise<void> {
  const subjectId = request.subjectId;
  const account = subjectId ? await lockAccount(tx, subjectId) : null;
  if (!subjectId || !account) throw new Error(`Erasure request ${request.id} has no account left to erase`);
  await cancelUpcomingEnrolmentsOf(ctx, tx, afterCommit, subjectId, 'account_erased');
  const classes: DestroyedClass[] = [];
  const add = (dataClass: string, rows: number) => classes.push({ dataClass, rows });
  add('enrolments', await eraseEnrolmentsOf(tx, subjectId));
  const diagnostics = await eraseDiagnosticsOf(tx, subjectId);
  add('diagnostic_attempts', diagnostics.attempts);
  add('footprint', diagnostics.footprint);
  add('study_plan', await eraseStudyPlanOf(tx, subjectId));
  add('recommendations', await eraseRecommendationsOf(tx, subjectId));
  const support = await eraseSupportOf(tx, { id: subjectId, email: account.email });
  add('support_requests', support.rows);
  const scans = await erasePaperConsentsOf(tx, subjectId);
  add('paper_consents', scans.length);
  add('navigator_assignment', await eraseNavigatorAssignmentOf(tx, subjectId));
  add('notifications', await eraseNotificationsOf(tx, subjectId));
  add('mail', await eraseMailTo(tx, account.email));
  for (const [dataClass, rows] of Object.entries(await erasePupilIdentity(tx, subjectId))) add(dataClass, rows);
  await detachPupilFigures(tx, subjectId);
  const at = new Date();
  await closeErasureRequest(tx, request.id, 'erased', at);
  await insertDestructionRecord(tx, {
    erasureRequestId: request.id,
    subjectRole: request.subjectRole,
    grounds: ERASURE_GROUNDS[request.requesterRole] ?? ERASURE_GROUNDS.participant!,
    requestedAt: request.requestedAt,
    destroyedAt: at,
    job,
    dataClasses: classes,
    filesDestroyed: scans.length + support.fileIds.length,
  });
  await recordAudit(tx, SYSTEM_ACTOR, 'data_rights.erased', null, { requestId: request.id, job });
  afterCommit(async () => {
    await removePaperConsentScans(ctx, scans);
    await removeSupportFiles(ctx, support.fileIds);
  });
}

/**
 * Erases every account whose request fell due by `now`, one transaction each, so one that fails
 * leaves the rest to go and is tried again on the next run. Returns how many were erased.
 */
export async function eraseDueAccounts(ctx: AppContext, log: FastifyBaseLogger, opts: { now?: Date; job?: string } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  let erased = 0;
  const failed = new Set<string>();
  for (;;) {
    let current: string | null = null;
    try {
      const done = await inTransaction(ctx.db, async (tx, afterCommit) => {
        const next = (await claimDueErasures(tx, now, failed.size + 1)).find((r) => !failed.has(r.id));
        if (!next) return false;
        current = next.id;
        await erasePupilIn(ctx, tx, afterCommit, next, opts.job ?? ERASURE_JOB);
        return true;
      });
      if (!done) return erased;
      erased += 1;
    } catch (err) {
      if (current === null) throw err;
      failed.add(current);
      log.error({ err, requestId: current }, 'erasure failed; it is tried again on the next run');
    }
  }
}

/**
 * Opens and at once carries out an erasure the platform itself decided (retention): nobody asked,
 * nobody can cancel. The account was picked outside this transaction, so it is erased only if,
 * once locked, it is still unconfirmed and created before the cutoff.
 */
export async function eraseBySchedule(ctx: AppContext, subjectId: string, job: string, createdBefore: Date): Promise<boolean> {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const account = await lockAccount(tx, subjectId);
    if (!account || account.status !== 'pending' || account.createdAt >= createdBefore) return false;
    if (await pendingErasureOf(tx, subjectId)) return false;
    const now = new Date();
    const request = await insertErasureRequest(tx, {
      subjectId,
      subjectRole: account.role,
      requestedBy: null,
      requesterRole: 'system',
      previousStatus: account.status,
      requestedAt: now,
      dueAt: now,
    });
    await erasePupilIn(ctx, tx, afterCommit, request, job);
    return true;
  });
}
