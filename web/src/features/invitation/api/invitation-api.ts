import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RepresentativeKind } from '@common/schemas/identity.js';
import { post } from '@web/lib/api-client';

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (representativeKind: RepresentativeKind) =>
      post<{ childId: string; childName: string }>(`/invitations/by-token/${encodeURIComponent(token)}/accept`, { representativeKind }),
    // Everything the parent sees may change, except this page's own description of the link:
    // reloaded, it would say "already accepted" in place of the success message.
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'invitation-link' }),
  });
}
