import type { Attendance, EventStatus } from '@common/events.js';
import { ownsEvent, type EventViewer } from './events.policy.js';

type RosterViewer = Pick<EventViewer, 'accountId' | 'role' | 'venueId'>;

/** What the rules need to know about an event and the caller's place in it. */
export interface EventStaffFacts {
  venueId: string;
  status: EventStatus;
  startsAt: Date;
  /** The caller is one of the event's mentors. */
  mentorAssigned: boolean;
}

/**
 * The roster names pupils and may show health notes: the event's own mentors and its venue's
 * staff see it, a mentor of the same venue who does not run this event does not.
 */
export function canSeeRoster(viewer: RosterViewer, event: EventStaffFacts): boolean {
  return viewer.role === 'mentor' ? event.mentorAssigned : ownsEvent(viewer, event);
}

/** Attendance and feedback are the assigned mentor's word only. */
export function canRunEvent(viewer: RosterViewer, event: EventStaffFacts): boolean {
  return viewer.role === 'mentor' && event.mentorAssigned;
}

/**
 * Why marking is refused now, or null when the mentor may mark. Nothing is marked before the
 * start: a pupil marked present would count as having done a trial that has not happened yet.
 */
export function markingClosedReason(event: Pick<EventStaffFacts, 'status' | 'startsAt'>, now: Date): 'cancelled' | 'not_published' | 'too_early' | null {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status !== 'published') return 'not_published';
  if (now.getTime() < event.startsAt.getTime()) return 'too_early';
  return null;
}

/** A grade and a feedback describe what the pupil did there, so only a pupil who came gets them. */
export function attended(attendance: Attendance | null): boolean {
  return attendance === 'present' || attendance === 'late';
}
