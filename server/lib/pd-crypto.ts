import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createFileCrypto, masterKeyId, type FileCrypto } from './file-crypto.js';

/**
 * Field-level protection of personal data (152-FZ): AES-256-GCM envelopes tagged with the key id,
 * and a keyed HMAC "blind index" so equal values can be found and kept unique without decrypting.
 * Both keys are derived from master keys with HKDF so the index cannot be turned back into a value.
 *
 * Master keys rotate: new values are sealed under the current key, values sealed under an older
 * key still open while it is configured, and a job re-encrypts them (modules/pd-keys). The blind
 * index is an HMAC of values we no longer hold (recovery codes) or must keep matching (e-mail,
 * SNILS), so it cannot be recomputed: its key comes from a root of its own that never rotates.
 */
export interface PdCrypto {
  encrypt(plain: string): string;
  decrypt(envelope: string): string;
  blindIndex(value: string): string;
  /** The key that seals new values. */
  keyId: string;
  /** Every key that opens values, the current one first. */
  keyIds: readonly string[];
  /** The id of the master key the blind index is derived from, whether or not it still seals anything. */
  indexKeyId: string;
  /** The key id an envelope names, or null when it is not one. */
  keyIdOf(envelope: string): string | null;
  /** Uploaded files, sealed under a sibling key from the same master. */
  files: FileCrypto;
}

export interface PdKeyring {
  current: Buffer;
  /** Older master keys, kept only so what they sealed still opens until it is re-encrypted. */
  previous: readonly Buffer[];
  /** The root of the blind index and of cookie signing; the current key when nothing has rotated yet. */
  index: Buffer;
}

const ENVELOPE_VERSION = 'v1';

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

export function createPdCrypto(masterKey: Buffer, opts: { previousKeys?: readonly Buffer[]; indexKey?: Buffer } = {}): PdCrypto {
  const previous = opts.previousKeys ?? [];
  for (const key of [masterKey, ...previous, ...(opts.indexKey ? [opts.indexKey] : [])]) {
    if (key.length !== 32) throw new Error('PD_ENCRYPTION_KEY must be 32 bytes (base64-encoded)');
  }
  const encKeys = new Map([masterKey, ...previous].map((k) => [masterKeyId(k), derive(k, 'bilet/pd/encrypt')]));
  const indexRoot = opts.indexKey ?? masterKey;
  const indexKey = derive(indexRoot, 'bilet/pd/blind-index');
  const keyId = masterKeyId(masterKey);
  const keyIdOf = (envelope: string) => {
    const [version, kid] = envelope.split(':', 2);
    return version === ENVELOPE_VERSION && kid ? kid : null;
  };
  return {
    keyId,
    keyIds: [...encKeys.keys()],
    indexKeyId: masterKeyId(indexRoot),
    keyIdOf,
    files: createFileCrypto(masterKey, previous),
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKeys.get(keyId)!, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [ENVELOPE_VERSION, keyId, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join(':');
    },
    decrypt(envelope) {
      const [version, kid, iv, tag, ct] = envelope.split(':');
      if (version !== ENVELOPE_VERSION || !kid || !iv || !tag || ct === undefined) throw new Error('Malformed encrypted field');
      const key = encKeys.get(kid);
      if (!key) throw new Error(`Encrypted field uses unknown key ${kid}`);
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
    blindIndex(value) {
      return crypto.createHmac('sha256', indexKey).update(value, 'utf8').digest('base64url');
    },
  };
}

function decodeKey(value: string, name: string): Buffer {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${name} must decode to exactly 32 bytes`);
  return key;
}

/** The configured keys; without PD_ENCRYPTION_KEY the development key from the data dir. */
export function loadKeyring(
  configured: { current: string | undefined; previous: readonly string[]; index: string | undefined },
  dataDir: string,
): PdKeyring {
  const current = loadMasterKey(configured.current, dataDir);
  const previous = configured.previous.map((k) => decodeKey(k, 'PD_PREVIOUS_KEYS'));
  const index = configured.index ? decodeKey(configured.index, 'PD_INDEX_KEY') : current;
  return { current, previous, index };
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
