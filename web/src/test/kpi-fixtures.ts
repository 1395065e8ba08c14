import type { KpiChildRow, KpiChildTable, KpiDashboard, KpiFigure } from '@common/schemas/kpi.js';

export const REGION_REF = { level: 'region', id: '43', name: 'Кировская область' } as const;
export const SCHOOL_ID = '0f8b5a3e-2c1d-4e5f-8a9b-1c2d3e4f5a6b';
export const SCHOOL_REF = { level: 'school', id: SCHOOL_ID, name: 'Лицей № 21' } as const;
export const FEDERAL_REF = { level: 'federal', id: null, name: 'Вся программа' } as const;

export const SEASONS: KpiDashboard['seasons'] = [
  { id: 2, name: '2026/27', startsOn: '2026-09-01', endsOn: '2027-05-31', current: true },
  { id: 1, name: '2025/26', startsOn: '2025-09-01', endsOn: '2026-05-31', current: false },
];

export function figure(metric: KpiFigure['metric'], value: number | null, target: number | null, status: KpiFigure['status'], progress: number | null = null): KpiFigure {
  return { metric, value, target, status, progress: progress ?? (target === null || value === null ? null : Math.min(1, value / target)) };
}

/** A drill-down row as the server sends it: values, and targets where any is set, in the table's metric order. */
export function childRow(
  ref: KpiChildRow['ref'],
  values: KpiChildRow['values'],
  targets: KpiChildRow['targets'] = null,
  extra: Partial<KpiChildRow> & { count?: number } = {},
): KpiChildRow {
  return { ref, note: null, values, targets, ...extra };
}

export function childTable(overrides: Partial<KpiChildTable> & Pick<KpiChildTable, 'kind' | 'title'>): KpiChildTable {
  return { metrics: ['pupils_registered', 'no_show_rate'], rows: [], nextCursor: null, targetsEditable: false, ...overrides };
}

/** A coordinator's region: figures with and without targets, two weeks and a table of schools. */
export function kpiDashboard(overrides: Partial<KpiDashboard> = {}): KpiDashboard {
  return {
    scope: REGION_REF,
    path: [FEDERAL_REF, REGION_REF],
    season: SEASONS[0]!,
    seasons: SEASONS,
    period: { from: '2026-09-01', to: '2026-12-06' },
    figures: [
      figure('pupils_registered', 1500, 2000, 'at_risk', 0.75),
      figure('no_show_rate', 0.125, 0.1, 'at_risk', 0.75),
      figure('tests_per_pupil', 2.5, null, 'none'),
      figure('guidance_hours', 12.5, 40, 'behind', 0.3125),
      figure('pupils_tested', 900, 800, 'met', 1),
    ],
    weekly: [
      { weekStart: '2026-11-23', values: { pupils_registered: 120, pupils_tested: 80 } },
      { weekStart: '2026-11-30', values: { pupils_registered: 140, pupils_tested: 95 } },
    ],
    children: [
      childTable({
        kind: 'schools',
        title: 'Школы',
        targetsEditable: true,
        rows: [childRow(SCHOOL_REF, [300, 0.3], [250, 0.1], { note: 'Киров' })],
        nextCursor: 'c1',
      }),
    ],
    targetsEditable: false,
    updatedAt: '2026-12-06T15:00:00Z',
    refreshSeconds: 300,
    ...overrides,
  };
}
