import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { browser, type Browser } from '@server/test/http-browser.js';
import { createEsiaClient, ESIA_SCOPE, type EsiaClient } from './esia-client.js';
import { ESIA_TEST_CITIZENS } from './esia-emulator.js';
import { EMULATOR_MOUNT as MOUNT, startEmulator } from './emulator-fixture.js';
import { esiaTimestamp, parseEsiaTimestamp, signedContent } from './esia-secret.js';
import { createGostSigner, loadOrCreateTestKeyFiles, verifyGostSignature, type EsiaSigner, type GostKeyFiles } from './gost-signature.js';

const CLIENT_ID = 'bilet-signed';
const CLIENT_SECRET = 'never-sent-when-requests-are-signed-0123456789';

/**
 * The production path against the emulator: every request's client_secret is a GOST R 34.10-2012
 * signature by the registered certificate's key, and the emulator checks it as ESIA would.
 * Needs OpenSSL's GOST engine (Debian: libengine-gost-openssl; `.ci/run` installs it).
 */
describe('ESIA requests signed with GOST R 34.10-2012', () => {
  let app: FastifyInstance;
  let dir: string;
  let issuer: string;
  let redirectUri: string;
  let keys: GostKeyFiles;
  let stranger: EsiaSigner;
  let signer: EsiaSigner;
  let client: EsiaClient;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'esia-signed-'));
    keys = await loadOrCreateTestKeyFiles(join(dir, 'ours'));
    signer = await createGostSigner(keys);
    stranger = await createGostSigner(await loadOrCreateTestKeyFiles(join(dir, 'theirs')));
    ({ app, issuer, redirectUri } = await startEmulator({ id: CLIENT_ID, secret: CLIENT_SECRET, certificateFile: keys.certFile }, join(dir, 'citizens.json')));
    client = createEsiaClient({ issuer, clientId: CLIENT_ID, clientSecret: 'wrong-on-purpose', signer, redirectUri, allowInsecure: true });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('verifies a detached signature only over the signed content and only by the registered key', async () => {
    const content = signedContent({ clientId: CLIENT_ID, scope: ESIA_SCOPE, timestamp: esiaTimestamp(), state: 'b3c1e1f6-0000-4000-8000-000000000001', redirectUri });
    const signature = await signer.sign(content);
    expect(await verifyGostSignature(content, signature, keys.certFile)).toBe(true);
    expect(await verifyGostSignature(`${content}x`, signature, keys.certFile)).toBe(false);
    expect(await verifyGostSignature(content, await stranger.sign(content), keys.certFile)).toBe(false);
    expect(await verifyGostSignature(content, 'not-a-signature', keys.certFile)).toBe(false);
    expect(signer.certificateHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stranger.certificateHash).not.toBe(signer.certificateHash);
  });

  it('writes the timestamp in ESIA’s form and reads it back', () => {
    const at = new Date(Date.UTC(2026, 11, 6, 9, 5, 7));
    expect(esiaTimestamp(at)).toBe('2026.12.06 09:05:07 +0000');
    expect(parseEsiaTimestamp('2026.12.06 12:05:07 +0300')?.toISOString()).toBe(at.toISOString());
    expect(parseEsiaTimestamp('06.12.2026 09:05:07')).toBeNull();
  });

  async function follow(b: Browser, start: URL): Promise<{ url: URL; res?: Response }> {
    let url = start;
    let current = await b.request(url);
    for (let hops = 0; hops < 10; hops++) {
      if (current.status < 300 || current.status >= 400) return { url, res: current };
      url = new URL(current.headers.get('location')!, url);
      if (url.href.startsWith(redirectUri)) return { url };
      current = await b.request(url);
    }
    throw new Error('too many redirects');
  }

  it('signs in end to end: the authorization and the token request both carry a valid signature', async () => {
    const start = await client.startSignIn();
    const sent = new URL(start.url).searchParams;
    expect(sent.get('client_secret')).toBeTruthy();
    expect(sent.get('state')).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.get('timestamp')).toMatch(/^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(sent.get('client_certificate_hash')).toBe(signer.certificateHash);

    const b = browser();
    const { url, res } = await follow(b, new URL(start.url));
    expect(url.pathname).toMatch(new RegExp(`^${MOUNT}/interaction/`));
    const html = await res!.text();
    const action = new URL([...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => m[1]!).find((a) => a.endsWith('/login'))!, url);
    const citizen = ESIA_TEST_CITIZENS[0]!;
    const submitted = await b.request(action, { form: { sub: citizen.sub } });
    expect(submitted.status).toBe(303);
    const callback = await follow(b, new URL(submitted.headers.get('location')!, action));
    const claims = await client.finishSignIn(callback.url, start);
    expect(claims).toMatchObject({ sub: citizen.sub, snils: citizen.snils });
  });

  it('refuses an authorization request signed by another key, or with its fields changed after signing', async () => {
    const impostor = createEsiaClient({ issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, signer: stranger, redirectUri, allowInsecure: true });
    const forged = await browser().request(new URL((await impostor.startSignIn()).url));
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('не подписан');

    const tampered = new URL((await client.startSignIn()).url);
    tampered.searchParams.set('state', 'b3c1e1f6-0000-4000-8000-00000000beef');
    expect((await browser().request(tampered)).status).toBe(400);

    const unsigned = new URL((await client.startSignIn()).url);
    unsigned.searchParams.delete('client_secret');
    expect((await browser().request(unsigned)).status).toBe(400);
  });

  it('refuses a token request with a stale timestamp or a shared secret in place of the signature', async () => {
    const token = (form: Record<string, string>) =>
      fetch(`${issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
    const base = { grant_type: 'authorization_code', code: 'whatever', client_id: CLIENT_ID, scope: ESIA_SCOPE, redirect_uri: redirectUri };
    const state = 'b3c1e1f6-0000-4000-8000-000000000002';
    const old = esiaTimestamp(new Date(Date.now() - 60 * 60_000));
    const stale = await token({ ...base, state, timestamp: old, client_secret: await signer.sign(signedContent({ clientId: CLIENT_ID, scope: ESIA_SCOPE, timestamp: old, state, redirectUri })) });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ error: 'invalid_client', error_description: expect.stringContaining('stale_timestamp') });

    const shared = await token({ ...base, state, timestamp: esiaTimestamp(), client_secret: CLIENT_SECRET });
    expect(shared.status).toBe(401);
    expect(await shared.json()).toMatchObject({ error: 'invalid_client', error_description: expect.stringContaining('bad_signature') });
  });
});
