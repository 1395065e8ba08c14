import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import type { AfterCommit } from '../../db/transaction.js';
import { listParentsOf } from '../identity/family.repository.js';
import { notifyAccount, type NotificationInput } from '../notifications/notifications.service.js';

/**
 * Tells a pupil and every linked parent the same thing, in the cabinet and by e-mail: whatever
 * happens to a child's event reaches both (DOMAIN: phone and e-mail exist for exactly this).
 * Each gets the link to its own cabinet.
 */
export async function notifyFamily(
  ctx: AppContext,
  tx: Tx,
  afterCommit: AfterCommit,
  participantId: string,
  notice: Omit<NotificationInput, 'link'> & { pupilLink?: string; parentLink?: string },
): Promise<void> {
  const { pupilLink = '/participant', parentLink = '/parent', ...input } = notice;
  await notifyAccount(ctx, tx, afterCommit, participantId, { ...input, link: pupilLink });
  for (const parent of await listParentsOf(tx, participantId)) {
    await notifyAccount(ctx, tx, afterCommit, parent.id, { ...input, link: parentLink });
  }
}
