import { describe, expect, it } from 'vitest';
import type { Role } from '@common/roles.js';
import { attended, canRunEvent, canSeeRoster, markingClosedReason, type EventStaffFacts } from './mentor.policy.js';

const VENUE = '00000000-0000-4000-8000-000000000001';
const OTHER_VENUE = '00000000-0000-4000-8000-000000000002';
const startsAt = new Date('2026-10-01T10:00:00Z');
const event = (facts: Partial<EventStaffFacts> = {}): EventStaffFacts => ({ venueId: VENUE, status: 'published', startsAt, mentorAssigned: false, ...facts });
const viewer = (role: Role, venueId: string | null = null) => ({ accountId: 'me', role, venueId });

describe('mentor policy', () => {
  it('shows the roster to the assigned mentor and to the staff of the event’s venue only', () => {
    expect(canSeeRoster(viewer('mentor', VENUE), event({ mentorAssigned: true }))).toBe(true);
    expect(canSeeRoster(viewer('mentor', VENUE), event())).toBe(false);
    expect(canSeeRoster(viewer('venue', VENUE), event())).toBe(true);
    expect(canSeeRoster(viewer('venue', OTHER_VENUE), event())).toBe(false);
    expect(canSeeRoster(viewer('venue', null), event())).toBe(false);
    for (const role of ['issuer_admin', 'regional_coordinator', 'school', 'navigator', 'participant', 'parent'] as const) {
      expect(canSeeRoster(viewer(role, VENUE), event({ mentorAssigned: true }))).toBe(false);
    }
  });

  it('lets only the assigned mentor mark and grade', () => {
    expect(canRunEvent(viewer('mentor', VENUE), event({ mentorAssigned: true }))).toBe(true);
    expect(canRunEvent(viewer('mentor', VENUE), event())).toBe(false);
    expect(canRunEvent(viewer('venue', VENUE), event({ mentorAssigned: true }))).toBe(false);
  });

  it('opens marking at the start of a published event, not a minute before', () => {
    const at = (minutesBefore: number) => new Date(startsAt.getTime() - minutesBefore * 60_000);
    expect(markingClosedReason(event(), at(61))).toBe('too_early');
    expect(markingClosedReason(event(), at(1))).toBe('too_early');
    expect(markingClosedReason(event(), at(0))).toBeNull();
    expect(markingClosedReason(event(), at(-120))).toBeNull();
    expect(markingClosedReason(event({ status: 'cancelled' }), at(0))).toBe('cancelled');
    expect(markingClosedReason(event({ status: 'approved' }), at(0))).toBe('not_published');
  });

  it('counts present and late as attended', () => {
    expect(attended('present')).toBe(true);
    expect(attended('late')).toBe(true);
    expect(attended('absent')).toBe(false);
    expect(attended(null)).toBe(false);
  });
});
