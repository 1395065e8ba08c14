import { generateKeyPair, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/** The emulator's ID-token signing keys, kept beside the citizens file so restarts and other processes sign alike. */
export async function loadOrCreateJwks(citizensFile: string): Promise<object> {
  const file = join(dirname(citizensFile), 'esia-emulator-jwks.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as object;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };
  const jwks = { keys: [jwk] };
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(file, JSON.stringify(jwks, null, 2) + '\n', { encoding: 'utf8', flag: 'wx', mode: 0o600 });
  } catch (err) {
    // Another process got there first: use its keys so both sign alike.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      return JSON.parse(await readFile(file, 'utf8')) as object;
    }
    throw err;
  }
  return jwks;
}
