import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@common/roles.js';
import type { SecondFactorStatus, StaffConsentState, StaffInvitationDetails, TotpSetup } from '@common/schemas/staff-access.js';
import { api, post } from '@web/lib/api-client';
import { sessionKey } from '@web/lib/session';

const secondFactorKey = ['second-factor'] as const;
const staffConsentKey = ['staff-consent'] as const;

export function useSecondFactorStatus() {
  return useQuery({ queryKey: secondFactorKey, queryFn: () => api<SecondFactorStatus>('/auth/second-factor') });
}

/** A new secret each time: the button asks for it, so a re-render never replaces the QR code being scanned. */
export function useStartTotpSetup() {
  return useMutation({ mutationFn: () => post<TotpSetup>('/auth/second-factor/setup') });
}

/**
 * The session is deliberately not refreshed here: the gate would lift and the page would re-mount
 * before the recovery codes were saved. The page refreshes it when the person moves on.
 */
export function useEnableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => post<{ recoveryCodes: string[] }>('/auth/second-factor/enable', { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: secondFactorKey }),
  });
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => post('/auth/second-factor/disable', { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: secondFactorKey }),
  });
}

export function useRenewRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => post<{ recoveryCodes: string[] }>('/auth/second-factor/recovery-codes', { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: secondFactorKey }),
  });
}

export function useStaffConsent() {
  return useQuery({ queryKey: staffConsentKey, queryFn: () => api<StaffConsentState>('/staff/consent') });
}

export function useAcceptStaffConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) => post<StaffConsentState>('/staff/consent', { version }),
    onSuccess: async (state) => {
      queryClient.setQueryData(staffConsentKey, state);
      // The cabinet is behind the consent gate, which only a fresh session lifts.
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useStaffInvitation(token: string) {
  return useQuery({
    queryKey: ['staff-invitation', token],
    queryFn: () => api<StaffInvitationDetails>(`/staff-invitations/${encodeURIComponent(token)}`),
    retry: false,
    enabled: Boolean(token),
  });
}

export function useAcceptStaffInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => post<{ role: Role }>('/staff-invitations/accept', body),
    // Whoever was signed in on this device before is signed out now; the fresh session makes the
    // cache forget what they saw (see forgetPreviousPerson).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}
