import crypto from 'node:crypto';
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { UPLOADS_PREFIX, fileKey, parseFileKey, type FileStore, type StoredFile } from './file-store.js';

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}

async function entriesOf(dir: string): Promise<Dirent[]> {
  try {
    return (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
}

/** Sealed files under DATA_DIR/uploads, which the web app is never served from: the default store. */
export function filesystemStore(dataDir: string): FileStore {
  const root = path.resolve(dataDir);
  const fileOf = (kind: string, id: string) => path.join(root, fileKey(kind, id));

  return {
    location: path.join(root, UPLOADS_PREFIX),

    async check() {
      const dir = path.join(root, UPLOADS_PREFIX);
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      await fs.access(dir, fs.constants.W_OK);
    },

    /**
     * Writes to a dot-named temporary beside the target, flushes to disk, then renames: a crash
     * leaves either no file or the whole file, never a half-written one under the row's name.
     */
    async put(kind, id, data) {
      const target = fileOf(kind, id);
      const dir = path.dirname(target);
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const temp = path.join(dir, `.${id}.${crypto.randomBytes(6).toString('hex')}.tmp`);
      try {
        const handle = await fs.open(temp, 'wx', 0o600);
        try {
          await handle.writeFile(data);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(temp, target);
      } catch (err) {
        await fs.rm(temp, { force: true });
        throw err;
      }
    },

    async get(kind, id) {
      try {
        return await fs.readFile(fileOf(kind, id));
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },

    async head(kind, id, bytes) {
      let handle: fs.FileHandle;
      try {
        handle = await fs.open(fileOf(kind, id), 'r');
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
      try {
        const buffer = Buffer.alloc(bytes);
        const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },

    async delete(kind, id) {
      await fs.rm(fileOf(kind, id), { force: true });
    },

    async *list(): AsyncGenerator<StoredFile> {
      for (const kind of await entriesOf(path.join(root, UPLOADS_PREFIX))) {
        if (!kind.isDirectory()) continue;
        for (const file of await entriesOf(path.join(root, UPLOADS_PREFIX, kind.name))) {
          // Dot-named temporaries of a write in progress and anything not named by a uuid are no files of ours.
          const found = file.isFile() ? parseFileKey(`${UPLOADS_PREFIX}/${kind.name}/${file.name}`) : null;
          if (found) yield found;
        }
      }
    },

    async close() {},
  };
}
