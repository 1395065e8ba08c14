import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import type { AfterCommit } from '@server/db/transaction.js';
import { mailTemplates, type MailContent } from '../mail/index.js';
import { findRecipient, insertNotification } from './notifications.repository.js';

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
export async function notifyAccount(
  ctx: AppContext,
  tx: Tx,
  afterCommit: AfterCommit,
  accountId: string,
  input: NotificationInput,
): Promise<void> {
  const { mail, ...notice } = input;
  await insertNotification(tx, { accountId, ...notice });
  const account = await findRecipient(tx, accountId);
  if (!account) return;
  await ctx.mail.queue(
    tx,
    afterCommit,
    account.email,
    mail?.(account.firstName) ?? mailTemplates.notification({ firstName: account.firstName, title: input.title, body: input.body, url: `${ctx.config.publicUrl}${input.link}` }),
  );
}

/** Notices in the cabinets only, without e-mail: for staff, who see them at their next visit. */
export async function noticeInCabinets(tx: Tx, accountIds: readonly string[], notice: Omit<NotificationInput, 'mail'>): Promise<void> {
  for (const accountId of accountIds) await insertNotification(tx, { accountId, ...notice });
}
