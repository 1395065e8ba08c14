import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { AppError, conflict, gone } from '@server/lib/errors.js';
import { assertPasswordNotCommon, hashPassword } from '@server/lib/passwords.js';
import { STAFF_CONSENT } from '@common/organisations.js';
import { ROLE_LABELS, type Role } from '@common/roles.js';
import type { StaffConsentState, StaffInvitationDetails } from '@common/schemas/staff-access.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { findAccountById, updateAccount } from './accounts.repository.js';
import { openSession, type NewSession } from './auth.service.js';
import { upsertOwnStaffProfile } from './second-factor.repository.js';
import { findInvitee, findStaffConsent, type InviteeRow } from './staff-onboarding.repository.js';
import { claimToken, inspectToken, type TokenState } from './tokens.repository.js';

const invitationProblem = (state: Exclude<TokenState['state'], 'valid'> | 'revoked') => {
  switch (state) {
    case 'used':
      return gone('token_used', 'Это приглашение уже принято. Войдите с адресом почты и паролем, который вы тогда придумали');
    case 'expired':
      return gone('token_expired', 'Срок приглашения истёк. Попросите того, кто вас пригласил, отправить его ещё раз');
    case 'revoked':
      return gone('invitation_revoked', 'Приглашение отозвано. Если это ошибка, свяжитесь с тем, кто вас пригласил');
    case 'unknown':
      return new AppError('token_unknown', 404, 'Приглашение не найдено — возможно, ссылка скопирована из письма не полностью');
  }
};

/** The school or venue, the region for a coordinator, or the programme operator for its own staff. */
function organisationOf(invitee: InviteeRow): string {
  if (invitee.schoolName) return invitee.schoolName;
  if (invitee.venueName) return invitee.venueName;
  if (invitee.role === 'regional_coordinator' && invitee.regionName) return invitee.regionName;
  return 'Оператор программы';
}

/** What the invitation page shows before the staff member chooses a password; the link stays unused. */
export async function describeStaffInvitation(ctx: AppContext, token: string): Promise<StaffInvitationDetails> {
  const found = await inspectToken(ctx.db, token, ['staff_invitation']);
  if (found.state !== 'valid') throw invitationProblem(found.state);
  const invitee = await findInvitee(ctx.db, found.accountId);
  if (!invitee) throw invitationProblem('unknown');
  if (invitee.status !== 'pending') throw invitationProblem('revoked');
  const role = invitee.role as Role;
  return {
    firstName: invitee.firstName,
    lastName: invitee.lastName,
    role,
    roleLabel: ROLE_LABELS[role],
    organisation: organisationOf(invitee),
    email: invitee.email,
    inviterName: invitee.inviterFirstName ? `${invitee.inviterFirstName} ${invitee.inviterLastName ?? ''}`.trim() : null,
  };
}

/**
 * The invited staff member sets its password: the account becomes active with its address
 * confirmed (the link came to it), and a session opens; consent and the second factor follow as gates.
 */
export async function acceptStaffInvitation(
  ctx: AppContext,
  input: { token: string; password: string },
  actor: AuditActor,
  previousHash: string | null,
): Promise<NewSession> {
  assertPasswordNotCommon(input.password);
  const passwordHash = await hashPassword(input.password);
  const account = await inTransaction(ctx.db, async (tx) => {
    const claimed = await claimToken(tx, input.token, ['staff_invitation']);
    if (claimed.state !== 'valid') throw invitationProblem(claimed.state);
    const invited = await findAccountById(tx, claimed.accountId);
    if (!invited) throw invitationProblem('unknown');
    if (invited.status !== 'pending') throw invitationProblem('revoked');
    await updateAccount(tx, invited.id, { passwordHash, status: 'active', emailVerifiedAt: invited.emailVerifiedAt ?? new Date() });
    await recordAudit(tx, { ...actor, actorId: invited.id, actorRole: invited.role }, 'staff.invitation_accepted', invited.id);
    return invited;
  });
  return openSession(ctx, account.id, account.role as Role, previousHash);
}

function consentState(accepted: { version: string | null; at: Date | null } | undefined): StaffConsentState {
  return {
    version: STAFF_CONSENT.version,
    title: STAFF_CONSENT.title,
    body: STAFF_CONSENT.body,
    acceptedVersion: accepted?.version ?? null,
    acceptedAt: accepted?.at?.toISOString() ?? null,
  };
}

/** The current consent text and what this staff member has accepted so far. */
export async function getStaffConsent(ctx: AppContext, accountId: string): Promise<StaffConsentState> {
  return consentState(await findStaffConsent(ctx.db, accountId));
}

/**
 * Records acceptance of the consent the page showed. A page opened before the text changed sends
 * the old version and is refused, so nobody accepts a text it has not seen.
 */
export async function acceptStaffConsent(ctx: AppContext, accountId: string, version: string, actor: AuditActor): Promise<StaffConsentState> {
  if (version !== STAFF_CONSENT.version) {
    throw conflict('consent_outdated', 'Текст согласия обновился. Обновите страницу, прочитайте новую редакцию и примите её');
  }
  const at = new Date();
  await inTransaction(ctx.db, async (tx) => {
    await upsertOwnStaffProfile(tx, accountId, { pdConsentVersion: version, pdConsentAt: at });
    await recordAudit(tx, actor, 'staff.consent_given', accountId, { version });
  });
  // What was just written is the answer; no need to read it back.
  return consentState({ version, at });
}
