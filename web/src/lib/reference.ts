import { useQuery } from '@tanstack/react-query';
import { api } from './api-client';

interface Region {
  id: number;
  code: string;
  name: string;
}

interface City {
  id: number;
  name: string;
}

interface School {
  id: string;
  name: string;
  cityId: number;
}

// Reference lists change with a new school year, not while a form is open.
const staleTime = 60 * 60_000;

export function useRegions() {
  return useQuery({
    queryKey: ['reference', 'regions'],
    queryFn: () => api<{ regions: Region[] }>('/regions'),
    select: (data) => data.regions,
    staleTime,
  });
}

export function useCities(regionId: number | null) {
  return useQuery({
    queryKey: ['reference', 'cities', regionId],
    queryFn: () => api<{ cities: City[] }>(`/regions/${regionId}/cities`),
    select: (data) => data.cities,
    enabled: regionId !== null,
    staleTime,
  });
}

export function useSchools(regionId: number | null, cityId: number | null) {
  return useQuery({
    queryKey: ['reference', 'schools', regionId, cityId],
    queryFn: () => api<{ schools: School[] }>(`/regions/${regionId}/schools?cityId=${cityId}`),
    select: (data) => data.schools,
    enabled: regionId !== null && cityId !== null,
    staleTime,
  });
}
