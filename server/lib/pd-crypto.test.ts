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
