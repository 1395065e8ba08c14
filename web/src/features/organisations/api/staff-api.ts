import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListPage } from '@common/schemas/lists.js';
import type { InviteStaff } from '@common/schemas/organisations.js';
import { api, del, patch, post } from '@web/lib/api-client';
import { useInvalidatingMutation } from '@web/lib/mutations';
import { organisationsKey, regionsKey } from '@web/lib/organisations';
import type { OrganisationStaffMember } from './organisations-api';

/** A staff member as the team list shows them: where they work as well as who they are. */
export interface StaffListItem extends OrganisationStaffMember {
  regionName: string | null;
  organisationName: string | null;
  competencies: string[];
  createdAt: string;
}

const staffKey = ['staff', 'list'] as const;

export function useStaffList(queryString: string) {
  return useQuery({
    queryKey: [...staffKey, queryString],
    queryFn: () => api<ListPage<StaffListItem>>(`/staff?${queryString}`),
    placeholderData: keepPreviousData,
  });
}

/** A staff member shows up in the team list, an organisation's card and a region's coordinators. */
function useStaffMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  return useInvalidatingMutation(mutationFn, [staffKey, organisationsKey, regionsKey]);
}

export function useInviteStaff() {
  return useStaffMutation((body: InviteStaff) => post<{ id: string }>('/staff', body));
}

export function useUpdateStaff() {
  return useStaffMutation(({ id, ...body }: { id: string; position?: string | null; competencyIds?: number[] }) => patch(`/staff/${id}`, body));
}

export function useCloseAccess() {
  return useStaffMutation((id: string) => del(`/staff/${id}`));
}

export function useResendInvitation() {
  return useStaffMutation((id: string) => post(`/staff/${id}/invitation`));
}
