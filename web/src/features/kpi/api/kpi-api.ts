import { useSearchParams, useParams } from 'react-router';
import { KPI_LEVELS, type KpiLevel } from '@common/kpi.js';
import type { KpiDashboard, KpiTargetsInput } from '@common/schemas/kpi.js';
import { api, put } from '@web/lib/api-client';
import { kpiDashboardUrl, kpiKey, type KpiView } from '@web/lib/kpi';
import { useInvalidatingMutation } from '@web/lib/mutations';

/** The scope comes from the path, the season and period from the query, so a link shows the same figures. */
export function useKpiView(): { view: KpiView; setPeriod: (change: Pick<KpiView, 'season' | 'from' | 'to'>) => void } {
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const level = KPI_LEVELS.includes(params.level as KpiLevel) ? (params.level as KpiLevel) : undefined;
  const view: KpiView = {
    level,
    id: params.id ?? null,
    season: search.get('season') ?? undefined,
    from: search.get('from') ?? undefined,
    to: search.get('to') ?? undefined,
  };
  const setPeriod = (change: Pick<KpiView, 'season' | 'from' | 'to'>) => {
    const next = new URLSearchParams();
    const merged = { season: view.season, from: view.from, to: view.to, ...change };
    if (merged.season) next.set('season', merged.season);
    if (merged.from) next.set('from', merged.from);
    if (merged.to) next.set('to', merged.to);
    setSearch(next, { replace: true });
  };
  return { view, setPeriod };
}

/** The next page of a drill-down table: the dashboard answers the same scope from the cursor on. */
export const fetchMoreRows = (view: KpiView, cursor: string) => api<KpiDashboard>(kpiDashboardUrl(view, cursor));

export function useSaveTargets() {
  return useInvalidatingMutation((body: KpiTargetsInput) => put<unknown>('/kpi/targets', body), [kpiKey]);
}
