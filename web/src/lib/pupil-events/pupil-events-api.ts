import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PupilEvents } from '@common/schemas/events.js';
import { api, post } from '../api-client';

/** Every query about events sits under one root, so an enrolment change refreshes cards, lists and cabinets at once. */
export const eventsKey = ['events'] as const;

export function usePupilEvents(pupilId: string | undefined) {
  return useQuery({
    queryKey: [...eventsKey, 'pupil', pupilId],
    queryFn: () => api<PupilEvents>(`/pupils/${pupilId}/events`),
    enabled: Boolean(pupilId),
  });
}

export type EnrolmentAction = 'approve' | 'decline' | 'cancel' | 'reconfirm';

export function useEnrolmentAction(action: EnrolmentAction) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enrolmentId: string) => post(`/enrolments/${enrolmentId}/${action}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventsKey }),
  });
}

export const calendarUrl = (enrolmentId: string) => `/api/enrolments/${enrolmentId}/calendar.ics`;
