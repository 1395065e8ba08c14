import { describe, expect, it } from 'vitest';
import { erasureRefusal, mayCancelErasure, subjectOf } from './data-rights.policy.js';

const parent = { role: 'parent' as const, accountId: 'p1' };
const pupil = { role: 'participant' as const, accountId: 'c1' };
const school = { role: 'school' as const, accountId: 's1' };

describe('data rights policy', () => {
  it('takes the caller itself when no one else is named', () => {
    expect(subjectOf(pupil, undefined)).toEqual({ id: 'c1', self: true });
    expect(subjectOf(school, 's1')).toEqual({ id: 's1', self: true });
  });

  it('lets only a parent name someone else, left for the family link to confirm', () => {
    expect(subjectOf(parent, 'c1')).toEqual({ id: 'c1', self: false });
    expect(subjectOf(pupil, 'c2')).toBeNull();
    expect(subjectOf(school, 'c1')).toBeNull();
  });

  it('lets a parent erase its child and a pupil of 14 itself, nobody else', () => {
    const child = { role: 'participant', birthDate: '2014-03-01' };
    expect(erasureRefusal(false, child, '2026-12-06')).toBeNull();
    expect(erasureRefusal(true, child, '2026-12-06')).toMatch(/До 14 лет/);
    expect(erasureRefusal(true, { role: 'participant', birthDate: '2012-12-06' }, '2026-12-06')).toBeNull();
    expect(erasureRefusal(true, { role: 'participant', birthDate: '2012-12-07' }, '2026-12-06')).toMatch(/До 14 лет/);
    expect(erasureRefusal(true, { role: 'parent', birthDate: '1980-01-01' }, '2026-12-06')).toMatch(/ученика/);
  });

  it('lets only the requester cancel', () => {
    expect(mayCancelErasure(parent, { requestedBy: 'p1' })).toBe(true);
    expect(mayCancelErasure(parent, { requestedBy: 'p2' })).toBe(false);
    expect(mayCancelErasure(parent, { requestedBy: null })).toBe(false);
  });
});
