import type { AppContext } from '@server/context.js';
import type { Executor, Tx } from '@server/db/client.js';
import { inTransaction, type AfterCommit } from '@server/db/transaction.js';
import { AppError, conflict, gone, notFound } from '@server/lib/errors.js';
import { hashToken, randomToken } from '@server/lib/tokens.js';
import { MAX_PARENTS_PER_CHILD } from '@common/participation.js';
import type { RepresentativeKind } from '@common/schemas/identity.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { mailTemplates } from '../mail/index.js';
import { notifyAccount } from '../notifications/index.js';
import { findAccountById, lockAccount, type AccountRow } from './accounts.repository.js';
import {
  countParents,
  findInvitationByToken,
  findOwnInvitation,
  findPendingInvitationTo,
  insertInvitation,
  insertLink,
  linkExists,
  listInvitationsBy,
  listParentsOf,
  updateInvitation,
  updateRepresentativeKind,
  type InvitationRow,
} from './family.repository.js';
import { listChildrenOf } from './cabinet.repository.js';

export const INVITATION_LIFETIME_MS = 7 * 24 * 3_600_000;

type InvitationKind = 'parent' | 'child';

const fullName = (a: { lastName: string; firstName: string; middleName: string | null }) =>
  [a.lastName, a.firstName, a.middleName].filter(Boolean).join(' ');

/** First name and the initial of the surname: enough to recognise a relative, not to identify a stranger. */
export const shortName = (a: { lastName: string; firstName: string }) => `${a.firstName} ${a.lastName.slice(0, 1)}.`;

function invitationUrl(ctx: AppContext, kind: InvitationKind, token: string) {
  return kind === 'parent' ? `${ctx.config.publicUrl}/invite/${token}` : `${ctx.config.publicUrl}/register?invitation=${token}`;
}

async function mailInvitation(
  ctx: AppContext,
  tx: Tx,
  afterCommit: AfterCommit,
  invitation: InvitationRow,
  inviter: AccountRow,
  token: string,
) {
  const url = invitationUrl(ctx, invitation.kind as InvitationKind, token);
  const content =
    invitation.kind === 'parent'
      ? mailTemplates.parentInvitation({ childName: fullName(inviter), url })
      : mailTemplates.childInvitation({ parentName: fullName(inviter), url });
  await ctx.mail.queue(tx, afterCommit, invitation.email, content);
}

/**
 * Sends a family invitation by e-mail. A second invitation to the same address while one is
 * pending renews that one instead of piling up links.
 */
export async function sendInvitation(ctx: AppContext, inviterId: string, kind: InvitationKind, email: string, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const inviter = await lockAccount(tx, inviterId);
    if (!inviter) throw notFound();
    if (inviter.status !== 'active') {
      throw conflict('account_not_active', kind === 'parent'
        ? 'Сначала подтвердите свою почту по ссылке из письма — потом можно пригласить родителя'
        : 'Сначала подтвердите свои данные в кабинете — потом можно пригласить ребёнка');
    }
    if (email === inviter.email) {
      throw conflict('self_invitation', 'Нельзя пригласить самого себя', { email: 'Укажите адрес другого человека' });
    }
    if (kind === 'parent' && (await countParents(tx, inviterId)) >= MAX_PARENTS_PER_CHILD) {
      throw conflict('parents_limit', 'К вашему кабинету уже привязаны два родителя');
    }
    const token = randomToken();
    const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
    const pending = await findPendingInvitationTo(tx, inviterId, email);
    let invitation: InvitationRow;
    if (pending) {
      await updateInvitation(tx, pending.id, { tokenHash: hashToken(token), expiresAt, sentCount: pending.sentCount + 1 });
      invitation = { ...pending, expiresAt, sentCount: pending.sentCount + 1 };
    } else {
      invitation = await insertInvitation(tx, { kind, inviterId, email, tokenHash: hashToken(token), expiresAt });
    }
    await mailInvitation(ctx, tx, afterCommit, invitation, inviter, token);
    await recordAudit(tx, actor, pending ? 'invitation.resent' : 'invitation.sent', invitation.id, { kind });
    return presentInvitation(invitation);
  });
}

export function presentInvitation(i: Pick<InvitationRow, 'id' | 'kind' | 'email' | 'status' | 'expiresAt' | 'sentCount' | 'createdAt' | 'acceptedAt'>) {
  const expired = i.status === 'pending' && i.expiresAt.getTime() <= Date.now();
  return {
    id: i.id,
    kind: i.kind as InvitationKind,
    email: i.email,
    status: expired ? ('expired' as const) : (i.status as 'pending' | 'accepted' | 'revoked'),
    expiresAt: i.expiresAt.toISOString(),
    sentCount: i.sentCount,
    createdAt: i.createdAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
  };
}

export async function listInvitations(ctx: AppContext, inviterId: string) {
  return (await listInvitationsBy(ctx.db, inviterId)).map(presentInvitation);
}

/** A new link for a pending (or expired) invitation; the old link stops working. */
export async function resendInvitation(ctx: AppContext, inviterId: string, invitationId: string, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const invitation = await findOwnInvitation(tx, inviterId, invitationId);
    if (!invitation) throw notFound('Приглашение не найдено');
    if (invitation.status !== 'pending') throw conflict('invitation_closed', 'Это приглашение уже принято или отозвано');
    const token = randomToken();
    const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
    await updateInvitation(tx, invitation.id, { tokenHash: hashToken(token), expiresAt, sentCount: invitation.sentCount + 1 });
    const inviter = await findAccountById(tx, inviterId);
    if (inviter) await mailInvitation(ctx, tx, afterCommit, invitation, inviter, token);
    await recordAudit(tx, actor, 'invitation.resent', invitation.id, { kind: invitation.kind });
    return presentInvitation({ ...invitation, expiresAt, sentCount: invitation.sentCount + 1 });
  });
}

export async function revokeInvitation(ctx: AppContext, inviterId: string, invitationId: string, actor: AuditActor) {
  return inTransaction(ctx.db, async (tx) => {
    const invitation = await findOwnInvitation(tx, inviterId, invitationId);
    if (!invitation) throw notFound('Приглашение не найдено');
    if (invitation.status !== 'pending') throw conflict('invitation_closed', 'Это приглашение уже принято или отозвано');
    await updateInvitation(tx, invitation.id, { status: 'revoked' });
    await recordAudit(tx, actor, 'invitation.revoked', invitation.id, { kind: invitation.kind });
    return presentInvitation({ ...invitation, status: 'revoked' });
  });
}

export type InvitationLinkState = 'valid' | 'expired' | 'accepted' | 'revoked';

function linkState(invitation: InvitationRow): InvitationLinkState {
  if (invitation.status === 'accepted') return 'accepted';
  if (invitation.status === 'revoked') return 'revoked';
  return invitation.expiresAt.getTime() <= Date.now() ? 'expired' : 'valid';
}

/** What the invitation page shows before anyone signs in; an unknown token is a plain 404. */
export async function describeInvitation(ctx: AppContext, token: string) {
  const invitation = await findInvitationByToken(ctx.db, token);
  if (!invitation) throw notFound('Приглашение не найдено — проверьте, что ссылка скопирована целиком');
  const inviter = await findAccountById(ctx.db, invitation.inviterId);
  return {
    kind: invitation.kind as InvitationKind,
    state: linkState(invitation),
    inviterName: inviter ? shortName(inviter) : '',
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/** From an expired link the invitee may ask for a fresh one; it goes to the invited address only. */
export async function renewExpiredInvitation(ctx: AppContext, token: string, actor: AuditActor): Promise<void> {
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const invitation = await findInvitationByToken(tx, token, true);
    if (!invitation) throw notFound('Приглашение не найдено');
    if (linkState(invitation) !== 'expired') throw conflict('invitation_not_expired', 'Эта ссылка не просрочена — новая не нужна');
    const fresh = randomToken();
    await updateInvitation(tx, invitation.id, {
      tokenHash: hashToken(fresh),
      expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
      sentCount: invitation.sentCount + 1,
    });
    const inviter = await findAccountById(tx, invitation.inviterId);
    if (inviter) await mailInvitation(ctx, tx, afterCommit, invitation, inviter, fresh);
    await recordAudit(tx, actor, 'invitation.resent', invitation.id, { kind: invitation.kind, by: 'invitee' });
  });
}

const invitationClosed = (state: InvitationLinkState) => {
  if (state === 'expired') return gone('invitation_expired', 'Срок приглашения истёк. Запросите новую ссылку');
  if (state === 'accepted') return gone('invitation_used', 'Это приглашение уже принято');
  return gone('invitation_revoked', 'Приглашение отозвано. Попросите отправить новое');
};

/** Claims a pending invitation of the given kind inside the caller's transaction. */
export async function claimInvitation(tx: Tx, token: string, kind: InvitationKind): Promise<InvitationRow> {
  const invitation = await findInvitationByToken(tx, token, true);
  if (!invitation || invitation.kind !== kind) throw notFound('Приглашение не найдено — проверьте, что ссылка скопирована целиком');
  const state = linkState(invitation);
  if (state !== 'valid') throw invitationClosed(state);
  return invitation;
}

/**
 * Links a parent and a child. The child's row is locked so that at most two parents are ever
 * linked, however many accept at once; linking an already linked pair changes nothing.
 */
export async function linkFamily(tx: Tx, parentId: string, childId: string, actor: AuditActor, kind: RepresentativeKind = 'parent'): Promise<boolean> {
  await lockAccount(tx, childId);
  if (await linkExists(tx, parentId, childId)) return false;
  if ((await countParents(tx, childId)) >= MAX_PARENTS_PER_CHILD) {
    throw conflict('parents_limit', 'К кабинету ребёнка уже привязаны два родителя');
  }
  await insertLink(tx, parentId, childId, kind);
  await recordAudit(tx, actor, 'family.linked', childId, { parentId, representativeKind: kind });
  return true;
}

/** The adult states (or corrects) who it is to the child in law: parent, guardian or trustee. */
export async function setRepresentativeKind(ctx: AppContext, parentId: string, childId: string, kind: RepresentativeKind, actor: AuditActor): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    if (!(await linkExists(tx, parentId, childId))) throw notFound('Ребёнок не найден');
    await updateRepresentativeKind(tx, parentId, childId, kind);
    await recordAudit(tx, actor, 'family.representative_kind_set', childId, { parentId, representativeKind: kind });
  });
}

/** The parent-first half of the participant-first scenario: the parent accepts the child's invitation. */
export async function acceptParentInvitation(ctx: AppContext, parentId: string, token: string, actor: AuditActor, kind: RepresentativeKind = 'parent') {
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const parent = await findAccountById(tx, parentId);
    if (!parent || parent.status !== 'active') {
      throw new AppError('parent_not_confirmed', 409, 'Сначала подтвердите свои данные из Госуслуг');
    }
    const invitation = await claimInvitation(tx, token, 'parent');
    const child = await findAccountById(tx, invitation.inviterId);
    if (!child) throw notFound();
    await linkFamily(tx, parentId, child.id, actor, kind);
    await updateInvitation(tx, invitation.id, { status: 'accepted', acceptedBy: parentId, acceptedAt: new Date() });
    await recordAudit(tx, actor, 'invitation.accepted', invitation.id, { kind: 'parent' });
    await notifyAccount(ctx, tx, afterCommit, child.id, {
      kind: 'parent_linked',
      title: 'Родитель присоединился',
      body: `${shortName(parent)} принял(а) ваше приглашение — кабинеты связаны.`,
      link: '/participant',
    });
    return { childId: child.id, childName: shortName(child) };
  });
}

/** Whether this parent is linked to this child; other modules ask here, never the links table. */
export function isParentOf(executor: Executor, parentId: string, childId: string): Promise<boolean> {
  return linkExists(executor, parentId, childId);
}

export function linkedParents(executor: Executor, childId: string) {
  return listParentsOf(executor, childId);
}

export function linkedChildren(executor: Executor, parentId: string) {
  return listChildrenOf(executor, parentId);
}
