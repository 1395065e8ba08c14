import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsentText } from '@common/consents.js';
import type { ConsentKind, CreateChild, RepresentativeKind } from '@common/schemas/identity.js';
import { api, post, put } from '@web/lib/api-client';
import { personalDataQuery } from '@web/lib/personal-data';
import { sessionKey } from '@web/lib/session';
import { parentCabinetKey } from '@web/lib/parent-cabinet';
import { eventsKey } from '@web/lib/pupil-events/pupil-events-api';

export function useConfirmParent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { phone?: string }) => post('/parent/confirm', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sessionKey }),
        queryClient.invalidateQueries({ queryKey: parentCabinetKey }),
      ]),
  });
}

export function useParentSnils(enabled: boolean) {
  return useQuery({
    queryKey: ['personal-data', 'parent'],
    queryFn: () => api<{ snils: string }>('/parent/personal-data'),
    enabled,
    ...personalDataQuery,
  });
}

export function useConsentTexts() {
  return useQuery({
    queryKey: ['consent-texts'],
    queryFn: () => api<{ texts: ConsentText[] }>('/consents/texts'),
    select: (data) => data.texts,
    staleTime: 10 * 60_000,
  });
}

export function useGiveConsent(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: ConsentKind; textVersion: string }) => post(`/parent/children/${childId}/consents`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: parentCabinetKey }),
    // The usual cause is a new edition of the text: the parent must read that one instead.
    onError: () => queryClient.invalidateQueries({ queryKey: ['consent-texts'] }),
  });
}

export function useWithdrawConsent(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: ConsentKind) => post(`/parent/children/${childId}/consents/${kind}/withdraw`),
    // A withdrawal cancels the child's upcoming enrolments, so its events are read again too.
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: parentCabinetKey }), queryClient.invalidateQueries({ queryKey: eventsKey })]),
  });
}

export function useSetRepresentativeKind(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (representativeKind: RepresentativeKind) => put(`/parent/children/${childId}/representative-kind`, { representativeKind }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: parentCabinetKey }),
  });
}

export function useCreateChild() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateChild) => post<{ childId: string; signInLinkSent: boolean }>('/parent/children', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: parentCabinetKey }),
  });
}
