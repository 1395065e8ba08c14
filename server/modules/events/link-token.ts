import crypto from 'node:crypto';

/** 32 random bytes: a registration link cannot be guessed or enumerated. */
export function newLinkToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Links are looked up by this hash, so a copy of the table does not hand out working links. */
export function linkTokenHash(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('base64url');
}
