import crypto from 'node:crypto';
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Sealed uploads live under DATA_DIR, which the web app is never served from, one file per row
 * named by the row's id. Nothing but ids reaches a path, so a user's file name can never pick a location.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function sealedFilesDir(dataDir: string, kind: string): string {
  return path.join(dataDir, 'uploads', kind);
}

function fileOf(dir: string, id: string): string {
  if (!UUID.test(id)) throw new Error('A sealed file is named by a uuid');
  return path.join(dir, id);
}

/**
 * Writes to a temporary name, flushes to disk, then renames: a crash leaves either no file or the
 * whole file, never a half-written one under the row's name.
 */
export async function saveSealed(dir: string, id: string, sealed: Buffer): Promise<void> {
  const target = fileOf(dir, id);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${id}.${crypto.randomBytes(6).toString('hex')}.tmp`);
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

export function readSealed(dir: string, id: string): Promise<Buffer> {
  return fs.readFile(fileOf(dir, id));
}

export async function removeSealed(dir: string, id: string): Promise<void> {
  await fs.rm(fileOf(dir, id), { force: true });
}

/** Files under DATA_DIR/uploads, relative to DATA_DIR, skipping the dot-named temporaries of a write in progress. */
export async function listUploads(dataDir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) out.push(path.relative(dataDir, full).split(path.sep).join('/'));
    }
  };
  await walk(path.join(dataDir, 'uploads'));
  return out.sort();
}

/** Every sealed file of every kind under DATA_DIR, for whole-store work such as key rotation. */
export async function listSealedFiles(dataDir: string): Promise<Array<{ dir: string; id: string }>> {
  const found: Array<{ dir: string; id: string }> = [];
  for (const relative of await listUploads(dataDir)) {
    const [, kind, id, ...deeper] = relative.split('/');
    if (kind && id && deeper.length === 0 && UUID.test(id)) found.push({ dir: sealedFilesDir(dataDir, kind), id });
  }
  return found;
}

/** The first bytes of a sealed file (its header), or null when it was removed meanwhile. */
export async function readSealedHead(dir: string, id: string, bytes: number): Promise<Buffer | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(fileOf(dir, id), 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
