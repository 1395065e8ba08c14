import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@common/roles.js';
import type { SignInAnswer } from '@common/schemas/staff-access.js';
import { post } from '@web/lib/api-client';
import { sessionKey } from '@web/lib/session';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => post<SignInAnswer>('/auth/sign-in', body),
    // The next page is guarded by the session, so it must be fresh before navigating there.
    onSuccess: (answer) => (answer.secondFactorRequired ? undefined : queryClient.invalidateQueries({ queryKey: sessionKey })),
  });
}

export function useSecondFactorSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { challenge: string; code: string }) => post<{ role: Role }>('/auth/sign-in/second-factor', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => post('/auth/password-reset', { email }) });
}

export function useSetPassword() {
  return useMutation({ mutationFn: (body: { token: string; password: string }) => post('/auth/password', body) });
}

export function useActivate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => post('/auth/activate', { token }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
