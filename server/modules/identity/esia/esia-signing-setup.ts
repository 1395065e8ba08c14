import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { createGostSigner, gostEngineAvailable, GostUnavailableError, loadOrCreateTestKeyFiles, type EsiaSigner, type GostKeyFiles } from './gost-signature.js';

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
  const configured = opts.keyFile && opts.certFile ? { keyFile: opts.keyFile, certFile: opts.certFile } : null;
  if (!configured && !opts.emulator) return null;
  if (!(await gostEngineAvailable())) {
    if (configured) {
      throw new GostUnavailableError(
        'OpenSSL has no GOST engine: install libengine-gost-openssl (Debian) to sign ESIA requests with ESIA_SIGNING_KEY_FILE and ESIA_SIGNING_CERT_FILE',
      );
    }
    log.warn('OpenSSL has no GOST engine (Debian: libengine-gost-openssl): the ESIA emulator takes a shared secret instead of a signature');
    return null;
  }
  const files = configured ?? (await loadOrCreateTestKeyFiles(path.join(opts.dataDir, 'esia-emulator')));
  return { signer: await createGostSigner(files), files };
}
