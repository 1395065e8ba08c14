import { KPI_LEVEL_LABELS, KPI_METRICS, kpiRowName, lowerIsBetter, rowFigures, weeklyMetrics, type KpiMetricCode } from '@common/kpi.js';
import type { KpiChildTable, KpiDashboard, KpiFigure } from '@common/schemas/kpi.js';
import { createPdf } from '@server/lib/pdf.js';
import { KPI_STATUS_COLOURS, formatDay, formatProgress, formatValue, orderedFigures, periodText, statusLabel, updatedText } from '../format/kpi-format.js';

type Doc = PDFKit.PDFDocument;

/** The dashboard's colours of a status, so paper and screen agree. */
const SERIES_COLOUR = '#1c5fd1';
const RULE_COLOUR = '#dee2e6';
const MUTED = '#495057';

const MARGIN = 50;

interface TableColumn {
  header: string;
  width: number;
  align: 'left' | 'right';
}

const bottomOf = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Starts a new page when the next block would not fit on this one; returns where to draw it. */
function reserve(doc: Doc, height: number): number {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
  return doc.y;
}

function heading(doc: Doc, text: string): void {
  reserve(doc, 60);
  doc.moveDown(1).font('bold').fontSize(14).fillColor('black').text(text, MARGIN, doc.y).moveDown(0.4);
}

/** A figure as its name, its value against the target, and the dashboard's bar in the status colour. */
function figureBlock(doc: Doc, figure: KpiFigure): void {
  const rowHeight = 34;
  const y = reserve(doc, rowHeight);
  const barX = MARGIN + 300;
  const barWidth = contentWidth(doc) - 300;
  const { metric, value, target, progress, status } = figure;
  doc.font('bold').fontSize(10).fillColor('black').text(KPI_METRICS[metric].name, MARGIN, y, { width: 290 });
  const targetText = target === null ? 'цель не задана' : `${lowerIsBetter(metric) ? 'не больше' : 'цель'} ${formatValue(metric, target)}`;
  doc.font('regular').fontSize(9).fillColor(MUTED).text(`${formatValue(metric, value)} · ${targetText}`, MARGIN, y + 14, { width: 290 });
  doc.rect(barX, y + 3, barWidth, 8).fill('#e9ecef');
  if (progress !== null && progress > 0) doc.rect(barX, y + 3, barWidth * progress, 8).fill(KPI_STATUS_COLOURS[status]);
  doc
    .font('regular')
    .fontSize(8)
    .fillColor(KPI_STATUS_COLOURS[status] === KPI_STATUS_COLOURS.none ? MUTED : KPI_STATUS_COLOURS[status])
    .text(progress === null || lowerIsBetter(metric) ? statusLabel(figure) : `${statusLabel(figure)}, ${formatProgress(progress)}`, barX, y + 15, { width: barWidth });
  doc.fillColor('black');
  doc.y = y + rowHeight;
}

/**
 * The weekly series as small bar charts, one per metric on its own scale: a region's registrations
 * run in thousands a week, its events in tens, and one shared axis would flatten the latter.
 */
function weeklyCharts(doc: Doc, weekly: KpiDashboard['weekly'], metrics: KpiMetricCode[]): void {
  const gap = 20;
  const cellWidth = (contentWidth(doc) - gap) / 2;
  const cellHeight = 96;
  const chartHeight = 56;
  for (let i = 0; i < metrics.length; i += 2) {
    const y = reserve(doc, cellHeight);
    metrics.slice(i, i + 2).forEach((metric, j) => {
      const x = MARGIN + j * (cellWidth + gap);
      const values = weekly.map((w) => w.values[metric] ?? 0);
      const max = Math.max(...values, 0);
      doc.font('bold').fontSize(9).fillColor('black').text(KPI_METRICS[metric].name, x, y, { width: cellWidth, lineBreak: false, ellipsis: true });
      doc.font('regular').fontSize(7).fillColor(MUTED).text(`наибольшее за неделю: ${formatValue(metric, max)}`, x, y + 12, { width: cellWidth });
      const baseY = y + 22 + chartHeight;
      const step = cellWidth / Math.max(values.length, 1);
      values.forEach((v, k) => {
        const h = max === 0 ? 0 : (v / max) * chartHeight;
        if (h > 0) doc.rect(x + k * step + step * 0.15, baseY - h, step * 0.7, h).fill(SERIES_COLOUR);
      });
      doc.moveTo(x, baseY).lineTo(x + cellWidth, baseY).lineWidth(0.5).stroke(MUTED);
      const first = weekly[0];
      const last = weekly[weekly.length - 1];
      if (first && last) {
        doc.font('regular').fontSize(7).fillColor(MUTED).text(formatDay(first.weekStart), x, baseY + 3, { width: cellWidth / 2 });
        doc.text(formatDay(last.weekStart), x + cellWidth / 2, baseY + 3, { width: cellWidth / 2, align: 'right' });
      }
    });
    doc.fillColor('black');
    doc.y = y + cellHeight;
  }
}

/** The largest header size (8 pt down to 6) at which no word of a header is cut across lines. */
function headerFontSize(doc: Doc, columns: TableColumn[], padding: number): number {
  doc.font('bold');
  for (let size = 8; size > 6; size -= 0.5) {
    doc.fontSize(size);
    if (columns.every((c) => c.header.split(/\s+/).every((word) => doc.widthOfString(word) <= c.width - 2 * padding))) return size;
  }
  return 6;
}

/** A plain table that repeats its header on every page it runs onto. */
function table(doc: Doc, columns: TableColumn[], rows: string[][]): void {
  const padding = 3;
  const headerCells = columns.map((c) => c.header);
  const headerSize = headerFontSize(doc, columns, padding);
  const sizeOf = (font: 'regular' | 'bold') => (font === 'bold' ? headerSize : 8);
  const rowHeightOf = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(sizeOf(font));
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - 2 * padding }))) + 2 * padding;
  };
  const drawRow = (cells: string[], font: 'regular' | 'bold', y: number, height: number) => {
    let x = MARGIN;
    if (font === 'bold') doc.rect(MARGIN, y, contentWidth(doc), height).fill('#e8eef9');
    doc.font(font).fontSize(sizeOf(font)).fillColor('black');
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      doc.text(cell, x + padding, y + padding, { width: column.width - 2 * padding, align: column.align });
      x += column.width;
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + contentWidth(doc), y + height)
      .lineWidth(0.5)
      .stroke(RULE_COLOUR);
  };
  const headerHeight = rowHeightOf(headerCells, 'bold');
  let y = reserve(doc, headerHeight + 20);
  drawRow(headerCells, 'bold', y, headerHeight);
  y += headerHeight;
  for (const cells of rows) {
    const height = rowHeightOf(cells, 'regular');
    if (y + height > bottomOf(doc)) {
      doc.addPage();
      y = doc.y;
      drawRow(headerCells, 'bold', y, headerHeight);
      y += headerHeight;
    }
    drawRow(cells, 'regular', y, height);
    y += height;
  }
  doc.x = MARGIN;
  doc.y = y + 6;
}

/** The first column wide enough for a name, the rest shared by the figures. */
function columnsFor(doc: Doc, first: string, figures: string[], firstWidth: number): TableColumn[] {
  const rest = (contentWidth(doc) - firstWidth) / Math.max(figures.length, 1);
  return [{ header: first, width: firstWidth, align: 'left' }, ...figures.map((header) => ({ header, width: rest, align: 'right' as const }))];
}

function childTable(doc: Doc, child: KpiChildTable): void {
  heading(doc, child.title);
  if (child.rows.length === 0) {
    doc.font('regular').fontSize(10).text('Строк нет.');
    return;
  }
  const cellOf = ({ metric, value, target }: KpiFigure) =>
    target === null ? formatValue(metric, value) : `${formatValue(metric, value)} из ${formatValue(metric, target)}`;
  const rows = child.rows.map((row) => [
    row.ref && row.note ? `${kpiRowName(row)} (${row.note})` : kpiRowName(row),
    ...rowFigures(child.metrics, row).map(cellOf),
  ]);
  table(doc, columnsFor(doc, 'Название', child.metrics.map((m) => KPI_METRICS[m].name), 150), rows);
}

/** «Страница 2 из 5» under every page, written once the count is known; pages stay buffered till then. */
function pageFooters(doc: Doc, label: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise make pdfkit open a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottom / 2 - 4;
    doc.font('regular').fontSize(7).fillColor(MUTED);
    doc.text(label, MARGIN, y, { width: contentWidth(doc) / 2, lineBreak: false, ellipsis: true });
    doc.text(`Страница ${i + 1 - start} из ${count}`, MARGIN + contentWidth(doc) / 2, y, { width: contentWidth(doc) / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}

/**
 * The season report of a region or a school as an A4 PDF: the dashboard on paper, with each
 * figure's definition, for a coordinator's or a director's meeting. It holds what the dashboard
 * holds and nothing more.
 */
export async function seasonReportPdf(dashboard: KpiDashboard): Promise<Buffer> {
  const { scope, season, period } = dashboard;
  const scopeLabel = KPI_LEVEL_LABELS[scope.level];
  const { doc, finish } = createPdf({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Отчёт о сезоне — ${scope.name}`, Author: 'Билет в будущее', Subject: season.name },
  });

  doc.font('bold').fontSize(20).text('Отчёт о сезоне');
  doc.font('bold').fontSize(14).text(scope.level === 'federal' ? scope.name : `${scopeLabel}: ${scope.name}`);
  const parents = dashboard.path.filter((p) => p.level !== 'federal' && !(p.level === scope.level && p.id === scope.id));
  doc.font('regular').fontSize(10).fillColor(MUTED);
  if (parents.length > 0) doc.text(parents.map((p) => `${KPI_LEVEL_LABELS[p.level]}: ${p.name}`).join(' · '));
  doc.text(`${season.name}: ${formatDay(season.startsOn)} — ${formatDay(season.endsOn)}`);
  doc.text(`Период отчёта: ${periodText(period)}`);
  doc.text(updatedText(dashboard));
  doc.fillColor('black');

  const figures = orderedFigures(dashboard);
  heading(doc, 'Показатели и цели');
  if (figures.length === 0) doc.font('regular').fontSize(10).text('Показателей нет.');
  for (const figure of figures) figureBlock(doc, figure);

  const metrics = weeklyMetrics(dashboard.weekly);
  if (dashboard.weekly.length > 0 && metrics.length > 0) {
    heading(doc, 'По неделям');
    weeklyCharts(doc, dashboard.weekly, metrics);
    doc.moveDown(0.5);
    table(
      doc,
      columnsFor(doc, 'Неделя с', metrics.map((m) => KPI_METRICS[m].name), 70),
      dashboard.weekly.map((week) => [formatDay(week.weekStart), ...metrics.map((m) => formatValue(m, week.values[m] ?? null))]),
    );
  }

  for (const child of dashboard.children) childTable(doc, child);

  heading(doc, 'Что значат показатели');
  for (const metric of new Set([...figures.map((f) => f.metric), ...metrics, ...dashboard.children.flatMap((c) => c.metrics)])) {
    const { name, definition, formula } = KPI_METRICS[metric];
    reserve(doc, 50);
    doc.font('bold').fontSize(10).fillColor('black').text(name, MARGIN, doc.y);
    doc.font('regular').fontSize(9).text(definition);
    doc.fontSize(8).fillColor(MUTED).text(`Как считается: ${formula}`).moveDown(0.5);
  }
  doc.fillColor('black');
  pageFooters(doc, `${scope.name} · ${season.name}`);
  return finish();
}
