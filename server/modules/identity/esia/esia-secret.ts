/**
 * ESIA's signed client secret. ESIA does not take a shared secret: every authorization and token
 * request carries `client_secret`, a detached GOST signature over client_id + scope + timestamp +
 * state + redirect_uri (concatenated, no separators), with `timestamp` in ESIA's own format and a
 * fresh `state` per request. The client builds it; the emulator checks it the same way.
 */
import { randomUUID } from 'node:crypto';
import type { EsiaSigner } from './gost-signature.js';

export interface SignedFields {
  clientId: string;
  scope: string;
  timestamp: string;
  state: string;
  redirectUri: string;
}

/** The parameters ESIA adds to a request beyond OAuth's own; the emulator strips them once checked. */
export const ESIA_SIGNATURE_PARAMS = ['client_secret', 'timestamp', 'client_certificate_hash', 'access_type', 'token_type'] as const;

/** How far a request's timestamp may be from the verifier's clock. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** `yyyy.MM.dd HH:mm:ss +0000`, the form ESIA's methodology gives; always in UTC here. */
export function esiaTimestamp(now: Date = new Date()): string {
  return (
    `${now.getUTCFullYear()}.${pad(now.getUTCMonth() + 1)}.${pad(now.getUTCDate())} ` +
    `${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())} +0000`
  );
}

export function parseEsiaTimestamp(value: string): Date | null {
  const m = /^(\d{4})\.(\d{2})\.(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  const date = new Date(utc - offset);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function signedContent(f: SignedFields): string {
  return `${f.clientId}${f.scope}${f.timestamp}${f.state}${f.redirectUri}`;
}

/** The fields a signed request adds: a new timestamp, the given (or a fresh) state, and the signature over them. */
export async function signRequest(
  signer: EsiaSigner,
  fields: Omit<SignedFields, 'timestamp' | 'state'> & { state?: string },
): Promise<Record<string, string>> {
  const timestamp = esiaTimestamp();
  const state = fields.state ?? randomUUID();
  return {
    client_id: fields.clientId,
    scope: fields.scope,
    timestamp,
    state,
    redirect_uri: fields.redirectUri,
    client_certificate_hash: signer.certificateHash,
    client_secret: await signer.sign(signedContent({ ...fields, timestamp, state })),
  };
}
