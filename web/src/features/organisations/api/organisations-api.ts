import { useQuery } from '@tanstack/react-query';
import type { OrganisationKind } from '@common/organisations.js';
import type { Role } from '@common/roles.js';
import type { ListPage } from '@common/schemas/lists.js';
import type { RegisterSchool, RegisterVenue, UpdateOrganisation } from '@common/schemas/organisations.js';
import { api, patch, post } from '@web/lib/api-client';
import type { Competency } from '@web/lib/competencies';
import { useInvalidatingMutation } from '@web/lib/mutations';
import { ORGANISATION_PATHS as PATHS, organisationKey, organisationsKey, regionsKey } from '@web/lib/organisations';
import type { OrganisationStatus, StaffStatus } from '../labels';

export interface OrganisationListItem {
  id: string;
  name: string;
  inn: string | null;
  status: OrganisationStatus;
  createdAt: string;
  regionId: number;
  regionName: string;
  cityId: number;
  cityName: string;
  /** Pupils of a school, places of a venue. */
  size: number;
  staffCount: number;
}

export interface OrganisationStaffMember {
  id: string;
  role: Role;
  status: StaffStatus;
  lastName: string;
  firstName: string;
  middleName: string | null;
  email: string;
  position: string | null;
}

export interface OrganisationCard {
  id: string;
  kind: OrganisationKind;
  name: string;
  inn: string;
  ogrn: string;
  regionId: number;
  regionName: string;
  cityId: number;
  address: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  headName: string | null;
  description: string | null;
  status: OrganisationStatus;
  suspendedAt: string | null;
  suspendReason: string | null;
  createdAt: string;
  competencies: Competency[];
  staff: OrganisationStaffMember[];
  permissions: { edit: boolean; manage: boolean; changeLegalIds: boolean };
}

/**
 * One page of schools or venues. The previous page stays on screen while the next one loads, but
 * never across kinds: school rows under the venues tab would link to venue cards that do not exist.
 */
export function useOrganisationList(kind: OrganisationKind, queryString: string) {
  return useQuery({
    queryKey: [...organisationsKey, 'list', kind, queryString],
    queryFn: () => api<ListPage<OrganisationListItem>>(`/organisations?${queryString}`),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === kind ? previous : undefined),
  });
}

export function useOrganisation(kind: OrganisationKind, id: string) {
  return useQuery({ queryKey: organisationKey(kind, id), queryFn: () => api<OrganisationCard>(`${PATHS[kind]}/${id}`) });
}

/** Lists, cards and the region's counts all show what changed. */
function useOrganisationMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  return useInvalidatingMutation(mutationFn, [organisationsKey, regionsKey]);
}

export function useRegisterOrganisation(kind: OrganisationKind) {
  return useOrganisationMutation((body: RegisterSchool | RegisterVenue) => post<{ id: string; responsibleId: string }>(PATHS[kind], body));
}

export function useUpdateOrganisation(kind: OrganisationKind, id: string) {
  return useOrganisationMutation((body: UpdateOrganisation) => patch(`${PATHS[kind]}/${id}`, body));
}

export function useSuspendOrganisation(kind: OrganisationKind, id: string) {
  return useOrganisationMutation((reason: string) => post(`${PATHS[kind]}/${id}/suspend`, { reason }));
}

export function useReactivateOrganisation(kind: OrganisationKind, id: string) {
  return useOrganisationMutation(() => post(`${PATHS[kind]}/${id}/reactivate`));
}
