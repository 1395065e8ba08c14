import { isUniqueViolation } from '@server/db/pg-errors.js';
import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { AppError, badRequest, conflict, notFound } from '@server/lib/errors.js';
import { hasNul } from '@server/lib/text-guard.js';
import type { Principal } from '@server/plugins/session.js';
import { checkChildDocument, type ChildDocumentType } from '@common/participants.js';
import type { CursorPage } from '@common/schemas/lists.js';
import type {
  AssignNavigator,
  ParticipantDetail,
  ParticipantListItem,
  ParticipantListQuery,
  ParticipantPersonalData,
  ParticipantSort,
  RegisteredBySchool,
  SchoolRegistration,
} from '@common/schemas/participants.js';
import { GRADES, formatSnils, maskSnils } from '@common/validators.js';
import { recordAudit, recordAuditMany, type AuditActor } from '../audit/index.js';
import { mailTemplates } from '../mail/index.js';
import { announceRegistration, childIdentityKey, consentStateOf, createParticipant, representativesOf, issueOneTimeToken, updatePupilProfile } from '../identity/index.js';
import { decideExistingChild, participantScope } from './participants.policy.js';
import {
  assignNavigator as upsertAssignments,
  attachToSchool,
  countParticipants,
  findParticipantInScope,
  findProfileOfSchool,
  findSchool,
  isNavigatorOfSchool,
  listParticipants as selectParticipants,
  lockChildByIdentity,
  lockPupilsOfSchool,
  ranksMatches,
  unassignNavigator,
  type ParticipantRow,
  type SchoolRow,
  type SortKey,
} from './participants.repository.js';

const participantNotFound = () => notFound('Участник не найден');

/** Deliberately does not say which school: that would tell one school about another's pupils. */
export const childInOtherSchoolMessage =
  'Этот ребёнок уже зарегистрирован в программе другой школой. Если он перешёл к вам, обратитесь к координатору региона';

export const emailInUseMessage = 'Этот адрес уже использует другой пользователь платформы — укажите другой';

const noSchool = () => new AppError('no_school', 403, 'Ваша учётная запись не привязана к школе — обратитесь к координатору региона');

/** The school a school-role principal works for, from the session; such an account without one can do nothing here. */
export function schoolIdOf(principal: Principal): string {
  if (!principal.schoolId) throw noSchool();
  return principal.schoolId;
}

/** The caller's school with what a new pupil there takes from it: its name and its place. */
export async function schoolOf(ctx: AppContext, principal: Principal): Promise<SchoolRow> {
  const school = await findSchool(ctx.db, schoolIdOf(principal));
  if (!school) throw noSchool();
  return school;
}

export function signInUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/password/new?token=${token}&welcome=1`;
}

function personName(last: string, first: string, middle: string | null): string {
  return [last, first, middle].filter(Boolean).join(' ');
}

function present(ctx: AppContext, row: ParticipantRow): ParticipantListItem {
  return {
    id: row.id,
    lastName: row.last_name,
    firstName: row.first_name,
    middleName: row.middle_name,
    grade: row.grade,
    school: row.school_id ? { id: row.school_id, name: row.school_name ?? '' } : null,
    snilsMasked: maskSnils(ctx.pd.decrypt(row.snils_enc)),
    activated: row.status === 'active',
    parentLinked: row.parent_linked,
    consentGiven: row.consent_given,
    tested: row.tested,
    navigator: row.navigator_id
      ? { id: row.navigator_id, name: personName(row.navigator_last_name ?? '', row.navigator_first_name ?? '', row.navigator_middle_name) }
      : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

const badCursor = () => badRequest('invalid_cursor', 'Ссылка на страницу списка устарела или неверна — откройте список сначала', { after: 'Неверная ссылка на страницу списка' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(?:Z|[+-](\d{2}):(\d{2}))$/;
/** PostgreSQL text takes no NUL, so a key holding one would fail in the database rather than be refused here. */
const isKeyText = (v: unknown) => typeof v === 'string' && v.length <= 1000 && !hasNul(v);

/** A timestamp as the database wrote it into the cursor: every field in range, so the cast cannot fail. */
function isKeyTimestamp(v: unknown): boolean {
  const m = typeof v === 'string' ? TIMESTAMP.exec(v) : null;
  if (!m) return false;
  const [year, month, day, hour, minute, second, , offsetHour = '0', offsetMinute = '0'] = m.slice(1);
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHour) <= 15 &&
    Number(offsetMinute) <= 59
  );
}

/** What each value of an order's sort key must be, so a tampered cursor is refused, not cast. */
const KEY_CHECKS: Record<ParticipantSort, ReadonlyArray<(v: unknown) => boolean>> = {
  name: [isKeyText, isKeyText, isKeyText, (v) => typeof v === 'string' && UUID.test(v)],
  grade: [
    (v) => typeof v === 'number' && Number.isInteger(v) && v >= GRADES.min && v <= GRADES.max,
    isKeyText,
    isKeyText,
    isKeyText,
    (v) => typeof v === 'string' && UUID.test(v),
  ],
  createdAt: [isKeyTimestamp, (v) => typeof v === 'string' && UUID.test(v)],
};

/** The cursor names its order, so one taken from a list sorted otherwise is refused rather than misread. */
function encodeCursor(query: ParticipantListQuery, key: SortKey): string {
  return Buffer.from(JSON.stringify({ sort: query.sort, order: query.order, key })).toString('base64url');
}

function decodeCursor(query: ParticipantListQuery): SortKey | null {
  if (query.after === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(query.after, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (typeof parsed !== 'object' || parsed === null) throw badCursor();
  const { sort, order, key } = parsed as Record<string, unknown>;
  // A search by name order keys its rows by group first (see ranksMatches).
  const checks = ranksMatches(query) ? [(v: unknown) => v === 0 || v === 1, ...KEY_CHECKS.name] : KEY_CHECKS[query.sort];
  if (sort !== query.sort || order !== query.order || !Array.isArray(key) || key.length !== checks.length) throw badCursor();
  if (!checks.every((check, i) => check(key[i]))) throw badCursor();
  return key as SortKey;
}

/**
 * A page of the pupils the caller may see, with what each still lacks; SNILS masked. Keyset-paged:
 * one row more than the page says whether another follows.
 */
export async function listParticipants(ctx: AppContext, principal: Principal, query: ParticipantListQuery): Promise<CursorPage<ParticipantListItem>> {
  const scope = participantScope(principal);
  const after = decodeCursor(query);
  // The page shows the total its first request brought; a next page does not count again.
  const [rows, total] = await Promise.all([
    selectParticipants(ctx.db, scope, query, after, query.pageSize + 1),
    after ? null : countParticipants(ctx.db, scope, query),
  ]);
  const page = rows.slice(0, query.pageSize);
  const last = page.at(-1);
  return {
    items: page.map((row) => present(ctx, row)),
    nextCursor: rows.length > query.pageSize && last ? encodeCursor(query, last.sort_key) : null,
    total,
  };
}

/** One pupil in the caller's scope; outside it the pupil does not exist. */
export async function getParticipant(ctx: AppContext, principal: Principal, id: string): Promise<ParticipantDetail> {
  const row = await findParticipantInScope(ctx.db, participantScope(principal), id);
  if (!row) throw participantNotFound();
  return {
    ...present(ctx, row),
    birthDate: row.birth_date,
    email: row.email,
    phone: row.phone,
    region: { id: row.region_id, name: row.region_name },
    city: { id: row.city_id, name: row.city_name },
    representatives: await representativesOf(ctx.db, id),
  };
}

/** Unmasked SNILS, document and ОВЗ details of the school's own pupil; the view is audited with the read. */
export async function viewPersonalData(ctx: AppContext, principal: Principal, id: string, actor: AuditActor): Promise<ParticipantPersonalData> {
  const schoolId = schoolIdOf(principal);
  return inTransaction(ctx.db, async (tx) => {
    const profile = await findProfileOfSchool(tx, schoolId, id);
    if (!profile) throw participantNotFound();
    const ovzWithheld = (await consentStateOf(tx, id, 'health_data')) === 'withdrawn';
    await recordAudit(tx, actor, 'pd.viewed', id, { fields: ovzWithheld ? 'snils,document' : 'snils,document,ovz', bySchool: schoolId });
    return {
      snils: formatSnils(ctx.pd.decrypt(profile.snilsEnc)),
      document:
        profile.documentType && profile.documentNumberEnc
          ? { type: profile.documentType as ChildDocumentType, number: ctx.pd.decrypt(profile.documentNumberEnc) }
          : null,
      hasOvz: !ovzWithheld && profile.hasOvz,
      ovzDetails: !ovzWithheld && profile.ovzDetailsEnc ? ctx.pd.decrypt(profile.ovzDetailsEnc) : null,
      ovzWithheld,
      representatives: await representativesOf(tx, id),
    };
  });
}

/**
 * A school registers one of its pupils. A child already in the programme is not duplicated: its
 * profile joins this school, unless another school holds it. A new pupil gets an account without a
 * password and an e-mailed link to choose one.
 */
export async function registerBySchool(ctx: AppContext, principal: Principal, input: SchoolRegistration, actor: AuditActor): Promise<RegisteredBySchool> {
  const school = await schoolOf(ctx, principal);
  let document: { type: ChildDocumentType; number: string } | null = null;
  if (input.document) {
    const checked = checkChildDocument(input.document.documentType, input.document.documentNumber, input.birthDate);
    if (!checked.ok) throw badRequest('invalid_input', 'Проверьте введённые данные', { [`document.${checked.field}`]: checked.message });
    document = { type: checked.type, number: checked.number };
  }
  const identityBidx = childIdentityKey(ctx, input);
  // A registration racing this one past the checks meets a unique index; the second try then finds its row.
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(ctx.db, async (tx, afterCommit) => {
        const existing = await lockChildByIdentity(tx, identityBidx);
        if (existing) {
          const decision = decideExistingChild(existing.schoolId, school.id);
          if (decision === 'other_school') throw conflict('child_in_other_school', childInOtherSchoolMessage);
          if (decision === 'attach') {
            await attachToSchool(tx, school, [{ accountId: existing.accountId, grade: input.grade }]);
            await recordAudit(tx, actor, 'participant.matched_by_school', existing.accountId, { schoolId: school.id });
          }
          return { id: existing.accountId, outcome: 'matched' as const };
        }
        const account = await createParticipant(
          ctx,
          tx,
          { ...input, regionId: school.regionId, cityId: school.cityId, schoolId: school.id },
          { passwordHash: null, active: false, emailVerified: false, createdByParentId: null },
        );
        if (document || input.hasOvz) {
          await updatePupilProfile(tx, account.id, {
            ...(document ? { documentType: document.type, documentNumberEnc: ctx.pd.encrypt(document.number) } : {}),
            hasOvz: input.hasOvz ?? false,
          });
        }
        await recordAudit(tx, actor, 'participant.registered_by_school', account.id, { schoolId: school.id });
        announceRegistration(ctx, afterCommit, { scenario: 'by_school', role: 'participant', count: 1 });
        const token = await issueOneTimeToken(tx, account.id, 'child_sign_in');
        await ctx.mail.queue(
          tx,
          afterCommit,
          account.email,
          mailTemplates.registeredBySchool({ firstName: account.firstName, schoolName: school.name, url: signInUrl(ctx, token) }),
        );
        return { id: account.id, outcome: 'created' as const };
      });
    } catch (err) {
      if (attempt < 2 && isUniqueViolation(err)) continue;
      // createParticipant words a taken address for a pupil signing up; a school is told it differently.
      if (isUniqueViolation(err) || (err instanceof AppError && err.code === 'email_taken')) {
        throw conflict('email_taken', emailInUseMessage, { email: emailInUseMessage });
      }
      throw err;
    }
  }
}

/** Gives many of the school's pupils one navigator of the school (or none); all or nothing. */
export async function assignToNavigator(ctx: AppContext, principal: Principal, input: AssignNavigator, actor: AuditActor): Promise<{ assigned: number }> {
  const schoolId = schoolIdOf(principal);
  return inTransaction(ctx.db, async (tx) => {
    if (input.navigatorId && !(await isNavigatorOfSchool(tx, input.navigatorId, schoolId))) throw notFound('Навигатор не найден');
    if ((await lockPupilsOfSchool(tx, input.participantIds, schoolId)) !== input.participantIds.length) throw participantNotFound();
    if (input.navigatorId) await upsertAssignments(tx, input.participantIds, input.navigatorId, principal.accountId);
    else await unassignNavigator(tx, input.participantIds);
    await recordAuditMany(
      tx,
      actor,
      'participants.assigned',
      input.participantIds.map((subjectId) => ({ subjectId, details: { navigatorId: input.navigatorId } })),
    );
    return { assigned: input.participantIds.length };
  });
}
