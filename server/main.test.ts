import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('the server process', () => {
  it('exits non-zero in production without ESIA_ISSUER, naming it, before serving anything', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        ESIA_CLIENT_ID: 'BILET01',
        ESIA_SIGNING_KEY_FILE: '/nonexistent/key.pem',
        ESIA_SIGNING_CERT_FILE: '/nonexistent/cert.pem',
        PD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        SMTP_URL: 'smtps://user:pass@smtp.example.ru:465',
        PUBLIC_URL: 'https://bilet.example.ru',
        // Were it to start anyway, it must not take a port another test uses.
        PORT: '0',
        DATA_DIR: path.join(ROOT, 'node_modules', '.cache', 'bilet-never-started'),
      },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ESIA_ISSUER: required in production');
    expect(run.stdout).not.toContain('Билет работает');
  }, 30_000);
});
