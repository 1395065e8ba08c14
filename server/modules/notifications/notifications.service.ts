import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import type { AfterCommit } from '@server/db/transaction.js';
import { mailTemplates, type MailContent } from '../mail/index.js';
import { findRecipients, insertNotifications } from './notifications.repository.js';

export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  /** Path inside the web app, e.g. "/parent". */
  link: string;
  /** An e-mail that says more than the cabinet's notice (a link, a QR code); by default the notice's words. */
  mail?: (firstName: string) => MailContent;
}

/** A notice in the cabinet, and the same words by e-mail, both part of the caller's transaction. */
export async function notifyAccount(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, accountId: string, input: NotificationInput): Promise<void> {
  await notifyAccounts(ctx, tx, afterCommit, [{ accountId, input }]);
}

/**
 * notifyAccount() for several people at once (a pupil and its parents): one statement for the
 * notices, one for their addresses, one for the letters, whatever the number of people, as this
 * runs inside requests as busy as an enrolment rush.
 */
export async function notifyAccounts(
  ctx: AppContext,
  tx: Tx,
  afterCommit: AfterCommit,
  notices: ReadonlyArray<{ accountId: string; input: NotificationInput }>,
): Promise<void> {
  if (notices.length === 0) return;
  await insertNotifications(
    tx,
    notices.map(({ accountId, input }) => ({ accountId, kind: input.kind, title: input.title, body: input.body, link: input.link })),
  );
  const recipients = await findRecipients(
    tx,
    notices.map((n) => n.accountId),
  );
  const letters = notices.flatMap(({ accountId, input }) => {
    const account = recipients.get(accountId);
    if (!account) return [];
    const content =
      input.mail?.(account.firstName) ??
      mailTemplates.notification({ firstName: account.firstName, title: input.title, body: input.body, url: `${ctx.config.publicUrl}${input.link}` });
    return [{ to: account.email, content }];
  });
  await ctx.mail.queueMany(tx, afterCommit, letters);
}

/** Notices in the cabinets only, without e-mail: for staff, who see them at their next visit. */
export async function noticeInCabinets(tx: Tx, accountIds: readonly string[], notice: Omit<NotificationInput, 'mail'>): Promise<void> {
  await insertNotifications(
    tx,
    accountIds.map((accountId) => ({ accountId, ...notice })),
  );
}
