import { describe, expect, it } from 'vitest';
import { replyTokenOf } from './support.smtp.js';

describe('the programme address and its reply sub-addresses', () => {
  it('takes the plain address as a new letter', () => {
    expect(replyTokenOf('bilet@bilet.test', 'bilet@bilet.test')).toEqual({ ours: true, token: null });
    expect(replyTokenOf(' BILET@Bilet.Test ', 'bilet@bilet.test')).toEqual({ ours: true, token: null });
  });

  it('reads the token of a +address, whatever its case', () => {
    expect(replyTokenOf('bilet+0a1B2c@bilet.test', 'bilet@bilet.test')).toEqual({ ours: true, token: '0a1b2c' });
  });

  it('refuses other mailboxes and domains', () => {
    expect(replyTokenOf('other@bilet.test', 'bilet@bilet.test').ours).toBe(false);
    expect(replyTokenOf('bilet@evil.test', 'bilet@bilet.test').ours).toBe(false);
    expect(replyTokenOf('bilet+x@bilet.test.evil', 'bilet@bilet.test').ours).toBe(false);
    expect(replyTokenOf('not an address', 'bilet@bilet.test').ours).toBe(false);
  });
});
