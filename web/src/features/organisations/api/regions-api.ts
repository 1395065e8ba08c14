import { useQuery } from '@tanstack/react-query';
import { api, del, patch, post } from '@web/lib/api-client';
import { useInvalidatingMutation } from '@web/lib/mutations';
import { regionsKey, type RegionOverview } from '@web/lib/organisations';
import type { StaffStatus } from '../labels';

export interface RegionCity {
  id: number;
  name: string;
  /** Schools, venues, places and pupils naming the city; a used city cannot be deleted. */
  uses: number;
}

export interface RegionCoordinator {
  id: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  email: string;
  status: StaffStatus;
}

export interface RegionDetails extends RegionOverview {
  cityList: RegionCity[];
  coordinatorList: RegionCoordinator[];
}

export function useRegion(regionId: number) {
  return useQuery({ queryKey: [...regionsKey, regionId], queryFn: () => api<RegionDetails>(`/regions/${regionId}`) });
}

/** Cities feed the public pickers too, so a change refreshes those lists as well as the region. */
function useRegionMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  return useInvalidatingMutation(mutationFn, [regionsKey, ['reference', 'cities']]);
}

export function useSetSeason(regionId: number) {
  return useRegionMutation((season: { seasonStartsOn: string | null; seasonEndsOn: string | null }) => patch(`/regions/${regionId}`, season));
}

export function useAddCity(regionId: number) {
  return useRegionMutation((name: string) => post<{ id: number }>(`/regions/${regionId}/cities`, { name }));
}

export function useRenameCity() {
  return useRegionMutation(({ id, name }: { id: number; name: string }) => patch(`/cities/${id}`, { name }));
}

export function useDeleteCity() {
  return useRegionMutation((id: number) => del(`/cities/${id}`));
}
