import { useQuery } from '@tanstack/react-query';
import type { OrganisationKind } from '@common/organisations.js';
import { api } from '@web/lib/api-client';
import type { KpiRow } from '@web/lib/components/kpi-chart';
import { ORGANISATION_PATHS, organisationKey } from '@web/lib/organisations';

/** The part of an organisation's card the home page shows. */
interface OrganisationKpi {
  kpi: KpiRow[];
}

export function useOrganisationKpi(kind: OrganisationKind, id: string) {
  return useQuery({ queryKey: organisationKey(kind, id), queryFn: () => api<OrganisationKpi>(`${ORGANISATION_PATHS[kind]}/${id}`) });
}
