import { filesystemStore } from './filesystem.js';
import { s3Store, type S3Settings } from './s3.js';
import type { FileStore } from './file-store.js';

export { FILE_KINDS, fileKey, parseFileKey, type FileKind, type FileStore, type StoredFile } from './file-store.js';
export type { S3Settings } from './s3.js';

/** S3 when it is configured (config.ts checks its settings come all together), DATA_DIR otherwise. */
export function createFileStore(opts: { dataDir: string; s3: S3Settings | undefined }): FileStore {
  return opts.s3 ? s3Store(opts.s3) : filesystemStore(opts.dataDir);
}
