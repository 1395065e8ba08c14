import { useQuery } from '@tanstack/react-query';
import type { OrganisationKind } from '../../../../../common/organisations.js';
import { api } from '../../../lib/api-client';
import type { KpiRow } from '../../../lib/components/kpi-chart';

export interface RegionCounts {
  id: number;
  name: string;
  seasonStartsOn: string | null;
  seasonEndsOn: string | null;
  cities: number;
  coordinators: number;
  schools: number;
  venues: number;
  pupils: number;
}

interface OrganisationKpi {
  name: string;
  status: 'active' | 'suspended';
  kpi: KpiRow[];
}

const PATHS: Record<OrganisationKind, string> = { school: '/schools', venue: '/venues' };

// The keys are those of the organisations pages, so a change made there shows here without a reload.
export function useRegionCounts(enabled: boolean) {
  return useQuery({
    queryKey: ['regions', 'overview'],
    queryFn: () => api<{ regions: RegionCounts[] }>('/regions/overview'),
    select: (data) => data.regions,
    enabled,
  });
}

export function useOrganisationKpi(kind: OrganisationKind, id: string) {
  return useQuery({ queryKey: ['organisations', kind, id], queryFn: () => api<OrganisationKpi>(`${PATHS[kind]}/${id}`) });
}
