import { describe, expect, it } from 'vitest';
import type { ScopeInfo } from './kpi.repository.js';
import { canSeeScope, canSetTargets, ownScope, type KpiCaller } from './kpi.policy.js';

const SCHOOL = '11111111-1111-4111-8111-111111111111';
const OTHER_SCHOOL = '22222222-2222-4222-8222-222222222222';
const VENUE = '33333333-3333-4333-8333-333333333333';
const NAV = '44444444-4444-4444-8444-444444444444';

const caller = (role: KpiCaller['role'], over: Partial<KpiCaller> = {}): KpiCaller => ({
  role,
  accountId: NAV,
  regionId: 43,
  schoolId: role === 'school' || role === 'navigator' ? SCHOOL : null,
  venueId: role === 'venue' || role === 'mentor' ? VENUE : null,
  ...over,
});
const scope = (level: ScopeInfo['level'], over: Partial<ScopeInfo> = {}): ScopeInfo => ({
  level,
  id: level === 'federal' ? null : level === 'region' ? '43' : SCHOOL,
  name: 'x',
  regionId: level === 'federal' ? null : 43,
  regionName: null,
  schoolId: level === 'school' || level === 'navigator' ? SCHOOL : null,
  schoolName: null,
  venueId: level === 'venue' || level === 'mentor' ? VENUE : null,
  venueName: null,
  ...over,
});

describe('KPI policy', () => {
  it('opens each level on its own scope', () => {
    expect(ownScope(caller('issuer_admin'))).toEqual({ level: 'federal', id: null });
    expect(ownScope(caller('regional_coordinator'))).toEqual({ level: 'region', id: '43' });
    expect(ownScope(caller('school'))).toEqual({ level: 'school', id: SCHOOL });
    expect(ownScope(caller('navigator'))).toEqual({ level: 'navigator', id: NAV });
    expect(ownScope(caller('participant'))).toBeNull();
  });

  it('keeps each caller inside its scope', () => {
    expect(canSeeScope(caller('regional_coordinator'), scope('school'))).toBe(true);
    expect(canSeeScope(caller('regional_coordinator'), scope('school', { regionId: 44 }))).toBe(false);
    expect(canSeeScope(caller('regional_coordinator'), scope('federal'))).toBe(false);
    expect(canSeeScope(caller('school'), scope('school', { id: OTHER_SCHOOL, schoolId: OTHER_SCHOOL }))).toBe(false);
    expect(canSeeScope(caller('school'), scope('navigator', { id: NAV }))).toBe(true);
    expect(canSeeScope(caller('venue'), scope('school'))).toBe(false);
    expect(canSeeScope(caller('navigator'), scope('navigator', { id: NAV }))).toBe(true);
    expect(canSeeScope(caller('navigator'), scope('navigator', { id: OTHER_SCHOOL }))).toBe(false);
  });

  it('lets only the level above set targets', () => {
    expect(canSetTargets(caller('issuer_admin'), scope('region'))).toBe(true);
    expect(canSetTargets(caller('regional_coordinator'), scope('region'))).toBe(false);
    expect(canSetTargets(caller('regional_coordinator'), scope('venue'))).toBe(true);
    expect(canSetTargets(caller('school'), scope('school'))).toBe(false);
    expect(canSetTargets(caller('school'), scope('navigator', { id: NAV }))).toBe(true);
    expect(canSetTargets(caller('issuer_admin'), scope('school'))).toBe(false);
  });
});
