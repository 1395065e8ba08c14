import crypto from 'node:crypto';

/** 256 random bits, URL-safe: e-mailed links and session ids. */
export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Only hashes of tokens are stored, so a database dump grants no sign-in or link. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}
