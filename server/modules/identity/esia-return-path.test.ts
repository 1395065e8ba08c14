import { describe, expect, it } from 'vitest';
import { failureDestination, safeReturnPath } from './esia.routes.js';

describe('where a parent may be sent after ESIA sign-in', () => {
  it('keeps paths of our own pages', () => {
    expect(safeReturnPath('/invite/abc_DEF-123')).toBe('/invite/abc_DEF-123');
    expect(safeReturnPath('/parent?tab=children')).toBe('/parent?tab=children');
  });
  it('drops anything that could leave the site or hit the API', () => {
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', '/api/auth/sign-out', 'parent', '/x"><script>', undefined]) {
      expect(safeReturnPath(bad)).toBeNull();
    }
  });
});

describe('where a parent lands when ESIA sign-in does not finish', () => {
  it('goes back to the page it started from with the reason, so a lesson\'s card is not lost', () => {
    expect(failureDestination('/e/abc_DEF-123', 'access_denied')).toBe('/e/abc_DEF-123?esia=access_denied');
    expect(failureDestination('/parent?tab=children', 'no_snils')).toBe('/parent?tab=children&esia=no_snils');
  });
  it('explains the reason on its own page when there is nowhere to go back to', () => {
    expect(failureDestination(null, 'access_denied')).toBe('/esia/error?reason=access_denied');
  });
});
