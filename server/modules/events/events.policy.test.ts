import { describe, expect, it } from 'vitest';
import type { Role } from '@common/roles.js';
import { EVENT_STATUSES, type EventStatus } from '@common/events.js';
import { canSeeEvent, canSeeLink, eventActions, eventScopeOf, ownsEvent, reviewsEvent, type EventRef, type EventViewer } from './events.policy.js';

const VENUE = '00000000-0000-4000-8000-000000000001';
const OTHER_VENUE = '00000000-0000-4000-8000-000000000002';
const SCHOOL = '00000000-0000-4000-8000-000000000003';
const OTHER_SCHOOL = '00000000-0000-4000-8000-000000000004';
const MENTOR = '00000000-0000-4000-8000-000000000005';
const NOW = new Date('2026-10-01T09:00:00Z');
const HOUR = 3600_000;

const trial = (status: EventStatus, over: Partial<EventRef> = {}): EventRef => ({
  venueId: VENUE,
  regionId: 43,
  schoolId: null,
  format: 'in_person',
  status,
  startsAt: new Date(NOW.getTime() + 48 * HOUR),
  endsAt: new Date(NOW.getTime() + 50 * HOUR),
  mentorIds: [MENTOR],
  ...over,
});
const lesson = (status: EventStatus, over: Partial<EventRef> = {}) => trial(status, { format: 'school_lesson', schoolId: SCHOOL, ...over });

const viewer = (role: Role, scope: Partial<EventViewer> = {}): EventViewer => ({
  role,
  accountId: '00000000-0000-4000-8000-0000000000ff',
  regionId: 43,
  schoolId: null,
  venueId: null,
  ...scope,
});
const venue = viewer('venue', { venueId: VENUE });
const coordinator = viewer('regional_coordinator');
const school = viewer('school', { schoolId: SCHOOL });
const mentor = viewer('mentor', { accountId: MENTOR, venueId: VENUE });
const navigator = viewer('navigator', { schoolId: SCHOOL });

const seenIn = (who: EventViewer, make: (s: EventStatus) => EventRef) => EVENT_STATUSES.filter((s) => canSeeEvent(who, make(s)));

describe('who sees an event', () => {
  it('shows the venue every status of its own events and nothing of another venue', () => {
    expect(seenIn(venue, trial)).toEqual([...EVENT_STATUSES]);
    expect(seenIn(viewer('venue', { venueId: OTHER_VENUE }), trial)).toEqual([]);
  });

  it('shows the coordinator its region’s events except drafts', () => {
    expect(seenIn(coordinator, trial)).toEqual(['submitted', 'returned', 'approved', 'published', 'cancelled']);
    expect(seenIn(viewer('regional_coordinator', { regionId: 16 }), trial)).toEqual([]);
  });

  it('shows a school only the lessons at it, once approved', () => {
    expect(seenIn(school, lesson)).toEqual(['approved', 'published', 'cancelled']);
    expect(seenIn(school, trial)).toEqual([]);
    expect(seenIn(viewer('school', { schoolId: OTHER_SCHOOL }), lesson)).toEqual([]);
  });

  it('shows a mentor the events it is assigned to, once approved', () => {
    expect(seenIn(mentor, trial)).toEqual(['approved', 'published', 'cancelled']);
    expect(seenIn(mentor, (s) => trial(s, { mentorIds: [] }))).toEqual([]);
  });

  it('shows a navigator its region’s published trials and the lessons published at its school', () => {
    expect(seenIn(navigator, trial)).toEqual(['published']);
    expect(seenIn(navigator, (s) => trial(s, { regionId: 16 }))).toEqual([]);
    expect(seenIn(navigator, lesson)).toEqual(['published']);
    expect(seenIn(viewer('navigator', { schoolId: OTHER_SCHOOL }), lesson)).toEqual([]);
  });

  it('shows nothing to a role without events or a staff member without a scope', () => {
    for (const who of [viewer('issuer_admin'), viewer('methodologist'), viewer('participant'), viewer('parent'), viewer('venue'), viewer('school')]) {
      expect(eventScopeOf(who), who.role).toEqual({ kind: 'none' });
      expect(seenIn(who, trial), who.role).toEqual([]);
    }
  });

  it('shows a lesson’s link to the venue, the coordinator and the lesson’s school only', () => {
    const approved = lesson('approved');
    expect([venue, coordinator, school, mentor, navigator].map((w) => canSeeLink(w, approved))).toEqual([true, true, true, false, false]);
    expect(canSeeLink(venue, trial('approved'))).toBe(false);
  });
});

describe('what the caller may do', () => {
  it('lets only the venue’s own account run the event and only the region’s coordinator review it', () => {
    expect(ownsEvent(venue, trial('draft'))).toBe(true);
    expect(ownsEvent(mentor, trial('draft'))).toBe(false);
    expect(reviewsEvent(coordinator, trial('submitted'))).toBe(true);
    expect(reviewsEvent(viewer('regional_coordinator', { regionId: 16 }), trial('submitted'))).toBe(false);
  });

  it('follows the workflow for the venue', () => {
    expect(eventActions(venue, trial('draft'), NOW)).toEqual(['edit', 'submit', 'cancel']);
    expect(eventActions(venue, trial('returned'), NOW)).toEqual(['edit', 'submit', 'cancel']);
    expect(eventActions(venue, trial('submitted'), NOW)).toEqual(['cancel']);
    expect(eventActions(venue, trial('approved'), NOW)).toEqual(['publish', 'cancel']);
    expect(eventActions(venue, lesson('approved'), NOW)).toEqual(['publish', 'cancel', 'link']);
    expect(eventActions(venue, trial('published'), NOW)).toEqual(['cancel', 'move', 'roster']);
    expect(eventActions(venue, trial('cancelled'), NOW)).toEqual([]);
  });

  it('lets the coordinator approve or return only what was submitted', () => {
    expect(eventActions(coordinator, trial('submitted'), NOW)).toEqual(['approve', 'return']);
    for (const status of ['returned', 'approved', 'published', 'cancelled'] as const) expect(eventActions(coordinator, trial(status), NOW), status).toEqual([]);
  });

  it('stops what no longer makes sense once the event began or ended', () => {
    const running = { startsAt: new Date(NOW.getTime() - HOUR), endsAt: new Date(NOW.getTime() + HOUR) };
    const over = { startsAt: new Date(NOW.getTime() - 3 * HOUR), endsAt: new Date(NOW.getTime() - HOUR) };
    expect(eventActions(venue, trial('draft', running), NOW)).toEqual(['edit', 'cancel']);
    expect(eventActions(coordinator, trial('submitted', running), NOW)).toEqual(['return']);
    expect(eventActions(venue, trial('published', running), NOW)).toEqual(['cancel', 'move', 'roster']);
    expect(eventActions(venue, trial('published', over), NOW)).toEqual(['roster']);
    expect(eventActions(navigator, trial('published', running), NOW)).toEqual([]);
  });

  it('gives the mentor the roster and the navigator group enrolment of published events', () => {
    expect(eventActions(mentor, trial('published'), NOW)).toEqual(['roster']);
    expect(eventActions(mentor, trial('approved'), NOW)).toEqual([]);
    expect(eventActions(navigator, trial('published'), NOW)).toEqual(['group_enrol']);
    expect(eventActions(school, lesson('published'), NOW)).toEqual([]);
  });
});
