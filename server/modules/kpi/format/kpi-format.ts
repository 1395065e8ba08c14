import { KPI_LEVEL_LABELS, KPI_METRIC_CODES, KPI_METRICS, KPI_STATUS_LABELS, type KpiMetricCode, type KpiStatus, type KpiUnit } from '@common/kpi.js';
import type { KpiDashboard, KpiFigure, KpiScopeRef } from '@common/schemas/kpi.js';

/**
 * The words and numbers every file made from a dashboard shares (exports, the season report, the
 * digest), so a figure reads the same in a spreadsheet, on paper and in the mail.
 */

/** Status colours on white paper and in the mail, dark enough to read as text. */
export const KPI_STATUS_COLOURS: Record<KpiStatus, string> = { met: '#2f9e44', at_risk: '#e67700', behind: '#c92a2a', none: '#555555' };

/** A figure's status in words; a figure with a target but no value yet is not «without a target». */
export const statusLabel = (figure: Pick<KpiFigure, 'status' | 'target'>): string =>
  figure.status === 'none' && figure.target !== null ? 'Нет данных' : KPI_STATUS_LABELS[figure.status];

const UNIT_SUFFIX: Record<KpiUnit, string> = { count: '', share: '', ratio: '', hours: ' ч' };

const countFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 1 });
const dayFormat = new Intl.DateTimeFormat('ru-RU', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });

const unitOf = (metric: KpiMetricCode): KpiUnit => KPI_METRICS[metric].unit;

/** A figure as people read it: «1 234», «45,2 %», «2,35», «12,5 ч»; a dash where there is none. */
export function formatValue(metric: KpiMetricCode, value: number | null): string {
  if (value === null) return '—';
  const unit = unitOf(metric);
  if (unit === 'share') return percentFormat.format(value);
  if (unit === 'count') return countFormat.format(value);
  return `${decimalFormat.format(value)}${UNIT_SUFFIX[unit]}`;
}

/** A week's change: counts and hours in their units, shares in percentage points. */
export function formatDelta(metric: KpiMetricCode, delta: number): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const size = Math.abs(delta);
  const unit = unitOf(metric);
  if (unit === 'share') return `${sign}${decimalFormat.format(Math.round(size * 1000) / 10)} п. п.`;
  if (unit === 'count') return `${sign}${countFormat.format(size)}`;
  return `${sign}${decimalFormat.format(size)}${UNIT_SUFFIX[unit]}`;
}

export const formatProgress = (progress: number | null): string => (progress === null ? '—' : percentFormat.format(progress));

const momentFormat = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** An ISO day as «01.09.2026». */
export const formatDay = (isoDay: string): string => dayFormat.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));

/** An instant as «30.11.2026, 00:05 МСК»: the programme keeps Moscow time in what it says. */
export const formatMoment = (iso: string): string => `${momentFormat.format(new Date(iso))} МСК`;

/** When the figures were last brought up to date, as every file made from them states it. */
export const updatedText = (dashboard: Pick<KpiDashboard, 'updatedAt'>): string =>
  dashboard.updatedAt ? `Данные на ${formatMoment(dashboard.updatedAt)}` : 'Данные ещё не рассчитаны';

export const periodText = (period: KpiDashboard['period']): string => `с ${formatDay(period.from)} по ${formatDay(period.to)}`;

/** «Регион: Московская область»; the federal scope is named by its level alone. */
export function scopeText(scope: KpiScopeRef): string {
  return scope.level === 'federal' ? KPI_LEVEL_LABELS.federal : `${KPI_LEVEL_LABELS[scope.level]}: ${scope.name}`;
}

/** The dashboard's figures in the catalogue's order, whatever order they came in. */
export function orderedFigures(dashboard: KpiDashboard): KpiDashboard['figures'] {
  return [...dashboard.figures].sort((a, b) => KPI_METRIC_CODES.indexOf(a.metric) - KPI_METRIC_CODES.indexOf(b.metric));
}
