import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from './api-client';

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface Invitation {
  id: string;
  kind: 'parent' | 'child';
  email: string;
  status: InvitationStatus;
  expiresAt: string;
  sentCount: number;
  createdAt: string;
  acceptedAt: string | null;
}

/** What an invitation link says about itself before anyone signs in. */
export interface InvitationLink {
  kind: 'parent' | 'child';
  state: 'valid' | 'expired' | 'accepted' | 'revoked';
  inviterName: string;
  expiresAt: string;
}

const invitationsKey = ['invitations'] as const;

export function useInvitations() {
  return useQuery({
    queryKey: invitationsKey,
    queryFn: () => api<{ invitations: Invitation[] }>('/invitations'),
    select: (data) => data.invitations,
  });
}

/** Participants invite a parent and parents invite a child, each at their own address. */
export function useSendInvitation(path: '/participant/invitations' | '/parent/invitations') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => post<Invitation>(path, { email }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey }),
  });
}

export function useInvitationAction(action: 'resend' | 'revoke') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => post<Invitation>(`/invitations/${id}/${action}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsKey }),
  });
}

export function useInvitationLink(token: string | null) {
  return useQuery({
    queryKey: ['invitation-link', token],
    queryFn: () => api<InvitationLink>(`/invitations/by-token/${encodeURIComponent(token ?? '')}`),
    enabled: Boolean(token),
    retry: false,
  });
}

/** Only an expired link can be renewed; the fresh one goes to the invited address, not to whoever asks. */
export function useRenewInvitationLink(token: string) {
  return useMutation({ mutationFn: () => post(`/invitations/by-token/${encodeURIComponent(token)}/renew`) });
}
