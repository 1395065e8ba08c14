import Fastify, { type FastifyInstance } from 'fastify';

import { freePort } from '@server/test/http-browser.js';
import { registerEsiaEmulator } from './esia-emulator.js';

export const EMULATOR_MOUNT = '/esia-emulator';

/** The ESIA emulator alone on a free local port, with one registered client, for the relying party's tests. */
export async function startEmulator(client: { id: string; secret: string; certificateFile?: string }, citizensFile: string): Promise<{
  app: FastifyInstance;
  issuer: string;
  redirectUri: string;
}> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const issuer = `${base}${EMULATOR_MOUNT}`;
  const redirectUri = `${base}/api/auth/esia/callback`;
  const app = Fastify({ logger: false });
  await registerEsiaEmulator(app, {
    issuer,
    mountPath: EMULATOR_MOUNT,
    clients: [{ client_id: client.id, client_secret: client.secret, redirect_uris: [redirectUri], certificateFile: client.certificateFile }],
    citizensFile,
    cookieKeys: ['test-cookie-key-1'],
  });
  await app.listen({ port, host: '127.0.0.1' });
  return { app, issuer, redirectUri };
}
