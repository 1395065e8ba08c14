/**
 * ESIA's client secret: a detached CMS (PKCS#7) signature, GOST R 34.10-2012 with the
 * GOST R 34.11-2012 digest, made with the organisation's registered certificate over the request's
 * fields. Node's crypto has no GOST, so OpenSSL's GOST engine (Debian's libengine-gost-openssl)
 * does the signing and the emulator's verifying, the same binary both ways.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GostKeyFiles {
  /** PEM private key, GOST R 34.10-2012 (256 bit). */
  keyFile: string;
  /** PEM certificate registered at ESIA for our client id. */
  certFile: string;
}

export interface EsiaSigner {
  /** base64url of the DER detached signature over the UTF-8 content. */
  sign(content: string): Promise<string>;
  /** Hex GOST R 34.11-2012 (256) digest of the certificate, sent as client_certificate_hash. */
  certificateHash: string;
}

export class GostUnavailableError extends Error {
  override readonly name = 'GostUnavailableError';
}

const ENGINE = ['-engine', 'gost'];

/** Runs openssl with stdin, resolving to stdout; any failure carries openssl's own words. */
function openssl(args: string[], input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e) => reject(new GostUnavailableError(`openssl could not be started: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`openssl ${args[0]} failed: ${Buffer.concat(err).toString('utf8').trim().slice(0, 500)}`));
    });
    if (input) {
      // openssl may exit before reading all of it; its exit status is what tells.
      child.stdin!.on('error', () => undefined);
      child.stdin!.end(input);
    }
  });
}

/** Whether OpenSSL here can load the GOST engine at all. */
export function gostEngineAvailable(): Promise<boolean> {
  return openssl(['engine', '-t', 'gost']).then(
    () => true,
    () => false,
  );
}

export async function certificateHash(certFile: string): Promise<string> {
  const der = await openssl(['x509', '-in', certFile, '-outform', 'DER']);
  const digest = await openssl(['dgst', ...ENGINE, '-md_gost12_256', '-binary'], der);
  return digest.toString('hex');
}

/** Needs OpenSSL's GOST engine: setUpEsiaSigning checks for it once, before any signer is made. */
export async function createGostSigner(files: GostKeyFiles): Promise<EsiaSigner> {
  const hash = await certificateHash(files.certFile);
  return {
    certificateHash: hash,
    async sign(content) {
      const der = await openssl(
        ['cms', '-sign', ...ENGINE, '-binary', '-outform', 'DER', '-md', 'md_gost12_256', '-signer', files.certFile, '-inkey', files.keyFile],
        Buffer.from(content, 'utf8'),
      );
      return der.toString('base64url');
    },
  };
}

/**
 * Whether the signature is a valid detached signature over the content by the holder of this very
 * certificate: the registered certificate is the only trust anchor, so a signature by any other
 * key, or over other content, fails.
 */
export async function verifyGostSignature(content: string, signature: string, certFile: string): Promise<boolean> {
  const der = Buffer.from(signature, 'base64url');
  if (der.length === 0) return false;
  const dir = await mkdtemp(join(tmpdir(), 'bilet-esia-'));
  try {
    await writeFile(join(dir, 'content'), content, 'utf8');
    await writeFile(join(dir, 'signature.der'), der);
    await openssl([
      'cms', '-verify', ...ENGINE, '-binary', '-inform', 'DER', '-in', join(dir, 'signature.der'),
      '-content', join(dir, 'content'), '-CAfile', certFile, '-purpose', 'any', '-out', join(dir, 'verified'),
    ]);
    return true;
  } catch (err) {
    if (err instanceof GostUnavailableError) throw err;
    return false;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A self-signed GOST key pair for the emulator and the tests, kept in `dir` so restarts and other
 * processes sign alike; ESIA's test environment takes a certificate made the same way.
 */
export async function loadOrCreateTestKeyFiles(dir: string): Promise<GostKeyFiles> {
  const home = join(dir, 'esia-client');
  const files = { keyFile: join(home, 'key.pem'), certFile: join(home, 'cert.pem') };
  try {
    await readFile(files.certFile);
    return files;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dir, { recursive: true });
  const staging = await mkdtemp(join(dir, '.esia-client-'));
  try {
    const key = join(staging, 'key.pem');
    await openssl(['genpkey', ...ENGINE, '-algorithm', 'gost2012_256', '-pkeyopt', 'paramset:A', '-out', key]);
    await openssl(['req', ...ENGINE, '-new', '-x509', '-md_gost12_256', '-key', key, '-out', join(staging, 'cert.pem'), '-days', '3650', '-subj', '/O=Bilet/CN=Bilet ESIA test client']);
    await chmod(key, 0o600);
    // The pair appears at once or not at all; when another process made one first, its pair is the one everyone uses.
    await rename(staging, home).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return files;
}
