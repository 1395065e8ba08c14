import { describe, expect, it } from 'vitest';
import { addWorkingHours, deskScope, mayAnswerRequest, mayChangeStatus, mayManageRequests, mayReadRequest, statusAfterRequesterMessage } from './support.policy.js';

const operator = { role: 'support_operator' as const, regionId: null };
const admin = { role: 'issuer_admin' as const, regionId: null };
const coordinator = { role: 'regional_coordinator' as const, regionId: 43 };
const school = { role: 'school' as const, regionId: 43 };

describe('desk scope', () => {
  it('gives the issuer all, a coordinator its region, others nothing', () => {
    expect(deskScope(operator)).toEqual({ kind: 'all' });
    expect(deskScope(admin)).toEqual({ kind: 'all' });
    expect(deskScope(coordinator)).toEqual({ kind: 'region', regionId: 43 });
    expect(deskScope(school)).toBeNull();
    expect(deskScope({ role: 'regional_coordinator', regionId: null })).toBeNull();
  });

  it('lets a coordinator read only its region, and not requests of unknown region', () => {
    expect(mayReadRequest(coordinator, { regionId: 43, status: 'new' })).toBe(true);
    expect(mayReadRequest(coordinator, { regionId: 44, status: 'new' })).toBe(false);
    expect(mayReadRequest(coordinator, { regionId: null, status: 'new' })).toBe(false);
    expect(mayReadRequest(admin, { regionId: null, status: 'new' })).toBe(true);
    expect(mayReadRequest(school, { regionId: 43, status: 'new' })).toBe(false);
  });
});

describe('who answers', () => {
  it('lets operators answer open requests, never ones left without an answer', () => {
    expect(mayAnswerRequest(operator, { regionId: 1, status: 'new' })).toBe(true);
    expect(mayAnswerRequest(operator, { regionId: 1, status: 'no_answer' })).toBe(false);
    expect(mayAnswerRequest(operator, { regionId: 1, status: 'closed' })).toBe(false);
  });

  it('lets a coordinator answer only what was escalated to its region', () => {
    expect(mayAnswerRequest(coordinator, { regionId: 43, status: 'escalated' })).toBe(true);
    expect(mayAnswerRequest(coordinator, { regionId: 43, status: 'new' })).toBe(false);
    expect(mayAnswerRequest(coordinator, { regionId: 44, status: 'escalated' })).toBe(false);
    expect(mayAnswerRequest(admin, { regionId: 43, status: 'escalated' })).toBe(false);
  });

  it('keeps the queue to operators', () => {
    expect(mayManageRequests(operator)).toBe(true);
    expect(mayManageRequests(admin)).toBe(false);
    expect(mayManageRequests(coordinator)).toBe(false);
  });
});

describe('status transitions', () => {
  it('moves through work and back, but never out of «no answer» by hand', () => {
    expect(mayChangeStatus('new', 'in_progress')).toBe(true);
    expect(mayChangeStatus('in_progress', 'escalated')).toBe(true);
    expect(mayChangeStatus('escalated', 'waiting_requester')).toBe(false);
    expect(mayChangeStatus('closed', 'in_progress')).toBe(true);
    expect(mayChangeStatus('closed', 'escalated')).toBe(false);
    for (const to of ['in_progress', 'waiting_requester', 'escalated', 'closed'] as const) expect(mayChangeStatus('no_answer', to)).toBe(false);
  });

  it('puts a request back in work when its requester writes again', () => {
    expect(statusAfterRequesterMessage('answered')).toBe('in_progress');
    expect(statusAfterRequesterMessage('waiting_requester')).toBe('in_progress');
    expect(statusAfterRequesterMessage('escalated')).toBe('escalated');
    expect(statusAfterRequesterMessage('no_answer')).toBe('no_answer');
  });
});

describe('working hours', () => {
  // 2026-12-07 is a Monday.
  it('counts within one working day', () => {
    expect(addWorkingHours(new Date('2026-12-07T07:00:00Z'), 2).toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });

  it('starts at 9:00 Moscow time when a request comes at night', () => {
    expect(addWorkingHours(new Date('2026-12-07T01:00:00Z'), 1).toISOString()).toBe('2026-12-07T07:00:00.000Z');
  });

  it('carries over evenings and weekends: 24 hours from Friday noon end on Tuesday evening', () => {
    // Friday 12:00 MSK: 6 h on Friday, 9 on Monday, 9 on Tuesday → Tuesday 18:00 MSK.
    expect(addWorkingHours(new Date('2026-12-11T09:00:00Z'), 24).toISOString()).toBe('2026-12-15T15:00:00.000Z');
  });

  it('skips a request sent on Sunday to Monday morning', () => {
    expect(addWorkingHours(new Date('2026-12-13T10:00:00Z'), 9).toISOString()).toBe('2026-12-14T15:00:00.000Z');
  });
});
