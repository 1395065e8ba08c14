import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CursorPage, ListPage } from '@common/schemas/lists.js';
import type { PaperConsentView } from '@common/schemas/paper-consents.js';
import { api, patch, uploadFile } from '@web/lib/api-client';
import { listQueryString, type ListState } from '@web/lib/list-state';

const paperConsentsKey = ['paper-consents'] as const;

export function usePaperConsents(state: ListState) {
  const query = listQueryString(state);
  return useQuery({
    queryKey: [...paperConsentsKey, query],
    queryFn: () => api<ListPage<PaperConsentView>>(`/paper-consents?${query}`),
    placeholderData: keepPreviousData,
  });
}

export function useUploadPaperConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { file: File; participantId: string | null; onProgress: (fraction: number) => void }) =>
      uploadFile<PaperConsentView>('/paper-consents', vars.file, vars.participantId ? { participantId: vars.participantId } : {}, vars.onProgress),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: paperConsentsKey }),
  });
}

export function useAssignPaperConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { id: string; participantId: string | null }) =>
      patch<PaperConsentView>(`/paper-consents/${vars.id}`, { participantId: vars.participantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: paperConsentsKey }),
  });
}

/** What the school's pupil search gives back that a picker needs. */
export interface PupilOption {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  grade: number;
}

export const PUPIL_SEARCH_MIN = 2;

/** The school's own pupils matching a name; the server scopes the search to the school. */
export function usePupilSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ['participants', 'pick', term],
    queryFn: () => api<CursorPage<PupilOption>>(`/participants?${new URLSearchParams({ q: term, pageSize: '20' }).toString()}`),
    enabled: term.length >= PUPIL_SEARCH_MIN,
    placeholderData: keepPreviousData,
    select: (data) => data.items,
  });
}
