import crypto from 'node:crypto';

/**
 * Whole-file encryption for uploads kept on disk (scanned consents): AES-256-GCM under a key of its
 * own, derived with HKDF from the personal-data master key, so a leaked disk or backup shows nothing.
 * The header names the key that sealed the file; `context` (the file's id) is authenticated with it,
 * so a file moved under another row's name does not decrypt.
 */
export interface FileCrypto {
  encrypt(plain: Buffer, context: string): Buffer;
  decrypt(sealed: Buffer, context: string): Buffer;
  keyId: string;
}

const MAGIC = Buffer.from('BLF1', 'ascii');
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + KEY_ID_BYTES + IV_BYTES + TAG_BYTES;

/** The id that names a master key in every sealed value, field envelope or file, whichever subkey sealed it. */
export function masterKeyId(masterKey: Buffer): string {
  return crypto.createHash('sha256').update(masterKey).digest('hex').slice(0, KEY_ID_BYTES);
}

export function createFileCrypto(masterKey: Buffer): FileCrypto {
  if (masterKey.length !== 32) throw new Error('PD_ENCRYPTION_KEY must be 32 bytes (base64-encoded)');
  const key = Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'bilet/files/encrypt', 32));
  const keyId = masterKeyId(masterKey);
  const keyIdBytes = Buffer.from(keyId, 'ascii');
  const aad = (context: string) => Buffer.concat([MAGIC, keyIdBytes, Buffer.from(context, 'utf8')]);

  return {
    keyId,
    encrypt(plain, context) {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad(context));
      const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([MAGIC, keyIdBytes, iv, cipher.getAuthTag(), ct]);
    },
    decrypt(sealed, context) {
      if (sealed.length < HEADER_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('Not an encrypted file');
      const kid = sealed.subarray(MAGIC.length, MAGIC.length + KEY_ID_BYTES).toString('ascii');
      if (kid !== keyId) throw new Error(`Encrypted file uses unknown key ${kid}`);
      const ivStart = MAGIC.length + KEY_ID_BYTES;
      const iv = sealed.subarray(ivStart, ivStart + IV_BYTES);
      const tag = sealed.subarray(ivStart + IV_BYTES, HEADER_BYTES);
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(aad(context));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
    },
  };
}
