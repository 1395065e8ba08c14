import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import type { AfterCommit } from '@server/db/transaction.js';
import { conflict } from '@server/lib/errors.js';
import { ROLE_LABELS, type Role } from '@common/roles.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { mailTemplates } from '../mail/index.js';
import { announceRegistration, createPendingAccount, emailInUse, findAccount, issueOneTimeToken } from '../identity/index.js';
import { insertStaffProfile } from './staff.repository.js';

export interface StaffInvitee {
  role: Role;
  email: string;
  lastName: string;
  firstName: string;
  middleName?: string | undefined;
  position?: string | null | undefined;
  phone?: string | null | undefined;
  regionId: number | null;
  schoolId?: string | null;
  venueId?: string | null;
}

export const staffEmailTakenError = () =>
  conflict('email_taken', 'Этот адрес уже используется другой учётной записью', {
    email: 'Этот адрес уже используется — укажите другой',
  });

/** "Имя Фамилия" of the person who invites, as its e-mail names them. */
export async function accountName(tx: Tx, accountId: string): Promise<string> {
  const account = await findAccount(tx, accountId);
  return account ? `${account.firstName} ${account.lastName}` : '';
}

/** The staff member follows this link to choose a password; the page lives at /staff-invitation. */
export function staffInvitationUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/staff-invitation?token=${token}`;
}

/**
 * Creates a pending staff account in its scope and e-mails it a single-use link to choose a
 * password. Nothing else can be done with the account until the link is used.
 */
export async function inviteStaff(
  ctx: AppContext,
  tx: Tx,
  afterCommit: AfterCommit,
  invitee: StaffInvitee,
  inviter: { name: string; organisation: string },
  actor: AuditActor,
): Promise<{ accountId: string }> {
  if (await emailInUse(tx, invitee.email)) throw staffEmailTakenError();
  const account = await createPendingAccount(tx, {
    role: invitee.role,
    email: invitee.email,
    lastName: invitee.lastName,
    firstName: invitee.firstName,
    middleName: invitee.middleName || null,
    phone: invitee.phone ?? null,
  });
  await insertStaffProfile(tx, {
    accountId: account.id,
    regionId: invitee.regionId,
    schoolId: invitee.schoolId ?? null,
    venueId: invitee.venueId ?? null,
    position: invitee.position ?? null,
    invitedBy: actor.actorId,
  });
  await recordAudit(tx, actor, 'staff.invited', account.id, { role: invitee.role });
  announceRegistration(ctx, afterCommit, { scenario: 'staff_invitation', role: invitee.role, count: 1 });
  await sendStaffInvitation(ctx, tx, afterCommit, { id: account.id, email: account.email, firstName: account.firstName, role: invitee.role }, inviter);
  return { accountId: account.id };
}

/** A fresh link; the previous one stops working. */
export async function sendStaffInvitation(
  ctx: AppContext,
  tx: Tx,
  afterCommit: AfterCommit,
  account: { id: string; email: string; firstName: string; role: Role },
  inviter: { name: string; organisation: string },
): Promise<void> {
  const token = await issueOneTimeToken(tx, account.id, 'staff_invitation');
  await ctx.mail.queue(
    tx,
    afterCommit,
    account.email,
    mailTemplates.staffInvitation({
      firstName: account.firstName,
      roleLabel: ROLE_LABELS[account.role],
      organisation: inviter.organisation,
      inviterName: inviter.name,
      url: staffInvitationUrl(ctx, token),
    }),
  );
}
