import { useQuery } from '@tanstack/react-query';
import type { MissingStep, ParticipationFacts } from '@common/participation.js';
import { api } from '@web/lib/api-client';

export interface ParticipantCabinet {
  account: {
    id: string;
    email: string;
    status: 'pending' | 'active' | 'disabled';
    lastName: string;
    firstName: string;
    middleName: string | null;
    birthDate: string;
    phone: string | null;
  };
  profile: {
    grade: number;
    region: { id: number; name: string };
    city: { id: number; name: string };
    school: { id: string | null; name: string | null };
    snilsMasked: string;
    documentType: 'passport' | 'birth_certificate' | null;
    hasOvz: boolean;
  };
  parents: Array<{ id: string; name: string }>;
  status: ParticipationFacts;
  missing: MissingStep[];
  unreadNotifications: number;
}

export const participantCabinetKey = ['participant-cabinet'] as const;

export function useParticipantCabinet() {
  return useQuery({ queryKey: participantCabinetKey, queryFn: () => api<ParticipantCabinet>('/participant/cabinet') });
}
