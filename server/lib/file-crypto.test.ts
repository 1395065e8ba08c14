import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFileCrypto } from './file-crypto.js';
import { createPdCrypto } from './pd-crypto.js';

describe('file encryption', () => {
  const master = crypto.randomBytes(32);
  const files = createFileCrypto(master);
  const plain = Buffer.concat([Buffer.from('%PDF-1.4\nСогласие родителя Иванова\n'), crypto.randomBytes(4096)]);

  it('round-trips the bytes and shows none of them in the sealed file', () => {
    const sealed = files.encrypt(plain, 'id-1');
    expect(sealed.subarray(0, 12).toString('ascii')).toBe(`BLF1${files.keyId}`);
    expect(sealed.includes(Buffer.from('%PDF'))).toBe(false);
    expect(sealed.includes(Buffer.from('Иванова'))).toBe(false);
    expect(files.decrypt(sealed, 'id-1').equals(plain)).toBe(true);
  });

  it('uses a new nonce each time, so one file uploaded twice does not look the same', () => {
    expect(files.encrypt(plain, 'id-1').equals(files.encrypt(plain, 'id-1'))).toBe(false);
  });

  it('refuses a file sealed for another id, so files cannot be swapped on disk', () => {
    expect(() => files.decrypt(files.encrypt(plain, 'id-1'), 'id-2')).toThrow();
  });

  it('refuses a tampered or truncated file', () => {
    const sealed = files.encrypt(plain, 'id-1');
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => files.decrypt(flipped, 'id-1')).toThrow();
    expect(() => files.decrypt(sealed.subarray(0, sealed.length - 10), 'id-1')).toThrow();
    expect(() => files.decrypt(sealed.subarray(0, 20), 'id-1')).toThrow(/Not an encrypted file/);
    expect(() => files.decrypt(plain, 'id-1')).toThrow(/Not an encrypted file/);
  });

  it('names the key in the header and refuses a file sealed under another master key', () => {
    const other = createFileCrypto(crypto.randomBytes(32));
    expect(() => files.decrypt(other.encrypt(plain, 'id-1'), 'id-1')).toThrow(/unknown key/);
  });

  it('comes with the personal-data crypto of the same master key, under the same key id', () => {
    const pd = createPdCrypto(master);
    expect(pd.files.keyId).toBe(pd.keyId);
    expect(pd.files.decrypt(files.encrypt(plain, 'x'), 'x').equals(plain)).toBe(true);
    expect(() => createFileCrypto(Buffer.alloc(16))).toThrow(/32 bytes/);
  });

  it('seals an empty buffer too, though uploads never store one', () => {
    expect(files.decrypt(files.encrypt(Buffer.alloc(0), 'e'), 'e').length).toBe(0);
  });
});

describe('file encryption across a key rotation', () => {
  const oldKey = crypto.randomBytes(32);
  const before = createFileCrypto(oldKey);
  const after = createFileCrypto(crypto.randomBytes(32), [oldKey]);
  const plain = crypto.randomBytes(1024);

  it('opens files the old key sealed and seals new ones under the current key', () => {
    const sealed = before.encrypt(plain, 'id-1');
    expect(after.keyIdOf(sealed)).toBe(before.keyId);
    expect(after.decrypt(sealed, 'id-1').equals(plain)).toBe(true);
    expect(after.keyIdOf(after.encrypt(plain, 'id-1'))).toBe(after.keyId);
  });
  it('names no key for a file that is not sealed', () => {
    expect(after.keyIdOf(Buffer.from('%PDF-1.4'))).toBeNull();
  });
});
