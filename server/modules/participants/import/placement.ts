import type { AppContext } from '@server/context.js';
import type { Executor } from '@server/db/client.js';
import { childIdentityKey } from '@server/modules/identity/index.js';
import { decideExistingChild } from '../participants.policy.js';
import { childInOtherSchoolMessage, emailInUseMessage } from '../participants.service.js';
import { findChildrenByIdentity, findEmailsInUse } from './imports.repository.js';
import type { ImportRow } from './rows.js';

/** The one-child-one-profile key of a row, as registration computes it. */
export const identityOf = (ctx: AppContext, row: ImportRow) => childIdentityKey(ctx, { ...row, middleName: row.middleName ?? undefined });

export type Placement =
  | { kind: 'create' }
  | { kind: 'attach'; accountId: string }
  | { kind: 'already_here' }
  | { kind: 'refused'; field: 'email' | null; message: string };

/**
 * What writing each row would do now, by the one-child-one-profile rule: the preview and the job
 * decide the same way, the job again with the profiles locked because the preview may be hours old.
 */
export async function placeRows(
  executor: Executor,
  schoolId: string,
  rows: ReadonlyArray<{ row: ImportRow; identity: string }>,
  opts: { lock?: boolean } = {},
): Promise<Placement[]> {
  const existing = await findChildrenByIdentity(executor, rows.map((r) => r.identity), opts);
  const emailsInUse = await findEmailsInUse(executor, rows.filter((r) => !existing.has(r.identity)).map((r) => r.row.email));
  return rows.map(({ row, identity }): Placement => {
    const found = existing.get(identity);
    if (!found) return emailsInUse.has(row.email) ? { kind: 'refused', field: 'email', message: emailInUseMessage } : { kind: 'create' };
    switch (decideExistingChild(found.schoolId, schoolId)) {
      case 'attach':
        return { kind: 'attach', accountId: found.accountId };
      case 'already_here':
        return { kind: 'already_here' };
      case 'other_school':
        return { kind: 'refused', field: null, message: childInOtherSchoolMessage };
    }
  });
}

