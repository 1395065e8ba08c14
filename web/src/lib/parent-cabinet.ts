import { useQuery } from '@tanstack/react-query';
import type { MissingStep, ParticipationFacts } from '@common/participation.js';
import type { ConsentKind, RepresentativeKind } from '@common/schemas/identity.js';
import { api } from './api-client';

interface GivenConsent {
  textVersion: string;
  givenAt: string;
}

export interface ParentChild {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  age: number | null;
  email: string;
  grade: number;
  region: string;
  city: string;
  school: string | null;
  hasOvz: boolean;
  /** Who the signed-in adult is to this child in law. */
  representativeKind: RepresentativeKind;
  status: ParticipationFacts;
  missing: MissingStep[];
  consents: Record<ConsentKind, GivenConsent | null>;
}

export interface ParentCabinet {
  account: {
    id: string;
    status: 'pending' | 'active' | 'disabled';
    email: string;
    lastName: string;
    firstName: string;
    middleName: string | null;
    birthDate: string | null;
    phone: string | null;
    snilsMasked: string;
  };
  children: ParentChild[];
}

export const parentCabinetKey = ['parent-cabinet'] as const;

export function useParentCabinet() {
  return useQuery({ queryKey: parentCabinetKey, queryFn: () => api<ParentCabinet>('/parent/cabinet') });
}
