import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ParticipantRegistration } from '@common/schemas/identity.js';
import { post } from '@web/lib/api-client';
import { sessionKey } from '@web/lib/session';

export function useRegisterParticipant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ParticipantRegistration) => post<{ accountId: string; activationRequired: boolean }>('/registration/participant', body),
    // Registration signs the pupil in; the cabinet it leads to checks the session.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}
