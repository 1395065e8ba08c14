import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { FEDERAL_DISTRICTS, KPI_COUNT_HEADERS, KPI_METRIC_CODES, KPI_METRICS, KPI_ROW_HEADERS, kpiRowName, rowFigures, weeklyMetrics, type KpiMetricCode, type KpiUnit } from '@common/kpi.js';
import type { KpiChildTable, KpiDashboard, KpiExportFormat, KpiTable } from '@common/schemas/kpi.js';
import { attachmentDisposition, sanitiseFileName } from '@server/lib/file-names.js';
import { inertCell } from '@server/lib/spreadsheets/export.js';
import { formatDay, orderedFigures, periodText, scopeText, statusLabel, updatedText } from '../format/kpi-format.js';

export interface KpiExportFile {
  /** ASCII only, made of codes and dates: the fallback for clients that cannot read filename*. */
  fileName: string;
  /** The Russian name people see when they save the file. */
  displayName: string;
  contentType: string;
  body: Buffer;
}

/**
 * How a column's cells read: in a unit, as a target's progress, as a week's date, as text, or
 * (the figures table's value and target) in the unit of the row's own metric.
 */
type ColumnKind = KpiUnit | 'progress' | 'date' | 'text' | 'row-unit';
type CellKind = Exclude<ColumnKind, 'row-unit'>;

interface Column {
  header: string;
  kind: ColumnKind;
  width: number;
}

type Cell = string | number | null;

/** One rectangular table, the same for every format: XLSX styles it, CSV writes it as it is. */
interface Grid {
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** For «row-unit» columns: each row's unit. */
  rowUnits?: KpiUnit[];
}

const TABLE_TITLES: Record<KpiTable, string> = { figures: 'Показатели KPI', children: 'KPI в разбивке', weekly: 'KPI по неделям' };

const NOTE_HEADERS: Partial<Record<KpiChildTable['kind'], string>> = { regions: 'Федеральный округ', events: 'Дата' };

const metricColumn = (metric: KpiMetricCode): Column => ({ header: KPI_METRICS[metric].name, kind: KPI_METRICS[metric].unit, width: 18 });

function figuresGrid(dashboard: KpiDashboard): Grid {
  const figures = orderedFigures(dashboard);
  return {
    title: 'Показатели',
    columns: [
      { header: 'Показатель', kind: 'text', width: 40 },
      { header: 'Значение', kind: 'row-unit', width: 14 },
      { header: 'Цель', kind: 'row-unit', width: 14 },
      { header: 'Выполнение', kind: 'progress', width: 14 },
      { header: 'Статус', kind: 'text', width: 18 },
    ],
    rows: figures.map((f) => [KPI_METRICS[f.metric].name, f.value, f.target, f.progress, statusLabel(f)]),
    rowUnits: figures.map((f) => KPI_METRICS[f.metric].unit),
  };
}

function weeklyGrid(dashboard: KpiDashboard): Grid {
  const metrics = weeklyMetrics(dashboard.weekly);
  return {
    title: 'По неделям',
    columns: [{ header: 'Неделя с', kind: 'date', width: 14 }, ...metrics.map(metricColumn)],
    rows: dashboard.weekly.map((week) => [week.weekStart, ...metrics.map((m) => week.values[m] ?? null)]),
  };
}

/**
 * The drill-down tables as one grid: a row's count where any row has one (pupils at a stage), a
 * figure per metric and, where any row has one, its target. Several tables (a region's schools and
 * venues) share the grid with a first column naming the table.
 */
function childrenGrid(tables: KpiChildTable[], title: string): Grid {
  const metrics = KPI_METRIC_CODES.filter((m) => tables.some((t) => t.metrics.includes(m)));
  const withTarget = new Set(
    metrics.filter((m) =>
      tables.some((t) => {
        const at = t.metrics.indexOf(m);
        return at >= 0 && t.rows.some((r) => (r.targets?.[at] ?? null) !== null);
      }),
    ),
  );
  const single = tables.length === 1 ? tables[0] : undefined;
  const noteOf = (row: KpiChildTable['rows'][number]): string | null => {
    if (row.district) return FEDERAL_DISTRICTS[row.district];
    return row.ref ? row.note : null;
  };
  const hasNotes = tables.some((t) => t.rows.some((r) => noteOf(r) !== null));
  const hasCounts = tables.some((t) => t.rows.some((r) => r.count !== undefined));
  const columns: Column[] = [
    ...(single ? [] : [{ header: 'Таблица', kind: 'text' as const, width: 16 }]),
    { header: single ? KPI_ROW_HEADERS[single.kind] : 'Название', kind: 'text', width: 40 },
    ...(hasNotes ? [{ header: (single && NOTE_HEADERS[single.kind]) ?? 'Примечание', kind: 'text' as const, width: 20 }] : []),
    ...(hasCounts ? [{ header: (single && KPI_COUNT_HEADERS[single.kind]) ?? 'Количество', kind: 'count' as const, width: 14 }] : []),
    ...metrics.flatMap((m) => [metricColumn(m), ...(withTarget.has(m) ? [{ ...metricColumn(m), header: `${KPI_METRICS[m].name} — цель` }] : [])]),
  ];
  const rows = tables.flatMap((table) =>
    table.rows.map((row): Cell[] => {
      const figures = rowFigures(table.metrics, row);
      const figureOf = (m: KpiMetricCode) => figures.find((f) => f.metric === m);
      return [
        ...(single ? [] : [table.title]),
        kpiRowName(row),
        ...(hasNotes ? [noteOf(row)] : []),
        ...(hasCounts ? [row.count ?? null] : []),
        ...metrics.flatMap((m) => [figureOf(m)?.value ?? null, ...(withTarget.has(m) ? [figureOf(m)?.target ?? null] : [])]),
      ];
    }),
  );
  return { title, columns, rows };
}

/** The grids a table exports as: XLSX gives each drill-down table its own sheet, CSV has one table per file. */
function gridsOf(dashboard: KpiDashboard, table: KpiTable, format: KpiExportFormat): Grid[] {
  if (table === 'figures') return [figuresGrid(dashboard)];
  if (table === 'weekly') return [weeklyGrid(dashboard)];
  if (format === 'xlsx' && dashboard.children.length > 0) return dashboard.children.map((t) => childrenGrid([t], t.title));
  return [childrenGrid(dashboard.children, 'Разбивка')];
}

function cellKind(grid: Grid, rowIndex: number, columnIndex: number): CellKind {
  const kind = grid.columns[columnIndex]!.kind;
  return kind === 'row-unit' ? grid.rowUnits![rowIndex]! : kind;
}

/** Excel's codes use «,» for grouping and «.» for decimals; it shows them in the reader's locale. */
const NUMBER_FORMATS: Record<Exclude<CellKind, 'text'>, string> = {
  count: '#,##0',
  share: '0.0%',
  ratio: '0.00',
  hours: '0.0 "ч"',
  progress: '0%',
  date: 'dd.mm.yyyy',
};

async function xlsxBody(dashboard: KpiDashboard, table: KpiTable, grids: Grid[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Билет в будущее';
  const usedNames = new Set<string>();
  for (const grid of grids) {
    let sheetName = grid.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Лист';
    while (usedNames.has(sheetName)) sheetName = `${sheetName.slice(0, 28)} ${usedNames.size + 1}`;
    usedNames.add(sheetName);
    const preamble = [
      `${TABLE_TITLES[table]}${grids.length > 1 ? ` (${grid.title.toLowerCase()})` : ''}`,
      scopeText(dashboard.scope),
      `${dashboard.season.name}, период ${periodText(dashboard.period)}`,
      updatedText(dashboard),
    ];
    const headerRow = preamble.length + 2;
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: headerRow, xSplit: table === 'figures' ? 1 : 0 }] });
    sheet.columns = grid.columns.map((c) => ({ width: c.width }));
    preamble.forEach((line, i) => {
      const cell = sheet.getCell(i + 1, 1);
      cell.value = line;
      if (i === 0) cell.font = { bold: true, size: 14 };
    });
    const header = sheet.getRow(headerRow);
    header.values = grid.columns.map((c) => c.header);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF9' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    grid.rows.forEach((cells, r) => {
      const row = sheet.getRow(headerRow + 1 + r);
      cells.forEach((value, c) => {
        if (value === null) return;
        const kind = cellKind(grid, r, c);
        const cell = row.getCell(c + 1);
        if (kind === 'date' && typeof value === 'string') {
          cell.value = new Date(`${value}T00:00:00Z`);
          cell.numFmt = NUMBER_FORMATS.date;
        } else if (typeof value === 'number' && kind !== 'text') {
          cell.value = value;
          cell.numFmt = NUMBER_FORMATS[kind];
        } else {
          cell.value = String(value);
        }
      });
    });
    if (grid.rows.length > 0) sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: grid.columns.length } };
    else sheet.getCell(headerRow + 1, 1).value = 'Нет строк';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvDecimal = (value: number, digits: number) => String(Math.round(value * 10 ** digits) / 10 ** digits).replace('.', ',');

/** A number as Russian Excel reads it back as a number: a decimal comma, a share as «14,3%». */
function csvCell(value: Cell, kind: CellKind): string {
  if (value === null) return '';
  if (typeof value === 'string') return kind === 'date' ? formatDay(value) : inertCell(value);
  switch (kind) {
    case 'share':
    case 'progress':
      return `${csvDecimal(value * 100, kind === 'share' ? 2 : 1)}%`;
    case 'count':
      return String(Math.round(value));
    default:
      return csvDecimal(value, 4);
  }
}

/**
 * The CSV Russian Excel splits into columns on a double click: «;» between cells, CRLF between
 * rows; UTF-8 with a BOM, or Windows-1251 for Excel versions that ignore the BOM.
 */
function csvBody(grid: Grid, encoding: 'utf8' | 'win1251'): Buffer {
  const records = [grid.columns.map((c) => inertCell(c.header)), ...grid.rows.map((cells, r) => cells.map((value, c) => csvCell(value, cellKind(grid, r, c))))];
  const text = stringify(records, { delimiter: ';', record_delimiter: 'windows', bom: encoding === 'utf8' });
  return encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'win1251');
}

const CONTENT_TYPES: Record<KpiExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  'csv-1251': 'text/csv; charset=windows-1251',
};

/** A dashboard file's ASCII name and its Russian one: what it is (code, title), whose, which season and period. */
export function dashboardFileNames(dashboard: KpiDashboard, what: { code: string; title: string; suffix?: string }, ext: string): Pick<KpiExportFile, 'fileName' | 'displayName'> {
  const { scope, season, period } = dashboard;
  const scopeCode = scope.id === null ? scope.level : `${scope.level}-${scope.id}`;
  const fileName = `kpi_${scopeCode}_season-${season.id}_${what.code}_${period.from}_${period.to}${what.suffix ?? ''}.${ext}`.replace(/[^A-Za-z0-9._-]/g, '_');
  // Quotes and slashes would turn into «_» or cut the name at a «path»; they carry no meaning here.
  const readable = (s: string) => s.replace(/[«»"'„“]/g, '').replace(/[/\\]/g, '-');
  const stem = `${what.title}, ${readable(scope.name)}, ${readable(season.name)}, ${formatDay(period.from)}-${formatDay(period.to)}`;
  return { fileName, displayName: sanitiseFileName(`${stem}.${ext}`, ext, what.title) };
}

const fileNames = (dashboard: KpiDashboard, table: KpiTable, format: KpiExportFormat) =>
  dashboardFileNames(dashboard, { code: table, title: TABLE_TITLES[table], suffix: format === 'csv-1251' ? '_win1251' : '' }, format === 'xlsx' ? 'xlsx' : 'csv');

/**
 * One table of a dashboard as a file, with exactly the rows and columns the page shows (names of
 * scopes, figures, targets): nothing about a pupil ever reaches a KPI export.
 */
export async function exportTable(dashboard: KpiDashboard, table: KpiTable, format: KpiExportFormat): Promise<KpiExportFile> {
  const grids = gridsOf(dashboard, table, format);
  const body = format === 'xlsx' ? await xlsxBody(dashboard, table, grids) : csvBody(grids[0]!, format === 'csv' ? 'utf8' : 'win1251');
  return { ...fileNames(dashboard, table, format), contentType: CONTENT_TYPES[format], body };
}

/** The Content-Disposition of an export: its Russian name as filename*, its ASCII name for old clients. */
export const exportDisposition = (file: Pick<KpiExportFile, 'fileName' | 'displayName'>): string => attachmentDisposition(file.displayName, file.fileName);
