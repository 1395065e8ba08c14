import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Attendance } from '@common/events.js';
import type {
  CreateEventInput,
  GroupEnrolResult,
  Roster,
  RosterEntry,
  StaffEventDetail,
  StaffEventSummary,
  UpdateEventInput,
} from '@common/schemas/events.js';
import type { CursorPage, ListPage } from '@common/schemas/lists.js';
import type { ParticipantListItem } from '@common/schemas/participants.js';
import { api, del, post, put } from '@web/lib/api-client';
import { listQueryString, type ListState } from '@web/lib/list-state';
import { useInvalidatingMutation } from '@web/lib/mutations';

export const staffEventsKey = ['staff-events'] as const;
const eventKey = (eventId: string) => [...staffEventsKey, 'event', eventId] as const;
const rosterKey = (eventId: string) => [...staffEventsKey, 'roster', eventId] as const;

/** Waits for `enabled` when the default filter depends on who is asking. */
export function useStaffEvents(state: ListState, enabled = true) {
  const query = listQueryString(state);
  return useQuery({
    queryKey: [...staffEventsKey, 'list', query],
    queryFn: () => api<ListPage<StaffEventSummary>>(`/staff/events?${query}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useStaffEvent(eventId: string) {
  return useQuery({ queryKey: eventKey(eventId), queryFn: () => api<StaffEventDetail>(`/staff/events/${eventId}`) });
}

export interface EventFormOptions {
  competencies: Array<{ id: number; code: string; name: string; sphereName: string }>;
  places: Array<{ id: string; name: string; address: string }>;
  mentors: Array<{ id: string; name: string }>;
  schools: Array<{ id: string; name: string }>;
}

/** What the venue may choose from: its competencies, places and mentors, and the schools of its region. */
export function useEventFormOptions() {
  return useQuery({ queryKey: [...staffEventsKey, 'form-options'], queryFn: () => api<EventFormOptions>('/staff/events/form-options') });
}

export function useCreateEvents() {
  return useInvalidatingMutation((body: CreateEventInput) => post<{ ids: string[] }>('/staff/events', body), [staffEventsKey]);
}

export function useUpdateEvent(eventId: string) {
  return useInvalidatingMutation((body: UpdateEventInput) => put<StaffEventDetail>(`/staff/events/${eventId}`, body), [staffEventsKey]);
}

export type WorkflowStep =
  | { step: 'submit' | 'approve' | 'publish' }
  | { step: 'return'; body: { comment: string } }
  | { step: 'cancel'; body: { reason: string } }
  | { step: 'move'; body: { startsAt: string; reason: string } };

/** One step of the approval workflow; the list and the card are fetched again after it. */
export function useWorkflowStep(eventId: string) {
  return useInvalidatingMutation((step: WorkflowStep) => post(`/staff/events/${eventId}/${step.step}`, 'body' in step ? step.body : undefined), [staffEventsKey]);
}

/** A new registration link replaces the old one, which stops working at once. */
export function useIssueLink(eventId: string) {
  return useInvalidatingMutation(() => post(`/staff/events/${eventId}/link`), [eventKey(eventId)]);
}

export function useRevokeLink(eventId: string) {
  return useInvalidatingMutation(() => del(`/staff/events/${eventId}/link`), [eventKey(eventId)]);
}

/** The longest delay a browser timer takes; a start further ahead is checked again after it. */
const MAX_TIMER_MS = 2_147_483_647;

/** Marking opens at the start: a roster still closed for it is read again the moment the event begins. */
export function useRoster(eventId: string) {
  return useQuery({
    queryKey: rosterKey(eventId),
    queryFn: () => api<Roster>(`/staff/events/${eventId}/roster`),
    refetchInterval: (query) => {
      const roster = query.state.data;
      const untilStart = roster && !roster.markingOpen ? Date.parse(roster.event.startsAt) - Date.now() : -1;
      return untilStart >= 0 ? Math.min(untilStart + 1_000, MAX_TIMER_MS) : false;
    },
  });
}

export function useSaveAttendance(eventId: string) {
  return useInvalidatingMutation(
    (marks: Array<{ enrolmentId: string; attendance: Attendance }>) => put<Roster>(`/staff/events/${eventId}/attendance`, { marks }),
    [rosterKey(eventId)],
  );
}

export interface FeedbackInput {
  grade: number;
  feedback: string;
  skills: string[];
}

export function useSaveFeedback(eventId: string, enrolmentId: string) {
  return useInvalidatingMutation(
    (body: FeedbackInput) => put<RosterEntry>(`/staff/events/${eventId}/enrolments/${enrolmentId}/feedback`, body),
    [rosterKey(eventId)],
  );
}

/** The navigator's own pupils (the participants list is scoped to them), searched on the server. */
export function useAssignedPupils(q: string) {
  const query = new URLSearchParams({ sort: 'name', order: 'asc', pageSize: '100' });
  if (q) query.set('q', q);
  return useQuery({
    queryKey: ['participants', 'pick', query.toString()],
    queryFn: () => api<CursorPage<ParticipantListItem>>(`/participants?${query.toString()}`),
    placeholderData: keepPreviousData,
  });
}

export function useGroupEnrol(eventId: string) {
  return useInvalidatingMutation(
    (participantIds: string[]) => post<GroupEnrolResult>(`/staff/events/${eventId}/group-enrolments`, { participantIds }),
    [staffEventsKey],
  );
}
