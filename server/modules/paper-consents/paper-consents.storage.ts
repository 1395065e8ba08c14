import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Sealed scans live under DATA_DIR, which the web app is never served from, one file per row named
 * by the row's id. Nothing but ids reaches a path, so a user's file name can never pick a location.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function paperConsentsDir(dataDir: string): string {
  return path.join(dataDir, 'uploads', 'paper-consents');
}

function fileOf(dataDir: string, id: string): string {
  if (!UUID.test(id)) throw new Error('A paper consent file is named by a uuid');
  return path.join(paperConsentsDir(dataDir), id);
}

/**
 * Writes to a temporary name, flushes to disk, then renames: a crash leaves either no file or the
 * whole file, never a half-written one under the row's name.
 */
export async function saveSealedFile(dataDir: string, id: string, sealed: Buffer): Promise<void> {
  const target = fileOf(dataDir, id);
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = path.join(path.dirname(target), `.${id}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(sealed);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}

export function readSealedFile(dataDir: string, id: string): Promise<Buffer> {
  return fs.readFile(fileOf(dataDir, id));
}

export async function removeSealedFile(dataDir: string, id: string): Promise<void> {
  await fs.rm(fileOf(dataDir, id), { force: true });
}
