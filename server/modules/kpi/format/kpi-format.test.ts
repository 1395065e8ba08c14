import { describe, expect, it } from 'vitest';
import { weeklyMetrics } from '@common/kpi.js';
import { formatDay, formatDelta, formatMoment, formatValue, orderedFigures, scopeText, statusLabel } from './kpi-format.js';
import { figure, regionDashboard } from '../exports/tests/dashboard-fixture.js';

/** Intl keeps a number's parts together with no-break spaces; the expectations use plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('KPI formatting', () => {
  it('shows each unit as a coordinator reads it', () => {
    expect(plain(formatValue('pupils_registered', 12_480))).toBe('12 480');
    expect(plain(formatValue('no_show_rate', 0.1434))).toBe('14,3 %');
    expect(formatValue('tests_per_pupil', 2.4166)).toBe('2,42');
    expect(formatValue('guidance_hours', 11.75)).toBe('11,75 ч');
    expect(formatValue('fill_rate', null)).toBe('—');
  });

  it('shows a change with its sign, shares in percentage points', () => {
    expect(formatDelta('pupils_registered', 590)).toBe('+590');
    expect(plain(formatDelta('pupils_registered', -1_200))).toBe('−1 200');
    expect(formatDelta('fill_rate', -0.015)).toBe('−1,5 п. п.');
    expect(formatDelta('guidance_hours', 1.25)).toBe('+1,25 ч');
    expect(formatDelta('trials_held', 0)).toBe('±0');
  });

  it('tells a figure without a target from a target without a figure', () => {
    expect(statusLabel(figure('seats_offered', 10))).toBe('Цель не задана');
    expect(statusLabel(figure('support_answered_in_sla', null, 0.95))).toBe('Нет данных');
    expect(statusLabel(figure('trials_held', 20, 30))).toBe('Отстаёт');
    expect(statusLabel(figure('trials_held', 25, 30))).toBe('Близко к цели');
    expect(statusLabel(figure('no_show_rate', 0.05, 0.1))).toBe('Выполнено');
  });

  it('writes days in UTC and moments in Moscow time', () => {
    expect(formatDay('2026-09-01')).toBe('01.09.2026');
    expect(formatMoment('2026-11-29T21:05:00Z')).toBe('30.11.2026, 00:05 МСК');
  });

  it('names the scope by its level', () => {
    expect(scopeText({ level: 'school', id: '1', name: 'Лицей № 5' })).toBe('Школа: Лицей № 5');
    expect(scopeText({ level: 'federal', id: null, name: 'Вся программа' })).toBe('Вся программа');
  });

  it('orders figures and weekly metrics as the catalogue does', () => {
    const dashboard = regionDashboard();
    const shuffled = { ...dashboard, figures: [...dashboard.figures].reverse() };
    expect(orderedFigures(shuffled).map((f) => f.metric)).toEqual(dashboard.figures.map((f) => f.metric));
    expect(weeklyMetrics(dashboard.weekly)).toEqual(['pupils_registered', 'pupils_tested', 'pupils_attended', 'trials_held', 'plans_published']);
  });
});
