import crypto from 'node:crypto';

/**
 * Whole-file encryption for uploads kept on disk (scanned consents): AES-256-GCM under a key of its
 * own, derived with HKDF from the personal-data master key, so a leaked disk or backup shows nothing.
 * The header names the key that sealed the file; `context` (the file's id) is authenticated with it,
 * so a file moved under another row's name does not decrypt. New files are sealed under the current
 * master key; files sealed under an older one still open while that key is configured (key rotation).
 */
export interface FileCrypto {
  encrypt(plain: Buffer, context: string): Buffer;
  decrypt(sealed: Buffer, context: string): Buffer;
  /** The id of the master key a sealed file names in its header, or null when it is not a sealed file. */
  keyIdOf(sealed: Buffer): string | null;
  keyId: string;
}

const MAGIC = Buffer.from('BLF1', 'ascii');
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + KEY_ID_BYTES + IV_BYTES + TAG_BYTES;
/** What must be read of a file to learn its key id. */
export const FILE_KEY_ID_PREFIX_BYTES = MAGIC.length + KEY_ID_BYTES;

/** The id that names a master key in every sealed value, field envelope or file, whichever subkey sealed it. */
export function masterKeyId(masterKey: Buffer): string {
  return crypto.createHash('sha256').update(masterKey).digest('hex').slice(0, KEY_ID_BYTES);
}

function assertMasterKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('PD_ENCRYPTION_KEY must be 32 bytes (base64-encoded)');
}

/** The current master key first; older ones after it only open what they sealed. */
export function createFileCrypto(masterKey: Buffer, previousKeys: readonly Buffer[] = []): FileCrypto {
  [masterKey, ...previousKeys].forEach(assertMasterKey);
  const keys = new Map([masterKey, ...previousKeys].map((k) => [masterKeyId(k), Buffer.from(crypto.hkdfSync('sha256', k, Buffer.alloc(0), 'bilet/files/encrypt', 32))]));
  const keyId = masterKeyId(masterKey);
  const aad = (kid: string, context: string) => Buffer.concat([MAGIC, Buffer.from(kid, 'ascii'), Buffer.from(context, 'utf8')]);
  const keyIdOf = (sealed: Buffer) =>
    sealed.length >= FILE_KEY_ID_PREFIX_BYTES && sealed.subarray(0, MAGIC.length).equals(MAGIC)
      ? sealed.subarray(MAGIC.length, FILE_KEY_ID_PREFIX_BYTES).toString('ascii')
      : null;

  return {
    keyId,
    keyIdOf,
    encrypt(plain, context) {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', keys.get(keyId)!, iv);
      cipher.setAAD(aad(keyId, context));
      const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([MAGIC, Buffer.from(keyId, 'ascii'), iv, cipher.getAuthTag(), ct]);
    },
    decrypt(sealed, context) {
      const kid = keyIdOf(sealed);
      if (kid === null || sealed.length < HEADER_BYTES) throw new Error('Not an encrypted file');
      const key = keys.get(kid);
      if (!key) throw new Error(`Encrypted file uses unknown key ${kid}`);
      const ivStart = FILE_KEY_ID_PREFIX_BYTES;
      const iv = sealed.subarray(ivStart, ivStart + IV_BYTES);
      const tag = sealed.subarray(ivStart + IV_BYTES, HEADER_BYTES);
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(aad(kid, context));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
    },
  };
}
