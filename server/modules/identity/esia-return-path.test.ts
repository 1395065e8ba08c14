import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './esia.routes.js';

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
