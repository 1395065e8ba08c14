import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import type { AfterCommit } from '@server/db/transaction.js';
import { parentsOfChild } from '../identity/index.js';
import { notifyAccount, type NotificationInput } from '../notifications/index.js';

/**
 * Tells a pupil and every linked parent the same thing, in the cabinet and by e-mail: whatever
 * happens to a child's event reaches both (DOMAIN: phone and e-mail exist for exactly this).
 * Each gets the link to its own cabinet: the pupil's events page, the parent's cabinet.
 */
export async function notifyFamily(
  ctx: AppContext,
  tx: Tx,
  afterCommit: AfterCommit,
  participantId: string,
  notice: Omit<NotificationInput, 'link'>,
): Promise<void> {
  await notifyAccount(ctx, tx, afterCommit, participantId, { ...notice, link: '/participant/events' });
  for (const parent of await parentsOfChild(tx, participantId)) {
    await notifyAccount(ctx, tx, afterCommit, parent.id, { ...notice, link: '/parent' });
  }
}
