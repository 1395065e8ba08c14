import type { Executor } from '@server/db/client.js';
import { emailTaken, findAccountById, insertAccount, updateAccount, updateParticipantProfile, type NewAccount } from './accounts.repository.js';
import { deleteSessionsOfAccount } from './auth.repository.js';
import { issueToken, type TokenPurpose } from './tokens.repository.js';

/** What other modules do with accounts; the tables stay behind identity's repositories. */

export function findAccount(executor: Executor, id: string) {
  return findAccountById(executor, id);
}

export function emailInUse(executor: Executor, email: string): Promise<boolean> {
  return emailTaken(executor, email);
}

/** An account nobody can sign in to until its owner follows the single-use link sent to it. */
export function createPendingAccount(executor: Executor, values: Omit<NewAccount, 'status'>) {
  return insertAccount(executor, { ...values, status: 'pending' });
}

/** A fresh single-use link of this purpose; the previous one stops working. */
export function issueOneTimeToken(executor: Executor, accountId: string, purpose: TokenPurpose): Promise<string> {
  return issueToken(executor, accountId, purpose);
}

export function updateContactDetails(
  executor: Executor,
  accountId: string,
  changes: Partial<Pick<NewAccount, 'lastName' | 'firstName' | 'middleName' | 'phone'>>,
): Promise<void> {
  return updateAccount(executor, accountId, changes);
}

export function updatePupilProfile(executor: Executor, accountId: string, values: Parameters<typeof updateParticipantProfile>[2]): Promise<void> {
  return updateParticipantProfile(executor, accountId, values);
}

/** Closes the account and ends its sessions at once, not at their next expiry. */
export async function disableAccount(executor: Executor, accountId: string): Promise<void> {
  await updateAccount(executor, accountId, { status: 'disabled' });
  await deleteSessionsOfAccount(executor, accountId);
}
