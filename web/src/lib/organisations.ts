import { useQuery } from '@tanstack/react-query';
import type { OrganisationKind } from '@common/organisations.js';
import { api } from './api-client';
import type { RegionOverview } from '@common/schemas/organisations.js';

/*
 * The staff home reads the same regions and organisation cards as the organisations pages. Their
 * keys and addresses live here, once, so a change saved on one page shows on the other without a
 * reload, and both read one cache entry rather than fetching the same data twice.
 */

export const ORGANISATION_PATHS: Record<OrganisationKind, string> = { school: '/schools', venue: '/venues' };

export const organisationsKey = ['organisations'] as const;
export const organisationKey = (kind: OrganisationKind, id: string) => [...organisationsKey, kind, id] as const;
export const regionsKey = ['regions'] as const;

export type { RegionOverview };

/** The regions the caller looks after, each with its season and counts: all for the issuer, its own for a coordinator. */
export function useRegionsOverview() {
  return useQuery({
    queryKey: [...regionsKey, 'overview'],
    queryFn: () => api<{ regions: RegionOverview[] }>('/regions/overview'),
    select: (data) => data.regions,
  });
}
