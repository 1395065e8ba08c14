import { describe, expect, it } from 'vitest';
import { relationToPupil } from './pupil-relation.js';

const pupil = '00000000-0000-4000-8000-000000000001';
const none = { parentLinked: false, navigatorAssigned: false };

describe('who sees a pupil’s results', () => {
  it('lets the pupil see only its own', () => {
    expect(relationToPupil({ role: 'participant', accountId: pupil }, pupil, none)).toBe('self');
    expect(relationToPupil({ role: 'participant', accountId: 'another' }, pupil, none)).toBeNull();
  });

  it('lets a parent in only through a family link and a navigator only through an assignment', () => {
    expect(relationToPupil({ role: 'parent', accountId: 'p' }, pupil, { ...none, parentLinked: true })).toBe('parent');
    expect(relationToPupil({ role: 'parent', accountId: 'p' }, pupil, { ...none, navigatorAssigned: true })).toBeNull();
    expect(relationToPupil({ role: 'navigator', accountId: 'n' }, pupil, { ...none, navigatorAssigned: true })).toBe('navigator');
    expect(relationToPupil({ role: 'navigator', accountId: 'n' }, pupil, none)).toBeNull();
  });

  it('keeps every other role out, however high', () => {
    for (const role of ['issuer_admin', 'regional_coordinator', 'school', 'venue', 'mentor', 'methodologist'] as const) {
      expect(relationToPupil({ role, accountId: 'x' }, pupil, { parentLinked: true, navigatorAssigned: true })).toBeNull();
    }
  });
});
