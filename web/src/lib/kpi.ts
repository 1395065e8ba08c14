import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { KPI_METRICS, KPI_STATUS_LABELS, type KpiLevel, type KpiMetricCode, type KpiStatus, type KpiUnit } from '@common/kpi.js';
import type { KpiDashboard, KpiExportFormat, KpiScopeRef, KpiTable } from '@common/schemas/kpi.js';
import { api } from './api-client';
import { formatDateTime, plural } from './format';

export const kpiKey = ['kpi'] as const;

/** What a dashboard shows: whose figures, for which season and period; empty means «the caller's own, current season». */
export interface KpiView {
  level?: KpiLevel;
  id?: string | null;
  season?: string;
  from?: string;
  to?: string;
}

/** Exactly what a dashboard shows, its scope, season and period: what its files and next rows are asked for. */
export function dashboardView(dashboard: Pick<KpiDashboard, 'scope' | 'season' | 'period'>): KpiView {
  return { level: dashboard.scope.level, id: dashboard.scope.id, season: String(dashboard.season.id), from: dashboard.period.from, to: dashboard.period.to };
}

function viewParams(view: KpiView): URLSearchParams {
  const out = new URLSearchParams();
  if (view.level) out.set('level', view.level);
  if (view.id) out.set('id', view.id);
  if (view.season) out.set('season', view.season);
  if (view.from) out.set('from', view.from);
  if (view.to) out.set('to', view.to);
  return out;
}

export function kpiDashboardUrl(view: KpiView, cursor?: string): string {
  const params = viewParams(view);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return `/kpi/dashboard${query ? `?${query}` : ''}`;
}

export function useKpiDashboard(view: KpiView) {
  const url = kpiDashboardUrl(view);
  return useQuery({ queryKey: [...kpiKey, 'dashboard', url], queryFn: () => api<KpiDashboard>(url), placeholderData: keepPreviousData });
}

/** The file links are plain addresses: the browser downloads them with the session cookie. */
export function kpiExportHref(view: KpiView, table: KpiTable, format: KpiExportFormat): string {
  const params = viewParams(view);
  params.set('table', table);
  params.set('format', format);
  return `/api/kpi/export?${params.toString()}`;
}

export function kpiReportHref(view: KpiView): string {
  const params = viewParams({ level: view.level, id: view.id, season: view.season });
  return `/api/kpi/report?${params.toString()}`;
}

/** The page of a scope's dashboard; the federal scope has no id. */
export function kpiPagePath(ref: Pick<KpiScopeRef, 'level' | 'id'>): string {
  return ref.id === null ? `/staff/kpi/${ref.level}` : `/staff/kpi/${ref.level}/${encodeURIComponent(ref.id)}`;
}

const NUMBER = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });

/** A figure as people read it: counts whole, shares in per cent, means and hours to one decimal. */
export function formatKpiValue(unit: KpiUnit, value: number | null): string {
  if (value === null) return 'нет данных';
  switch (unit) {
    case 'count':
      return NUMBER.format(value);
    case 'share':
      return `${DECIMAL.format(value * 100)} %`;
    case 'ratio':
      return DECIMAL.format(value);
    case 'hours':
      return `${DECIMAL.format(value)} ч`;
  }
}

export const kpiMetric = (code: KpiMetricCode) => KPI_METRICS[code];

const statusLook = (status: KpiStatus, color: string, bar: string) => ({ label: KPI_STATUS_LABELS[status].toLowerCase(), color, bar });

/** The status in words, so colour only repeats what the text says; the page writes it in lower case within a sentence. */
export const KPI_STATUS: Record<KpiStatus, { label: string; color: string; bar: string }> = {
  met: statusLook('met', 'green', 'green.8'),
  at_risk: statusLook('at_risk', 'orange', 'orange.8'),
  behind: statusLook('behind', 'red', 'red.8'),
  none: statusLook('none', 'gray', 'gray.6'),
};

const STATUS_WEIGHT: Record<KpiStatus, number> = { none: 0, met: 1, at_risk: 2, behind: 3 };

/** A scope's overall status: its worst figure among those with a target. */
export function worstStatus(statuses: KpiStatus[]): KpiStatus {
  return statuses.reduce<KpiStatus>((worst, s) => (STATUS_WEIGHT[s] > STATUS_WEIGHT[worst] ? s : worst), 'none');
}

/** «Данные на …, обновляются раз в N минут»: the page says how fresh its figures are. */
export function freshnessText(updatedAt: string | null, refreshSeconds: number): string {
  const when = updatedAt ? `Данные на ${formatDateTime(updatedAt)}.` : 'Показатели ещё не рассчитаны.';
  if (refreshSeconds <= 0) return `${when} Показатели обновляются сразу после каждого изменения.`;
  if (refreshSeconds < 60) return `${when} Показатели обновляются раз в ${refreshSeconds} ${plural(refreshSeconds, ['секунду', 'секунды', 'секунд'])}.`;
  const minutes = Math.round(refreshSeconds / 60);
  return `${when} Показатели обновляются раз в ${minutes} ${plural(minutes, ['минуту', 'минуты', 'минут'])}.`;
}
