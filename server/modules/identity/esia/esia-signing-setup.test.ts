import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyBaseLogger } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { setUpEsiaSigning } from './esia-signing-setup.js';
import { GostUnavailableError, loadOrCreateTestKeyFiles, type GostKeyFiles } from './gost-signature.js';

/** OpenSSL reads its engines from here: pointed nowhere, it has no GOST engine. */
const withoutGostEngine = () => vi.stubEnv('OPENSSL_ENGINES', '/nonexistent');

describe('setting up ESIA signing', () => {
  let dir: string;
  let keys: GostKeyFiles;
  const log = { warn: vi.fn() } as unknown as FastifyBaseLogger;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'esia-setup-'));
    keys = await loadOrCreateTestKeyFiles(dir);
  });
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('signs with the configured files', async () => {
    const signing = await setUpEsiaSigning({ ...keys, emulator: false, dataDir: dir }, log);
    expect(signing?.files).toEqual(keys);
    expect(signing?.signer.certificateHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to start with configured files and no GOST engine, saying what to install', async () => {
    withoutGostEngine();
    const setUp = setUpEsiaSigning({ ...keys, emulator: false, dataDir: dir }, log);
    await expect(setUp).rejects.toThrow(GostUnavailableError);
    await expect(setUp).rejects.toThrow(/libengine-gost-openssl/);
  });

  it('lets the emulator take the shared secret where there is no GOST engine', async () => {
    withoutGostEngine();
    expect(await setUpEsiaSigning({ emulator: true, dataDir: dir }, log)).toBeNull();
    expect(log.warn).toHaveBeenCalledOnce();
  });
});
