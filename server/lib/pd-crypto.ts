import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createFileCrypto, masterKeyId, type FileCrypto } from './file-crypto.js';

/**
 * Field-level protection of personal data (152-FZ): AES-256-GCM envelopes tagged with the key id,
 * and a keyed HMAC "blind index" so equal values can be found and kept unique without decrypting.
 * Both keys are derived from one master key with HKDF so the index cannot be turned back into a value.
 */
export interface PdCrypto {
  encrypt(plain: string): string;
  decrypt(envelope: string): string;
  blindIndex(value: string): string;
  keyId: string;
  /** Uploaded files, sealed under a sibling key from the same master. */
  files: FileCrypto;
}

const ENVELOPE_VERSION = 'v1';

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

export function createPdCrypto(masterKey: Buffer): PdCrypto {
  if (masterKey.length !== 32) throw new Error('PD_ENCRYPTION_KEY must be 32 bytes (base64-encoded)');
  const encKey = derive(masterKey, 'bilet/pd/encrypt');
  const indexKey = derive(masterKey, 'bilet/pd/blind-index');
  const keyId = masterKeyId(masterKey);
  return {
    keyId,
    files: createFileCrypto(masterKey),
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [ENVELOPE_VERSION, keyId, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join(':');
    },
    decrypt(envelope) {
      const [version, kid, iv, tag, ct] = envelope.split(':');
      if (version !== ENVELOPE_VERSION || !iv || !tag || ct === undefined) throw new Error('Malformed encrypted field');
      if (kid !== keyId) throw new Error(`Encrypted field uses unknown key ${kid}`);
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
    blindIndex(value) {
      return crypto.createHmac('sha256', indexKey).update(value, 'utf8').digest('base64url');
    },
  };
}

/** In development a key is made once and kept in the data dir, so a restart still reads old rows. */
export function loadMasterKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) {
    const key = Buffer.from(configured, 'base64');
    if (key.length !== 32) throw new Error('PD_ENCRYPTION_KEY must decode to exactly 32 bytes');
    return key;
  }
  const file = path.join(dataDir, 'keys', 'pd.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}
