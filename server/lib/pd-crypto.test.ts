import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPdCrypto } from './pd-crypto.js';

describe('personal data encryption', () => {
  const pd = createPdCrypto(crypto.randomBytes(32));

  it('round-trips a value and never stores it in clear', () => {
    const envelope = pd.encrypt('112-233-445 95');
    expect(envelope).not.toContain('112');
    expect(envelope.startsWith(`v1:${pd.keyId}:`)).toBe(true);
    expect(pd.decrypt(envelope)).toBe('112-233-445 95');
  });
  it('uses a new nonce each time, so equal values do not look equal', () => {
    expect(pd.encrypt('same')).not.toBe(pd.encrypt('same'));
  });
  it('refuses a tampered envelope', () => {
    const parts = pd.encrypt('секрет').split(':');
    parts[4] = Buffer.from('подмена').toString('base64url');
    expect(() => pd.decrypt(parts.join(':'))).toThrow();
  });
  it('refuses an envelope made with another key', () => {
    const other = createPdCrypto(crypto.randomBytes(32));
    expect(() => pd.decrypt(other.encrypt('x'))).toThrow(/unknown key/);
  });
  it('gives a stable blind index per key that reveals nothing of the value', () => {
    expect(pd.blindIndex('11223344595')).toBe(pd.blindIndex('11223344595'));
    expect(pd.blindIndex('11223344595')).not.toBe(createPdCrypto(crypto.randomBytes(32)).blindIndex('11223344595'));
    expect(pd.blindIndex('11223344595')).not.toContain('1122');
  });
});

describe('personal data encryption across a key rotation', () => {
  const oldKey = crypto.randomBytes(32);
  const newKey = crypto.randomBytes(32);
  const before = createPdCrypto(oldKey);
  const after = createPdCrypto(newKey, { previousKeys: [oldKey], indexKey: oldKey });

  it('seals new values under the current key and still opens what the old one sealed', () => {
    const old = before.encrypt('112-233-445 95');
    expect(after.keyIdOf(old)).toBe(before.keyId);
    expect(after.decrypt(old)).toBe('112-233-445 95');
    expect(after.keyIdOf(after.encrypt('x'))).toBe(after.keyId);
    expect(after.keyIds).toEqual([after.keyId, before.keyId]);
  });
  it('keeps the blind index of the key it was made with', () => {
    expect(after.blindIndex('email:a@b.ru')).toBe(before.blindIndex('email:a@b.ru'));
    expect(after.indexKeyId).toBe(before.keyId);
  });
  it('refuses what a key no longer configured sealed', () => {
    expect(() => createPdCrypto(newKey).decrypt(before.encrypt('x'))).toThrow(/unknown key/);
  });
  it('names no key for what is not an envelope', () => {
    expect(after.keyIdOf('plain text')).toBeNull();
  });
});
