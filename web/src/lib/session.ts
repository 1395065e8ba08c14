import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Role } from '@common/roles.js';
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
  /** School or venue staff whose organisation has not accepted the operator's current instruction: pupils' data is closed. */
  instructionPending?: boolean;
  regionId: number | null;
  schoolId: string | null;
  venueId: string | null;
}

interface AuthConfig {
  esiaEmulator: boolean;
  devMailbox: boolean;
  development: boolean;
}

export const sessionKey = ['session'] as const;

type SessionData = { account: SessionAccount | null };

/** Queries that belong to nobody signed in: the site's settings, reference lists and what a link says about itself. */
const NOT_PERSONAL = new Set<unknown>([sessionKey[0], 'auth-config', 'reference', 'invitation-link', 'staff-invitation']);

/**
 * Whenever the person signed in on this device signs out, loses the session or is replaced by
 * someone else, everything the previous one saw leaves the cache. Schools share computers: the
 * next person must not see it, not even for the moment their own data takes to load. Watching the
 * session itself catches every way it can end, not only the sign-out button.
 */
export function forgetPreviousPerson(queryClient: QueryClient): () => void {
  let signedIn: string | null = null;
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success' || event.query.queryKey[0] !== sessionKey[0]) return;
    const now = (event.query.state.data as SessionData | undefined)?.account?.id ?? null;
    if (signedIn !== null && now !== signedIn) queryClient.removeQueries({ predicate: (query) => !NOT_PERSONAL.has(query.queryKey[0]) });
    signedIn = now;
  });
}

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: () => api<SessionData>('/auth/session'),
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

/** Whatever the person saw is forgotten as the session ends (see forgetPreviousPerson). */
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
    onSuccess: () => queryClient.setQueryData<SessionData>(sessionKey, { account: null }),
  });
}

/** For a pupil whose activation e-mail got lost or whose link expired. */
export function useResendActivation() {
  return useMutation({ mutationFn: () => post('/auth/activation/resend') });
}
