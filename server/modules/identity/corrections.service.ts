import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { isUniqueViolation } from '@server/db/pg-errors.js';
import { badRequest, conflict, notFound } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import { CORRECTABLE_FIELDS, CORRECTABLE_FIELD_LABELS, type CorrectionRequestInput, type CorrectionStatus, type CorrectionView, type PupilCorrections } from '@common/schemas/corrections.js';
import { normalizePersonName } from '@common/validators.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { noticeInCabinets, notifyAccount } from '../notifications/index.js';
import { schoolInRegion } from '../reference/index.js';
import {
  applyCorrection,
  correctionsOfPupil,
  correctionsOfSchool,
  decideCorrection,
  findCorrectablePupil,
  findCorrectionOfSchool,
  hasPendingCorrection,
  insertCorrection,
  lockCorrection,
  schoolAdminIds,
  type CorrectionRow,
  type RequestedCorrection,
} from './corrections.repository.js';
import { linkExists } from './family.repository.js';
import { childIdentityKey } from './registration.service.js';

const pupilNotFound = () => notFound('Ученик не найден');
const requestNotFound = () => notFound('Запрос на исправление не найден');

const duplicateChild = () =>
  conflict(
    'child_already_registered',
    'Исправить нельзя: в программе уже есть ребёнок с такими фамилией, именем, датой рождения и СНИЛС — один ребёнок может иметь только один профиль. Откажите в исправлении и объясните семье, что делать, или обратитесь в поддержку',
  );

/** The pupil itself or a linked parent; anyone else finds no such pupil. */
async function assertFamily(ctx: AppContext, principal: Principal, pupilId: string): Promise<void> {
  const allowed =
    principal.role === 'participant' ? principal.accountId === pupilId : principal.role === 'parent' && (await linkExists(ctx.db, principal.accountId, pupilId));
  if (!allowed) throw pupilNotFound();
}

const fullName = (last: string, first: string, middle: string | null) => [last, first, middle].filter(Boolean).join(' ');

function toView(r: CorrectionRow): CorrectionView {
  const requested: CorrectionView['requested'] = { ...r.requested };
  if (r.requested.schoolId && r.requested_school_name) requested.schoolName = r.requested_school_name;
  return {
    id: r.id,
    status: r.status,
    pupil: { id: r.participant_id, name: fullName(r.pupil_last_name, r.pupil_first_name, r.pupil_middle_name), grade: r.pupil_grade },
    requestedBy: { name: `${r.requester_first_name} ${r.requester_last_name}`, role: r.requester_role },
    current: {
      lastName: r.pupil_last_name,
      firstName: r.pupil_first_name,
      birthDate: r.pupil_birth_date,
      school: r.pupil_school_id ? { id: r.pupil_school_id, name: r.pupil_school_name ?? '' } : null,
    },
    requested,
    comment: r.comment,
    refusalReason: r.refusal_reason,
    createdAt: new Date(r.created_at).toISOString(),
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
  };
}

/**
 * The pupil or a parent asks the pupil's school to correct its surname, name, date of birth or
 * school. Only what differs from the data is kept; a school must lie in the pupil's region.
 */
export async function requestCorrection(ctx: AppContext, principal: Principal, pupilId: string, input: CorrectionRequestInput, actor: AuditActor) {
  await assertFamily(ctx, principal, pupilId);
  return inTransaction(ctx.db, async (tx) => {
    const pupil = await findCorrectablePupil(tx, pupilId, true);
    if (!pupil) throw pupilNotFound();
    if (!pupil.school_id) {
      throw conflict('no_school', 'Школа ученика не подключена к программе, и подтвердить исправление некому. Напишите в поддержку — исправим вручную');
    }
    const requested: RequestedCorrection = {};
    if (input.lastName !== undefined && normalizePersonName(input.lastName) !== normalizePersonName(pupil.last_name)) requested.lastName = input.lastName;
    if (input.firstName !== undefined && normalizePersonName(input.firstName) !== normalizePersonName(pupil.first_name)) requested.firstName = input.firstName;
    if (input.birthDate !== undefined && input.birthDate !== pupil.birth_date) requested.birthDate = input.birthDate;
    if (input.schoolId !== undefined && input.schoolId !== pupil.school_id) {
      if (!(await schoolInRegion(tx, input.schoolId, pupil.region_id))) {
        throw badRequest('invalid_input', 'Проверьте введённые данные', { schoolId: 'Выберите школу из списка региона, где учится ученик' });
      }
      requested.schoolId = input.schoolId;
    }
    const fields = CORRECTABLE_FIELDS.filter((f) => requested[f] !== undefined);
    if (fields.length === 0) throw badRequest('nothing_to_correct', 'Эти данные уже такие — исправлять нечего');
    if (await hasPendingCorrection(tx, pupilId)) {
      throw conflict('correction_pending', 'Школа ещё не ответила на прошлый запрос. Дождитесь ответа, потом отправьте новый');
    }
    // The pupil's row is locked: no second request can slip in between the check and the insert.
    const id = await insertCorrection(tx, { participantId: pupilId, requestedBy: principal.accountId, schoolId: pupil.school_id, requested, comment: input.comment || null });
    await recordAudit(tx, actor, 'pd.correction_requested', pupilId, { requestId: id, fields: fields.join(',') });
    await noticeInCabinets(tx, await schoolAdminIds(tx, pupil.school_id), {
      kind: 'pd.correction_requested',
      title: 'Запрос на исправление данных ученика',
      body: `Семья ученика ${pupil.grade} класса просит исправить: ${fields.map((f) => CORRECTABLE_FIELD_LABELS[f].toLowerCase()).join(', ')}.`,
      link: '/staff/corrections',
    });
    return { id, status: 'pending' as CorrectionStatus };
  });
}

/** The family's requests with the data as they stand, which the request form starts from. */
export async function pupilCorrections(ctx: AppContext, principal: Principal, pupilId: string): Promise<PupilCorrections> {
  await assertFamily(ctx, principal, pupilId);
  const [pupil, rows] = await Promise.all([findCorrectablePupil(ctx.db, pupilId), correctionsOfPupil(ctx.db, pupilId)]);
  if (!pupil) throw pupilNotFound();
  return {
    current: {
      lastName: pupil.last_name,
      firstName: pupil.first_name,
      birthDate: pupil.birth_date,
      school: pupil.school_id ? { id: pupil.school_id, name: pupil.school_name ?? '' } : null,
      regionId: pupil.region_id,
      cityId: pupil.city_id,
    },
    items: rows.map(toView),
  };
}

function schoolOf(principal: Principal): string {
  if (!principal.schoolId) throw requestNotFound();
  return principal.schoolId;
}

export async function schoolCorrections(ctx: AppContext, principal: Principal, status: CorrectionStatus): Promise<{ items: CorrectionView[] }> {
  return { items: (await correctionsOfSchool(ctx.db, schoolOf(principal), status)).map(toView) };
}

const decidedAlready = () => conflict('correction_decided', 'На этот запрос уже ответили');

function requesterLink(role: 'participant' | 'parent'): string {
  return role === 'participant' ? '/participant' : '/parent';
}

/** The request as decided; gone only if the pupil was frozen for erasure in between. */
async function decidedView(ctx: AppContext, schoolId: string, id: string): Promise<CorrectionView> {
  const row = await findCorrectionOfSchool(ctx.db, schoolId, id);
  if (!row) throw requestNotFound();
  return toView(row);
}

/**
 * The school confirms: the data change, the blind index follows them, and a change that would make
 * the pupil another existing child is refused with nothing changed (one child, one profile).
 */
export async function confirmCorrection(ctx: AppContext, principal: Principal, id: string, actor: AuditActor): Promise<CorrectionView> {
  const schoolId = schoolOf(principal);
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const request = await lockCorrection(tx, schoolId, id);
    if (!request) throw requestNotFound();
    if (request.status !== 'pending') throw decidedAlready();
    const pupil = await findCorrectablePupil(tx, request.participant_id, true);
    if (!pupil) throw requestNotFound();
    const wanted = request.requested;
    if (wanted.schoolId && !(await schoolInRegion(tx, wanted.schoolId, pupil.region_id))) {
      throw conflict('school_outside_region', 'Школа из запроса не относится к региону ученика — откажите в исправлении');
    }
    const next = {
      lastName: wanted.lastName ?? pupil.last_name,
      firstName: wanted.firstName ?? pupil.first_name,
      birthDate: wanted.birthDate ?? pupil.birth_date,
      schoolId: wanted.schoolId ?? null,
    };
    const identityBidx = childIdentityKey(ctx, {
      lastName: next.lastName,
      firstName: next.firstName,
      middleName: pupil.middle_name ?? undefined,
      birthDate: next.birthDate ?? '',
      snils: ctx.pd.decrypt(pupil.snils_enc),
    });
    // The unique blind index holds one child to one profile, against a registration at the same moment too.
    try {
      await applyCorrection(tx, pupil.id, { ...next, identityBidx });
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateChild();
      throw err;
    }
    await decideCorrection(tx, id, principal.accountId, 'confirmed', null);
    const fields = CORRECTABLE_FIELDS.filter((f) => wanted[f] !== undefined);
    await recordAudit(tx, actor, 'pd.correction_confirmed', pupil.id, { requestId: id, fields: fields.join(','), bySchool: schoolId });
    await notifyAccount(ctx, tx, afterCommit, request.requested_by, {
      kind: 'pd.correction_decided',
      title: 'Данные исправлены',
      body: `Школа подтвердила исправление: ${fields.map((f) => CORRECTABLE_FIELD_LABELS[f].toLowerCase()).join(', ')}. Новые данные уже в анкете.`,
      link: requesterLink(request.requester_role),
    });
  });
  return decidedView(ctx, schoolId, id);
}

/** The school refuses with a reason the family reads; nothing in the pupil's data changes. */
export async function refuseCorrection(ctx: AppContext, principal: Principal, id: string, reason: string, actor: AuditActor): Promise<CorrectionView> {
  const schoolId = schoolOf(principal);
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const request = await lockCorrection(tx, schoolId, id);
    if (!request) throw requestNotFound();
    if (request.status !== 'pending') throw decidedAlready();
    await decideCorrection(tx, id, principal.accountId, 'refused', reason);
    await recordAudit(tx, actor, 'pd.correction_refused', request.participant_id, { requestId: id, bySchool: schoolId });
    await notifyAccount(ctx, tx, afterCommit, request.requested_by, {
      kind: 'pd.correction_decided',
      title: 'Школа не подтвердила исправление данных',
      body: `Причина: ${reason}`,
      link: requesterLink(request.requester_role),
    });
  });
  return decidedView(ctx, schoolId, id);
}
