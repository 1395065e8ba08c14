/**
 * The emulator checks a signed request as ESIA does: the signature over client_id + scope +
 * timestamp + state + redirect_uri verifies against the certificate registered for the client,
 * and the timestamp is recent. A request that passes is handed on without ESIA's own parameters.
 */
import { ESIA_SIGNATURE_PARAMS, TIMESTAMP_TOLERANCE_MS, parseEsiaTimestamp, signedContent } from '../esia-secret.js';
import { verifyGostSignature } from '../gost-signature.js';

export type SignatureProblem = 'missing' | 'stale_timestamp' | 'bad_signature';

/** null when the request is signed by the certificate's holder, else what is wrong with it. */
export async function checkSignedRequest(params: URLSearchParams, certFile: string, now: Date = new Date()): Promise<SignatureProblem | null> {
  const [clientId, scope, timestamp, state, redirectUri, secret] = ['client_id', 'scope', 'timestamp', 'state', 'redirect_uri', 'client_secret'].map(
    (name) => params.get(name) ?? '',
  );
  if (!clientId || !scope || !timestamp || !state || !redirectUri || !secret) return 'missing';
  const at = parseEsiaTimestamp(timestamp!);
  if (!at || Math.abs(at.getTime() - now.getTime()) > TIMESTAMP_TOLERANCE_MS) return 'stale_timestamp';
  const content = signedContent({ clientId: clientId!, scope: scope!, timestamp: timestamp!, state: state!, redirectUri: redirectUri! });
  return (await verifyGostSignature(content, secret!, certFile)) ? null : 'bad_signature';
}

export function withoutSignatureParams(params: URLSearchParams): URLSearchParams {
  const rest = new URLSearchParams(params);
  for (const name of ESIA_SIGNATURE_PARAMS) rest.delete(name);
  return rest;
}
