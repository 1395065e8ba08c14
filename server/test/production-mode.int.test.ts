import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateTestKeyFiles } from '../modules/identity/index.js';
import { startTestApp, type TestApp } from './test-app.js';

/** Everything production requires, pointing nowhere reachable: the test never signs in or sends mail. */
const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://bilet.example.ru',
  ESIA_ISSUER: 'https://esia.example.ru',
  ESIA_CLIENT_ID: 'BILET01',
  SMTP_URL: 'smtp://127.0.0.1:9',
};

describe('production mode', () => {
  let t: TestApp;
  let noWebApp: string;
  beforeAll(async () => {
    // Without a built web app every unknown path is a plain 404, so nothing can pass for a page.
    noWebApp = fs.mkdtempSync(path.join(os.tmpdir(), 'bilet-no-web-'));
    // Production signs ESIA requests with the organisation's GOST key: a test pair stands in for it.
    const esiaKeys = await loadOrCreateTestKeyFiles(noWebApp);
    t = await startTestApp(
      { ...PRODUCTION_ENV, ESIA_SIGNING_KEY_FILE: esiaKeys.keyFile, ESIA_SIGNING_CERT_FILE: esiaKeys.certFile },
      { webDistDir: noWebApp },
    );
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(noWebApp, { recursive: true, force: true });
  });

  it('serves no ESIA emulator: anyone could sign in there as any parent', async () => {
    for (const url of ['/esia-emulator/.well-known/openid-configuration', '/esia-emulator/auth', '/esia-emulator/interaction/x']) {
      expect((await t.api('GET', url)).status, url).toBe(404);
    }
  });

  it('serves no dev mailbox', async () => {
    for (const url of ['/dev/mail', '/dev/mail/messages.json']) expect((await t.api('GET', url)).status, url).toBe(404);
  });

  it('tells the pages it is not development, so they show no developer links', async () => {
    const config = await t.api('GET', '/api/auth/config');
    expect(config.body).toEqual({ esiaEmulator: false, devMailbox: false, development: false });
  });
});
