import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganisationKind } from '@common/organisations.js';
import { api, post } from '@web/lib/api-client';
import { sessionKey } from '@web/lib/session';

export interface InstructionAcceptance {
  version: string;
  acceptedAt: string;
  acceptedByName: string | null;
}

/** GET /api/organisation-instruction (server/modules/organisations/instruction.service.ts). */
export interface InstructionStatus {
  instruction: { version: string; title: string; body: string };
  organisation: { kind: OrganisationKind; id: string; name: string };
  current: InstructionAcceptance | null;
  history: InstructionAcceptance[];
  canAccept: boolean;
}

const instructionKey = ['organisation-instruction'] as const;

export function useInstruction() {
  return useQuery({ queryKey: instructionKey, queryFn: () => api<InstructionStatus>('/organisation-instruction') });
}

export function useAcceptInstruction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) => post<InstructionStatus>('/organisation-instruction/acceptance', { version }),
    onSuccess: async (status) => {
      queryClient.setQueryData(instructionKey, status);
      // The session says whether pupils' data is open; every page reads it from there.
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
