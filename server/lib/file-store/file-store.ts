/**
 * Where sealed uploads are kept: one object per row, named `uploads/<kind>/<id>` by the row's uuid,
 * so nothing a user sends (a file name, a path) can choose a location. Every file is encrypted by
 * the app before it reaches a store, so a store only ever holds ciphertext.
 */

/** The kinds of sealed files: one folder (or key prefix) each. */
export const FILE_KINDS = { paperConsents: 'paper-consents', support: 'support' } as const;
export type FileKind = (typeof FILE_KINDS)[keyof typeof FILE_KINDS];

export interface StoredFile {
  kind: string;
  id: string;
}

export interface FileStore {
  /** Where the files are, for log lines and the backup's report (never a secret). */
  readonly location: string;
  /** Fails with a plain message when the store cannot be reached or written, so a start fails early. */
  check(): Promise<void>;
  /** Writes the whole file or nothing: a reader sees the previous content or the new, never part of it. */
  put(kind: string, id: string, data: Buffer): Promise<void>;
  /** The file, or null when there is none. */
  get(kind: string, id: string): Promise<Buffer | null>;
  /** The first bytes of a file (its header), or null when there is none. */
  head(kind: string, id: string, bytes: number): Promise<Buffer | null>;
  /** Removes a file; removing one that is not there is no error. */
  delete(kind: string, id: string): Promise<void>;
  /** Every file of every kind, in key order. */
  list(): AsyncIterable<StoredFile>;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KIND = /^[a-z][a-z0-9-]*$/;

export const UPLOADS_PREFIX = 'uploads';

/** `uploads/<kind>/<id>`: the key in a bucket, the path under DATA_DIR and the path in a backup alike. */
export function fileKey(kind: string, id: string): string {
  if (!KIND.test(kind)) throw new Error(`A sealed file's kind is a lower-case word: ${JSON.stringify(kind)}`);
  if (!UUID.test(id)) throw new Error('A sealed file is named by a uuid');
  return `${UPLOADS_PREFIX}/${kind}/${id}`;
}

/** The kind and id a key names, or null for anything else found beside them (a temporary, a stray file). */
export function parseFileKey(key: string): StoredFile | null {
  const [prefix, kind, id, ...deeper] = key.split('/');
  if (prefix !== UPLOADS_PREFIX || !kind || !id || deeper.length > 0 || !KIND.test(kind) || !UUID.test(id)) return null;
  return { kind, id };
}
