import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../common/roles.js';
import { ApiError, api, post } from './api-client';

interface SessionAccount {
  id: string;
  role: Role;
  status: 'pending' | 'active' | 'disabled';
  firstName: string;
  lastName: string;
  emailVerified: boolean;
  /** For staff: what must be done before the cabinet opens (see server/plugins/session.ts). */
  gate: 'suspended' | 'totp_setup' | 'pd_consent' | null;
  regionId: number | null;
  schoolId: string | null;
  venueId: string | null;
}

interface AuthConfig {
  esiaEmulator: boolean;
  devMailbox: boolean;
}

export const sessionKey = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: () => api<{ account: SessionAccount | null }>('/auth/session'),
    staleTime: 60_000,
    select: (data) => data.account,
  });
}

export function useAuthConfig() {
  return useQuery({
    queryKey: ['auth-config'],
    queryFn: () => api<AuthConfig>('/auth/config'),
    staleTime: Infinity,
  });
}

export function homePathFor(role: Role): string {
  if (role === 'participant') return '/participant';
  if (role === 'parent') return '/parent';
  return '/staff';
}

/** Forgets everything the previous person saw, keeping only what is not personal. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await post('/auth/sign-out');
      } catch (error) {
        // An expired session is already as signed out as it gets.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth-config' && query.queryKey[0] !== 'reference' });
      queryClient.setQueryData(sessionKey, { account: null });
    },
  });
}

/** For a pupil whose activation e-mail got lost or whose link expired. */
export function useResendActivation() {
  return useMutation({ mutationFn: () => post('/auth/activation/resend') });
}
