import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { createGostSigner, gostEngineAvailable, loadOrCreateTestKeyFiles, type EsiaSigner, type GostKeyFiles } from './gost-signature.js';

export interface EsiaSigning {
  signer: EsiaSigner;
  files: GostKeyFiles;
}

/**
 * The key and certificate that sign ESIA requests: the configured files when set (production must
 * set them); against the emulator a test pair kept in the data directory, so the signed path is the
 * one every development run and test goes through. Only where OpenSSL has no GOST engine does the
 * emulator take the shared secret, and the log says so.
 */
export async function setUpEsiaSigning(
  opts: { keyFile?: string; certFile?: string; emulator: boolean; dataDir: string },
  log: FastifyBaseLogger,
): Promise<EsiaSigning | null> {
  if (opts.keyFile && opts.certFile) {
    const files = { keyFile: opts.keyFile, certFile: opts.certFile };
    return { signer: await createGostSigner(files), files };
  }
  if (!opts.emulator) return null;
  if (!(await gostEngineAvailable())) {
    log.warn('OpenSSL has no GOST engine (Debian: libengine-gost-openssl): the ESIA emulator takes a shared secret instead of a signature');
    return null;
  }
  const files = await loadOrCreateTestKeyFiles(path.join(opts.dataDir, 'esia-emulator'));
  return { signer: await createGostSigner(files), files };
}
