import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import { AppError, badRequest, conflict } from '@server/lib/errors.js';
import { hashPassword, assertPasswordNotCommon } from '@server/lib/passwords.js';
import { ageOn, normalizePersonName, todayInMoscow } from '@common/validators.js';
import { parentMayCreateChild } from '@common/participation.js';
import type { CreateChild, ParticipantRegistration } from '@common/schemas/identity.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { mailTemplates } from '../mail/index.js';
import { notifyAccount } from '../notifications/index.js';
import { cityInRegion, schoolInRegion } from '../reference/index.js';
import { emailTaken, findAccountById, identityTaken, insertAccount, insertParticipantProfile } from './accounts.repository.js';
import { claimInvitation, linkFamily, shortName } from './family.service.js';
import { updateInvitation } from './family.repository.js';
import { issueToken } from './tokens.repository.js';
import { announceRegistration } from './registration-signal.js';

type ChildData = Pick<
  ParticipantRegistration,
  'lastName' | 'firstName' | 'middleName' | 'birthDate' | 'grade' | 'regionId' | 'cityId' | 'schoolId' | 'schoolName' | 'snils'
>;

/** Full name + date of birth + SNILS, normalised: the programme's definition of one child. */
export function childIdentityKey(ctx: AppContext, d: Pick<ChildData, 'lastName' | 'firstName' | 'middleName' | 'birthDate' | 'snils'>) {
  const name = [d.lastName, d.firstName, d.middleName ?? ''].map(normalizePersonName).join('|');
  return ctx.pd.blindIndex(`child:${name}|${d.birthDate}|${d.snils}`);
}

const emailTakenError = () =>
  conflict('email_taken', 'Этот адрес уже зарегистрирован', {
    email: 'Этот адрес уже зарегистрирован. Войдите или восстановите пароль',
  });

/** Deliberately says nothing about whose profile it is. */
const childExistsError = () =>
  conflict(
    'child_already_registered',
    'Этот ребёнок уже зарегистрирован в программе. Войдите в его кабинет или восстановите пароль по почте, указанной при регистрации; если доступа к почте нет — обратитесь в поддержку',
  );

async function assertPlace(tx: Tx, d: ChildData): Promise<void> {
  if (!(await cityInRegion(tx, d.cityId, d.regionId))) {
    throw badRequest('invalid_input', 'Проверьте введённые данные', { cityId: 'Выберите город из списка этого региона' });
  }
  if (d.schoolId && !(await schoolInRegion(tx, d.schoolId, d.regionId))) {
    throw badRequest('invalid_input', 'Проверьте введённые данные', { schoolId: 'Выберите школу из списка этого региона' });
  }
}

/** Two registrations racing past the checks still meet the unique indexes; answer them the same way. */
function mapUniqueViolation(err: unknown): never {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e.code ?? e.cause?.code;
  const constraint = e.constraint ?? e.cause?.constraint;
  if (code === '23505' && constraint === 'accounts_email_uq') throw emailTakenError();
  if (code === '23505' && constraint === 'participant_identity_uq') throw childExistsError();
  throw err;
}

/** The one place a pupil's account and profile are created; the caller decides how it signs in. */
export async function createParticipant(
  ctx: AppContext,
  tx: Tx,
  d: ChildData & { email: string; phone?: string | undefined },
  opts: { passwordHash: string | null; active: boolean; emailVerified: boolean; createdByParentId: string | null },
) {
  await assertPlace(tx, d);
  if (await emailTaken(tx, d.email)) throw emailTakenError();
  const identityBidx = childIdentityKey(ctx, d);
  if (await identityTaken(tx, identityBidx)) throw childExistsError();
  const account = await insertAccount(tx, {
    role: 'participant',
    email: d.email,
    passwordHash: opts.passwordHash,
    status: opts.active ? 'active' : 'pending',
    emailVerifiedAt: opts.emailVerified ? new Date() : null,
    lastName: d.lastName,
    firstName: d.firstName,
    middleName: d.middleName || null,
    birthDate: d.birthDate,
    phone: d.phone ?? null,
  });
  await insertParticipantProfile(tx, {
    accountId: account.id,
    grade: d.grade,
    regionId: d.regionId,
    cityId: d.cityId,
    schoolId: d.schoolId ?? null,
    schoolNameTyped: d.schoolId ? null : (d.schoolName ?? null),
    snilsEnc: ctx.pd.encrypt(d.snils),
    identityBidx,
    createdByParentId: opts.createdByParentId,
  });
  return account;
}

/**
 * Participant-first registration, or the child's half of the parent-first scenario when an
 * invitation token comes along: then the accounts are linked at once and the parent is told.
 */
export async function registerParticipant(ctx: AppContext, input: ParticipantRegistration, actor: AuditActor) {
  assertPasswordNotCommon(input.password);
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(ctx.db, async (tx, afterCommit) => {
      const invitation = input.invitationToken ? await claimInvitation(tx, input.invitationToken, 'child') : null;
      // The invitation reached this very address, so following it proves the mailbox is theirs.
      const verifiedByInvitation = invitation?.email === input.email;
      const account = await createParticipant(ctx, tx, input, {
        passwordHash,
        active: verifiedByInvitation,
        emailVerified: verifiedByInvitation,
        createdByParentId: null,
      });
      const self: AuditActor = { ...actor, actorId: account.id, actorRole: 'participant' };
      await recordAudit(tx, self, 'account.registered', account.id, { role: 'participant', viaInvitation: Boolean(invitation) });
      announceRegistration(ctx, afterCommit, { scenario: invitation ? 'parent_invitation' : 'self', role: 'participant', count: 1 });
      if (!verifiedByInvitation) {
        const token = await issueToken(tx, account.id, 'activation');
        await ctx.mail.queue(tx, afterCommit, account.email, mailTemplates.activation({ firstName: account.firstName, url: `${ctx.config.publicUrl}/activate?token=${token}` }));
      }
      if (invitation) {
        await linkFamily(tx, invitation.inviterId, account.id, self);
        await updateInvitation(tx, invitation.id, { status: 'accepted', acceptedBy: account.id, acceptedAt: new Date() });
        await recordAudit(tx, self, 'invitation.accepted', invitation.id, { kind: 'child' });
        await notifyAccount(ctx, tx, afterCommit, invitation.inviterId, {
          kind: 'child_registered',
          title: 'Ребёнок зарегистрировался',
          body: `${shortName(account)} зарегистрировался(-ась) по вашему приглашению — кабинеты связаны. Осталось дать согласие на обработку персональных данных.`,
          link: '/parent',
        });
      }
      return { accountId: account.id, active: verifiedByInvitation };
    });
  } catch (err) {
    mapUniqueViolation(err);
  }
}

/**
 * A parent opens a cabinet for a child under 14. With a password the child can sign in at once;
 * without one the child gets a single-use link to choose it.
 */
export async function createChildByParent(ctx: AppContext, parentId: string, input: CreateChild, actor: AuditActor) {
  const age = ageOn(input.birthDate, todayInMoscow());
  if (!parentMayCreateChild(age)) {
    throw badRequest('child_too_old', 'С 14 лет ребёнок регистрируется сам — отправьте ему приглашение', {
      birthDate: 'Ребёнку уже есть 14 лет: отправьте ему приглашение, он зарегистрируется сам',
    });
  }
  if (input.password) assertPasswordNotCommon(input.password);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await inTransaction(ctx.db, async (tx, afterCommit) => {
      const parent = await findAccountById(tx, parentId);
      if (!parent || parent.status !== 'active') {
        throw new AppError('parent_not_confirmed', 409, 'Сначала подтвердите свои данные из Госуслуг');
      }
      const account = await createParticipant(ctx, tx, input, {
        passwordHash,
        active: Boolean(passwordHash),
        emailVerified: false,
        createdByParentId: parentId,
      });
      await recordAudit(tx, actor, 'account.registered', account.id, { role: 'participant', byParent: true });
      announceRegistration(ctx, afterCommit, { scenario: 'by_parent', role: 'participant', count: 1 });
      await linkFamily(tx, parentId, account.id, actor, input.representativeKind ?? 'parent');
      if (passwordHash) {
        const token = await issueToken(tx, account.id, 'activation');
        await ctx.mail.queue(tx, afterCommit, account.email, mailTemplates.activation({ firstName: account.firstName, url: `${ctx.config.publicUrl}/activate?token=${token}` }));
      } else {
        const token = await issueToken(tx, account.id, 'child_sign_in');
        await ctx.mail.queue(tx, afterCommit, account.email, mailTemplates.childAccountCreated({
          firstName: account.firstName,
          parentName: shortName(parent),
          url: `${ctx.config.publicUrl}/password/new?token=${token}&welcome=1`,
        }));
      }
      return { childId: account.id, signInLinkSent: !passwordHash };
    });
  } catch (err) {
    mapUniqueViolation(err);
  }
}
