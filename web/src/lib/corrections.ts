import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CorrectionRequestInput, CorrectionStatus, CorrectionView, PupilCorrections } from '@common/schemas/corrections.js';
import { api, post } from './api-client';

/** Corrections are read by the family (per pupil) and the school (its queue); a decision refreshes both. */
export const correctionsKey = ['corrections'] as const;

export function usePupilCorrections(pupilId: string) {
  return useQuery({ queryKey: [...correctionsKey, 'pupil', pupilId], queryFn: () => api<PupilCorrections>(`/pupils/${pupilId}/corrections`) });
}

export function useRequestCorrection(pupilId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CorrectionRequestInput) => post<{ id: string; status: CorrectionStatus }>(`/pupils/${pupilId}/corrections`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: correctionsKey }),
  });
}

export function useSchoolCorrections(status: CorrectionStatus) {
  return useQuery({ queryKey: [...correctionsKey, 'school', status], queryFn: () => api<{ items: CorrectionView[] }>(`/staff/corrections?status=${status}`) });
}

export function useDecideCorrection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (d: { id: string; decision: 'confirm' } | { id: string; decision: 'refuse'; reason: string }) =>
      post<CorrectionView>(`/staff/corrections/${d.id}/${d.decision}`, d.decision === 'refuse' ? { reason: d.reason } : undefined),
    onSettled: () => queryClient.invalidateQueries({ queryKey: correctionsKey }),
  });
}
