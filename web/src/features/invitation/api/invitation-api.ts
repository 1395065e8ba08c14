import { useMutation, useQueryClient } from '@tanstack/react-query';
import { post } from '../../../lib/api-client';

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => post<{ childId: string; childName: string }>(`/invitations/by-token/${encodeURIComponent(token)}/accept`),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
