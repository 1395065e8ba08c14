import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { PAGE_SIZE, type CursorPage, type ListPage } from '@common/schemas/lists.js';
import type {
  AssignNavigator,
  ParticipantListItem,
  ParticipantPersonalData,
  RegisteredBySchool,
  schoolRegistrationSchema,
} from '@common/schemas/participants.js';
import { api, post } from '@web/lib/api-client';
import { fullName } from '@web/lib/format';
import { listQueryString, type ListState } from '@web/lib/list-state';
import { personalDataQuery } from '@web/lib/personal-data';

const participantsKey = ['participants'] as const;

/**
 * The list in the page's order; each «Показать ещё» follows the last page's cursor, so a region of
 * any size costs the same per page. Search, sort and filters come from the address bar.
 */
export function useParticipants(state: ListState) {
  const query = listQueryString(state, PAGE_SIZE.default, 'cursor');
  return useInfiniteQuery({
    queryKey: [...participantsKey, 'list', query],
    queryFn: ({ pageParam }) => api<CursorPage<ParticipantListItem>>(`/participants?${query}${pageParam ? `&after=${pageParam}` : ''}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** What the form sends: the schema's input, before it normalises SNILS, e-mail and phone. */
export type RegistrationInput = z.input<typeof schoolRegistrationSchema>;

export function useRegisterParticipant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrationInput) => post<RegisteredBySchool>('/participants', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: participantsKey }),
  });
}

export function useAssignNavigator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignNavigator) => post<{ assigned: number }>('/participants/navigator', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: participantsKey }),
  });
}

/** Each opening is a fresh, audited read: nothing is kept once the dialog closes. */
export function usePersonalData(id: string) {
  return useQuery({
    queryKey: ['participant-personal-data', id],
    queryFn: () => api<ParticipantPersonalData>(`/participants/${id}/personal-data`),
    ...personalDataQuery,
    retry: false,
  });
}

interface StaffMember {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  status: 'pending' | 'active' | 'disabled';
}

export interface NavigatorOption {
  id: string;
  name: string;
}

/** The school's navigators, for the filter and for assigning; those whose access was closed are left out. */
export function useSchoolNavigators(enabled: boolean) {
  return useQuery({
    queryKey: ['staff', 'navigators'],
    queryFn: () => api<ListPage<StaffMember>>('/staff?role=navigator&sort=name&pageSize=100'),
    select: (data): NavigatorOption[] => data.items.filter((s) => s.status !== 'disabled').map((s) => ({ id: s.id, name: fullName(s) })),
    enabled,
  });
}

/** All schools of the coordinator's region, for the school filter. */
export function useRegionSchools(regionId: number | null) {
  return useQuery({
    queryKey: ['reference', 'schools', regionId, 'all'],
    queryFn: () => api<{ schools: Array<{ id: string; name: string }> }>(`/regions/${regionId}/schools`),
    select: (data) => data.schools,
    enabled: regionId !== null,
    staleTime: 60 * 60_000,
  });
}
