import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import type { AfterCommit } from '@server/db/transaction.js';
import { parentsOfChild } from '../identity/index.js';
import { notifyAccounts, type NotificationInput } from '../notifications/index.js';

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
  const parents = await parentsOfChild(tx, participantId);
  await notifyAccounts(ctx, tx, afterCommit, [
    { accountId: participantId, input: { ...notice, link: '/participant/events' } },
    ...parents.map((parent) => ({ accountId: parent.id, input: { ...notice, link: '/parent' } })),
  ]);
}
