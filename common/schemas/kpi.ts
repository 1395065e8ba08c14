import { z } from 'zod';
import { KPI_LEVELS, KPI_METRIC_CODES, type FederalDistrict, type KpiLevel, type KpiFigure, type KpiMetricCode, type KpiTableKind } from '../kpi.js';
import { isoDateSchema, queryIntSchema, serialIdSchema } from './fields.js';

/** A scope's id: a region's number, or an organisation's or a person's uuid; the federal scope has none. */
const scopeIdSchema = z
  .string({ error: 'Неверный идентификатор' })
  .regex(/^(\d{1,9}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { error: 'Неверный идентификатор' });

/**
 * GET /api/kpi/dashboard: without level, the caller's own scope; `season` defaults to the current
 * one, `from`/`to` to the whole season up to today; `cursor` pages the drill-down table.
 */
export const kpiDashboardQuerySchema = z
  .object({
    level: z.enum(KPI_LEVELS, { error: 'Неизвестный уровень' }).optional(),
    id: scopeIdSchema.optional(),
    season: queryIntSchema(1, 10_000, 'Неизвестный сезон').optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    cursor: z.string().max(200, { error: 'Неверная страница' }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'Начало периода позже его конца', path: ['to'] });
export type KpiDashboardQuery = z.infer<typeof kpiDashboardQuerySchema>;

/** The tables of a dashboard, each of which exports. */
export const KPI_TABLES = ['figures', 'children', 'weekly'] as const;
export type KpiTable = (typeof KPI_TABLES)[number];
export const KPI_EXPORT_FORMATS = ['xlsx', 'csv', 'csv-1251'] as const;
export type KpiExportFormat = (typeof KPI_EXPORT_FORMATS)[number];

/** GET /api/kpi/export: the dashboard's query plus which table and which format; every row, no paging. */
export const kpiExportQuerySchema = z.object({
  level: z.enum(KPI_LEVELS, { error: 'Неизвестный уровень' }).optional(),
  id: scopeIdSchema.optional(),
  season: queryIntSchema(1, 10_000, 'Неизвестный сезон').optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  table: z.enum(KPI_TABLES, { error: 'Неизвестная таблица' }),
  format: z.enum(KPI_EXPORT_FORMATS, { error: 'Формат: xlsx, csv или csv-1251' }),
});
export type KpiExportQuery = z.infer<typeof kpiExportQuerySchema>;

/** GET /api/kpi/report: a season report as a PDF, for a region or a school. */
export const kpiReportQuerySchema = z.object({
  level: z.enum(['region', 'school'], { error: 'Отчёт строится для региона или школы' }).optional(),
  id: scopeIdSchema.optional(),
  season: queryIntSchema(1, 10_000, 'Неизвестный сезон').optional(),
});

/** PUT /api/kpi/targets: targets of one scope for one season; null removes a target. */
export const kpiTargetsInputSchema = z.strictObject({
  season: serialIdSchema('Неизвестный сезон'),
  level: z.enum(['region', 'school', 'venue', 'navigator'], { error: 'Цели ставятся региону, школе, площадке или навигатору' }),
  id: scopeIdSchema,
  targets: z.partialRecord(
    z.enum(KPI_METRIC_CODES, { error: 'Неизвестный показатель' }),
    z
      .number({ error: 'Цель — число' })
      .min(0, { error: 'Цель не может быть отрицательной' })
      .max(100_000_000, { error: 'Слишком большая цель' })
      .nullable(),
  ),
});
export type KpiTargetsInput = z.infer<typeof kpiTargetsInputSchema>;

export interface KpiSeason {
  id: number;
  name: string;
  /** The scope's own dates: a region's season may start and end on its own days. */
  startsOn: string;
  endsOn: string;
  current: boolean;
}

export interface KpiScopeRef {
  level: KpiLevel;
  /** null for the federal scope. */
  id: string | null;
  name: string;
}

export type { KpiFigure };

export interface KpiChildRow {
  /** The drill-down scope this row opens, when there is one (a class or an event has its own page only where stated). */
  ref: KpiScopeRef | null;
  /** Shown beside the name: a federal district for a region, a grade for a class, the date for an event. */
  note: string | null;
  district?: FederalDistrict;
  /** How many stand in this row, where a row is a group rather than a scope (the navigator's pupils at a stage). */
  count?: number;
  /** The figures in the table's metric order (rowFigures gives them whole). */
  values: Array<number | null>;
  /** The row's targets in the same order, null where it has none. */
  targets: Array<number | null> | null;
}

export interface KpiChildTable {
  kind: KpiTableKind;
  title: string;
  metrics: KpiMetricCode[];
  rows: KpiChildRow[];
  nextCursor: string | null;
  /** Whether the caller may set targets for these rows. */
  targetsEditable: boolean;
}

export interface KpiDashboard {
  scope: KpiScopeRef;
  /** From the federal scope down to this one, for the breadcrumbs. */
  path: KpiScopeRef[];
  season: KpiSeason;
  seasons: KpiSeason[];
  period: { from: string; to: string };
  figures: KpiFigure[];
  /** Week by week (weeks start on Monday), the count metrics of this scope. */
  weekly: Array<{ weekStart: string; values: Partial<Record<KpiMetricCode, number>> }>;
  children: KpiChildTable[];
  /** Whether the caller may set this scope's own targets. */
  targetsEditable: boolean;
  /** When the figures were last brought up to date, and how often they are: the page states both. */
  updatedAt: string | null;
  refreshSeconds: number;
}
