import { describe, expect, it } from 'vitest';
import { decideExistingChild, participantScope } from '../participants.policy.js';

const principal = { accountId: 'me', regionId: 43, schoolId: 'school-a' };

describe('participantScope', () => {
  it('gives each role its own part of the pupils', () => {
    expect(participantScope({ ...principal, role: 'issuer_admin' })).toEqual({ kind: 'all' });
    expect(participantScope({ ...principal, role: 'regional_coordinator' })).toEqual({ kind: 'region', regionId: 43 });
    expect(participantScope({ ...principal, role: 'school' })).toEqual({ kind: 'school', schoolId: 'school-a' });
    expect(participantScope({ ...principal, role: 'navigator' })).toEqual({ kind: 'navigator', navigatorId: 'me' });
  });

  it('gives nothing to roles without pupils or staff without a place', () => {
    expect(participantScope({ ...principal, role: 'venue' })).toEqual({ kind: 'none' });
    expect(participantScope({ ...principal, role: 'parent' })).toEqual({ kind: 'none' });
    expect(participantScope({ ...principal, role: 'regional_coordinator', regionId: null })).toEqual({ kind: 'none' });
    expect(participantScope({ ...principal, role: 'school', schoolId: null })).toEqual({ kind: 'none' });
  });
});

describe('decideExistingChild', () => {
  it('takes over a profile without a school, finds its own, refuses another school’s', () => {
    expect(decideExistingChild(null, 'school-a')).toBe('attach');
    expect(decideExistingChild('school-a', 'school-a')).toBe('already_here');
    expect(decideExistingChild('school-b', 'school-a')).toBe('other_school');
  });
});
