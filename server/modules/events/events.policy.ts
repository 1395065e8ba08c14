import { EVENT_TRANSITIONS, type EventFormat, type EventStatus } from '@common/events.js';
import type { StaffEventDetail } from '@common/schemas/events.js';
import type { Principal } from '@server/plugins/session.js';

/** The parts of a principal the events rules look at. */
export type EventViewer = Pick<Principal, 'role' | 'accountId' | 'regionId' | 'schoolId' | 'venueId'>;

/**
 * Which events a staff member sees: its venue's (every status), its region's once submitted, its
 * school's lessons once approved, the events it mentors once approved, and for a navigator what is
 * open to its pupils: the region's published trials and the lessons published at its school.
 */
export type EventScope =
  | { kind: 'venue'; venueId: string }
  | { kind: 'region'; regionId: number }
  | { kind: 'school'; schoolId: string }
  | { kind: 'mentor'; mentorId: string }
  | { kind: 'navigator'; regionId: number; schoolId: string }
  | { kind: 'none' };

/** An event as the rules see it. `regionId` is its venue's region. */
export interface EventRef {
  venueId: string;
  regionId: number;
  schoolId: string | null;
  format: EventFormat;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  mentorIds: readonly string[];
}

export type EventAction = StaffEventDetail['actions'][number];
export type EventStep = keyof typeof EVENT_TRANSITIONS;

/** Statuses in which an event exists for people outside the venue and its coordinator. */
export const SETTLED_STATUSES: readonly EventStatus[] = ['approved', 'published', 'cancelled'];

export function eventScopeOf(viewer: EventViewer): EventScope {
  switch (viewer.role) {
    case 'venue':
      return viewer.venueId === null ? { kind: 'none' } : { kind: 'venue', venueId: viewer.venueId };
    case 'regional_coordinator':
      return viewer.regionId === null ? { kind: 'none' } : { kind: 'region', regionId: viewer.regionId };
    case 'school':
      return viewer.schoolId === null ? { kind: 'none' } : { kind: 'school', schoolId: viewer.schoolId };
    case 'mentor':
      return { kind: 'mentor', mentorId: viewer.accountId };
    case 'navigator':
      return viewer.regionId === null || viewer.schoolId === null ? { kind: 'none' } : { kind: 'navigator', regionId: viewer.regionId, schoolId: viewer.schoolId };
    default:
      return { kind: 'none' };
  }
}

export function canSeeEvent(viewer: EventViewer, event: EventRef): boolean {
  const scope = eventScopeOf(viewer);
  switch (scope.kind) {
    case 'venue':
      return event.venueId === scope.venueId;
    case 'region':
      return event.regionId === scope.regionId && event.status !== 'draft';
    case 'school':
      return event.format === 'school_lesson' && event.schoolId === scope.schoolId && SETTLED_STATUSES.includes(event.status);
    case 'mentor':
      return event.mentorIds.includes(scope.mentorId) && SETTLED_STATUSES.includes(event.status);
    case 'navigator':
      return (
        event.status === 'published' &&
        (event.format === 'school_lesson' ? event.schoolId === scope.schoolId : event.regionId === scope.regionId)
      );
    case 'none':
      return false;
  }
}

/** Only the venue's own main account runs its events; a mentor of the venue does not. */
export function ownsEvent(viewer: Pick<EventViewer, 'role' | 'venueId'>, event: Pick<EventRef, 'venueId'>): boolean {
  return viewer.role === 'venue' && viewer.venueId !== null && viewer.venueId === event.venueId;
}

/** The coordinator of the venue's region approves or returns its events. */
export function reviewsEvent(viewer: EventViewer, event: Pick<EventRef, 'regionId'>): boolean {
  return viewer.role === 'regional_coordinator' && viewer.regionId !== null && viewer.regionId === event.regionId;
}

/** A lesson's registration link is shown to the venue, the coordinator and the lesson's school, never to a navigator or mentor. */
export function canSeeLink(viewer: EventViewer, event: EventRef): boolean {
  if (event.format !== 'school_lesson' || !canSeeEvent(viewer, event)) return false;
  return viewer.role === 'venue' || viewer.role === 'regional_coordinator' || viewer.role === 'school';
}

export function stepAllowed(step: EventStep, status: EventStatus): boolean {
  return EVENT_TRANSITIONS[step].includes(status);
}

/** Statuses in which a lesson's link may be issued again or revoked. */
export const LINK_STATUSES: readonly EventStatus[] = ['approved', 'published'];

/** What the caller may do with the event now, so the page shows only buttons that will work. */
export function eventActions(viewer: EventViewer, event: EventRef, now: Date): EventAction[] {
  if (!canSeeEvent(viewer, event)) return [];
  const actions: EventAction[] = [];
  const notStarted = event.startsAt.getTime() > now.getTime();
  const notEnded = event.endsAt.getTime() > now.getTime();
  if (ownsEvent(viewer, event)) {
    if (stepAllowed('edit', event.status)) actions.push('edit');
    if (stepAllowed('submit', event.status) && notStarted) actions.push('submit');
    if (stepAllowed('publish', event.status) && notStarted) actions.push('publish');
    if (stepAllowed('cancel', event.status) && notEnded) actions.push('cancel');
    if (stepAllowed('move', event.status) && notEnded) actions.push('move');
    if (event.format === 'school_lesson' && LINK_STATUSES.includes(event.status) && notEnded) actions.push('link');
  }
  if (reviewsEvent(viewer, event)) {
    if (stepAllowed('approve', event.status) && notStarted) actions.push('approve');
    if (stepAllowed('return', event.status)) actions.push('return');
  }
  if (event.status === 'published') {
    if (ownsEvent(viewer, event) || (viewer.role === 'mentor' && event.mentorIds.includes(viewer.accountId))) actions.push('roster');
    if (viewer.role === 'navigator' && notStarted) actions.push('group_enrol');
  }
  return actions;
}
