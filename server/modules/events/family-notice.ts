import type { AppContext } from '@server/context.js';
import type { Tx } from '@server/db/client.js';
import type { AfterCommit } from '@server/db/transaction.js';
import { parentsOfChildren } from '../identity/index.js';
import { notifyAccounts, type NotificationInput } from '../notifications/index.js';

export type FamilyNotice = Omit<NotificationInput, 'link'>;

/**
 * Tells a pupil and every linked parent the same thing, in the cabinet and by e-mail: whatever
 * happens to a child's event reaches both (DOMAIN: phone and e-mail exist for exactly this).
 * Each gets the link to its own cabinet: the pupil's events page, the parent's cabinet.
 */
export async function notifyFamily(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, participantId: string, notice: FamilyNotice): Promise<void> {
  await notifyFamilies(ctx, tx, afterCommit, [{ participantId, notice }]);
}

/** notifyFamily for many pupils at once: one query for their parents, one write for all the notices. */
export async function notifyFamilies(
  ctx: AppContext,
  tx: Tx,
  afterCommit: AfterCommit,
  notices: ReadonlyArray<{ participantId: string; notice: FamilyNotice }>,
): Promise<void> {
  if (notices.length === 0) return;
  const parents = await parentsOfChildren(
    tx,
    notices.map((n) => n.participantId),
  );
  await notifyAccounts(
    ctx,
    tx,
    afterCommit,
    notices.flatMap(({ participantId, notice }) => [
      { accountId: participantId, input: { ...notice, link: '/participant/events' } },
      ...(parents.get(participantId) ?? []).map((parentId) => ({ accountId: parentId, input: { ...notice, link: '/parent' } })),
    ]),
  );
}
