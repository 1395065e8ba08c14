import { describe, it, expect } from 'vitest';
import { COMMON_PASSWORDS, isCommonPassword } from './common-passwords.js';

describe('common passwords deny-list', () => {
  it('recognises well-known common passwords (case-insensitive, trimmed)', () => {
    expect(isCommonPassword('12345678')).toBe(true);
    expect(isCommonPassword('Password1')).toBe(true);
    expect(isCommonPassword('qwertyuiop')).toBe(true);
    expect(isCommonPassword('йцукенгшщз')).toBe(true);
    expect(isCommonPassword('  QWERTY123  ')).toBe(true);
  });

  it('does not flag a strong passphrase', () => {
    expect(isCommonPassword('тихий-ёжик-в-тумане-42')).toBe(false);
  });

  it('contains at least 1500 entries, all lowercase and 8..128 chars long', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(1500);
    const invalid = [...COMMON_PASSWORDS].filter(
      (pw) => pw.length < 8 || pw.length > 128 || pw !== pw.toLowerCase(),
    );
    expect(invalid).toEqual([]);
  });
});
