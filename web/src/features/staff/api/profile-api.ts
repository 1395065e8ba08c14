import { useQuery } from '@tanstack/react-query';
import type { OrganisationKind } from '@common/organisations.js';
import type { Role } from '@common/roles.js';
import type { OwnProfile } from '@common/schemas/organisations.js';
import { api, patch } from '@web/lib/api-client';
import type { Competency } from '@web/lib/competencies';
import { useInvalidatingMutation } from '@web/lib/mutations';
import { sessionKey } from '@web/lib/session';

export interface StaffProfile {
  id: string;
  role: Role;
  email: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  phone: string | null;
  position: string | null;
  about: string | null;
  region: { id: number; name: string } | null;
  organisation: { kind: OrganisationKind; id: string; name: string; status: 'active' | 'suspended'; suspendReason: string | null } | null;
  competencies: Competency[];
  secondFactorEnabled: boolean;
  consentAcceptedAt: string | null;
}

export const ownProfileKey = ['staff', 'me'] as const;

export function useOwnProfile() {
  return useQuery({ queryKey: ownProfileKey, queryFn: () => api<StaffProfile>('/staff/me') });
}

export function useUpdateOwnProfile() {
  // The greeting and the header read the name from the session.
  return useInvalidatingMutation((body: OwnProfile) => patch('/staff/me', body), [ownProfileKey, sessionKey]);
}
