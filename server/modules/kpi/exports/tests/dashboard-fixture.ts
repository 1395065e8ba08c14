import { kpiFigure, type KpiMetricCode } from '@common/kpi.js';
import type { KpiChildRow, KpiDashboard, KpiFigure, KpiScopeRef } from '@common/schemas/kpi.js';

/** A figure as the server builds it: progress and status from the catalogue's rule. */
export function figure(metric: KpiMetricCode, value: number | null, target: number | null = null): KpiFigure {
  return kpiFigure(metric, value, target);
}

const federal: KpiScopeRef = { level: 'federal', id: null, name: 'Вся программа' };
const region: KpiScopeRef = { level: 'region', id: '50', name: 'Московская область' };

const season = { id: 3, name: 'Сезон 2026/27', startsOn: '2026-09-01', endsOn: '2027-05-31', current: true };

const regionFigures: KpiFigure[] = [
  figure('pupils_registered', 12_480, 20_000),
  figure('pupils_activated', 11_035, 18_000),
  figure('parent_linked', 9_870, 15_000),
  figure('consent_given', 9_412, 15_000),
  figure('pupils_tested', 8_233, 10_000),
  figure('tests_per_pupil', 2.4166, 3),
  figure('pupils_enrolled', 5_120, 6_000),
  figure('pupils_attended', 4_388, 5_000),
  figure('no_show_rate', 0.143, 0.1),
  figure('trials_held', 312, 300),
  figure('seats_offered', 7_800),
  figure('seats_filled', 6_045),
  figure('fill_rate', 0.775, 0.8),
  figure('feedback_on_time', 0.912, 0.9),
  figure('plans_published', 1_204, 5_000),
  figure('support_answered_in_sla', null, 0.95),
  figure('guidance_hours', 11.75, 20),
  figure('pupils_min_40h', 96),
];

const weekStarts = ['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];

function weeklySeries(): KpiDashboard['weekly'] {
  return weekStarts.map((weekStart, i) => ({
    weekStart,
    values: {
      pupils_registered: 700 + i * 95,
      pupils_tested: 420 + i * 70,
      pupils_attended: i === 0 ? 0 : 250 + i * 40,
      trials_held: 15 + (i % 4) * 3,
      plans_published: 60 + i * 8,
    },
  }));
}

function schoolRow(id: string, name: string, registered: number, tested: number, plans: number, target: number | null): KpiChildRow {
  return {
    ref: { level: 'school', id, name },
    note: null,
    values: [registered, tested, plans, null],
    targets: target === null ? null : [target, null, null, null],
  };
}

/**
 * A regional coordinator's dashboard in the middle of a season: every figure of the region, some
 * with targets (one behind, one close, some met, one without a denominator yet), the weekly series
 * and two drill-down tables. Names carry what breaks careless files: quotes, «ёлочки», a leading
 * «=», markup, a semicolon.
 */
export function regionDashboard(): KpiDashboard {
  return {
    scope: region,
    path: [federal, region],
    season,
    seasons: [{ ...season, id: 2, name: 'Сезон 2025/26', startsOn: '2025-09-01', endsOn: '2026-05-31', current: false }, season],
    period: { from: '2026-09-01', to: '2026-11-29' },
    figures: regionFigures,
    weekly: weeklySeries(),
    children: [
      {
        kind: 'schools',
        title: 'Школы',
        metrics: ['pupils_registered', 'pupils_tested', 'plans_published', 'feedback_on_time'],
        rows: [
          schoolRow('3f1c2a6e-8b0d-4c1e-9a57-0d2b6f4e1a01', 'МБОУ «Лицей № 5» г. Королёв', 1_420, 1_210, 180, 1_500),
          schoolRow('3f1c2a6e-8b0d-4c1e-9a57-0d2b6f4e1a02', 'Школа "Эврика"; корпус 2', 860, 455, 12, 1_200),
          schoolRow('3f1c2a6e-8b0d-4c1e-9a57-0d2b6f4e1a03', '=HYPERLINK("http://evil.example")', 15, 3, 0, null),
          schoolRow('3f1c2a6e-8b0d-4c1e-9a57-0d2b6f4e1a04', 'Гимназия <b>№ 1</b> & Ко', 2_004, 1_870, 311, 1_800),
        ],
        nextCursor: null,
        targetsEditable: true,
      },
      {
        kind: 'venues',
        title: 'Площадки',
        metrics: ['trials_held', 'seats_offered', 'fill_rate'],
        rows: [
          {
            ref: { level: 'venue', id: '8a5e0c1d-2b3f-4a6c-8d9e-1f2a3b4c5d01', name: 'Технопарк «Сколково»' },
            note: null,
            values: [42, 1_050, 0.87],
            targets: [40, null, 0.8],
          },
          {
            ref: { level: 'venue', id: '8a5e0c1d-2b3f-4a6c-8d9e-1f2a3b4c5d02', name: 'Колледж связи № 54' },
            note: null,
            values: [7, 210, 0.4523],
            targets: [20, null, 0.8],
          },
        ],
        nextCursor: null,
        targetsEditable: true,
      },
    ],
    targetsEditable: false,
    updatedAt: '2026-11-29T21:05:00Z',
    refreshSeconds: 300,
  };
}

/** The same region a week earlier: most counts lower, some shares moved either way. */
export function regionDashboardWeekBefore(): KpiDashboard {
  const now = regionDashboard();
  const before: Partial<Record<KpiMetricCode, number | null>> = {
    pupils_registered: 11_890,
    pupils_activated: 10_610,
    pupils_tested: 7_960,
    tests_per_pupil: 2.3,
    pupils_attended: 4_388,
    no_show_rate: 0.121,
    fill_rate: 0.79,
    guidance_hours: 10.5,
    plans_published: 1_100,
  };
  return {
    ...now,
    period: { from: '2026-09-01', to: '2026-11-22' },
    figures: now.figures.map((f) => (f.metric in before ? figure(f.metric, before[f.metric] ?? null, f.target) : f)),
    weekly: now.weekly.slice(0, -1),
    updatedAt: '2026-11-22T21:05:00Z',
  };
}

/** A school's dashboard: classes without pages of their own, so their rows have no scope. */
export function schoolDashboard(): KpiDashboard {
  const school: KpiScopeRef = { level: 'school', id: '3f1c2a6e-8b0d-4c1e-9a57-0d2b6f4e1a01', name: 'МБОУ «Лицей № 5» г. Королёв' };
  return {
    ...regionDashboard(),
    scope: school,
    path: [federal, region, school],
    figures: [figure('pupils_registered', 1_420, 1_500), figure('pupils_tested', 1_210, 1_000), figure('guidance_hours', 14.5, 40), figure('feedback_on_time', 0.5, 0.9)],
    children: [
      {
        kind: 'classes',
        title: 'Классы',
        metrics: ['pupils_registered', 'pupils_tested'],
        rows: [
          { ref: null, note: '8А', values: [28, 25], targets: null },
          { ref: null, note: '9Б', values: [31, 12], targets: null },
        ],
        nextCursor: null,
        targetsEditable: false,
      },
    ],
  };
}
