import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { KPI_METRICS } from '@common/kpi.js';
import type { KpiDashboard } from '@common/schemas/kpi.js';
import { exportDisposition, exportTable } from './kpi-export.js';
import { regionDashboard, schoolDashboard } from './tests/dashboard-fixture.js';

async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

const readCsv = (text: string): string[][] => parse(text, { delimiter: ';', bom: true, relax_column_count: false });

/** The sheet's rows from the header on, as the values Excel holds. */
function rowsFrom(sheet: ExcelJS.Worksheet, headerRow: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = headerRow; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as unknown[];
    rows.push(values.slice(1));
  }
  return rows;
}

describe('exportTable to XLSX', () => {
  it('states scope, season and period above a frozen header of the figures, with numbers in their units', async () => {
    const file = await exportTable(regionDashboard(), 'figures', 'xlsx');
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = (await readWorkbook(file.body)).worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('Показатели KPI');
    expect(sheet.getCell('A2').value).toBe('Регион: Московская область');
    expect(sheet.getCell('A3').value).toBe('Сезон 2026/27, период с 01.09.2026 по 29.11.2026');
    expect(sheet.getCell('A4').value).toBe('Данные на 30.11.2026, 00:05 МСК');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(sheet.getRow(6).values).toEqual([undefined, 'Показатель', 'Значение', 'Цель', 'Выполнение', 'Статус']);
    expect(sheet.getRow(6).font?.bold).toBe(true);

    const rows = rowsFrom(sheet, 7);
    expect(rows.map((r) => r[0])).toEqual(Object.values(KPI_METRICS).map((m) => m.name));
    const byName = (name: string) => sheet.getRow(7 + rows.findIndex((r) => r[0] === name));

    const registered = byName('Зарегистрировано участников');
    expect(registered.getCell(2).value).toBe(12_480);
    expect(registered.getCell(2).numFmt).toBe('#,##0');
    expect(registered.getCell(3).value).toBe(20_000);
    expect(registered.getCell(4).value).toBeCloseTo(0.624);
    expect(registered.getCell(4).numFmt).toBe('0%');
    expect(registered.getCell(5).value).toBe('Отстаёт');

    const noShows = byName('Доля неявок');
    expect(noShows.getCell(2).value).toBe(0.143);
    expect(noShows.getCell(2).numFmt).toBe('0.0%');
    expect(noShows.getCell(3).numFmt).toBe('0.0%');

    const hours = byName('Часы профориентации на участника');
    expect(hours.getCell(2).value).toBe(11.75);
    expect(hours.getCell(2).numFmt).toBe('0.0 "ч"');
    expect(byName('Тестов на участника').getCell(2).numFmt).toBe('0.00');

    const noData = byName('Обращения с ответом в срок');
    expect(noData.getCell(2).value).toBeNull();
    expect(noData.getCell(5).value).toBe('Нет данных');
    expect(byName('Мест предложено').getCell(5).value).toBe('Цель не задана');
  });

  it('gives each drill-down table its own sheet with the metric names as the header', async () => {
    const file = await exportTable(regionDashboard(), 'children', 'xlsx');
    const workbook = await readWorkbook(file.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Школы', 'Площадки']);

    const schools = workbook.getWorksheet('Школы')!;
    expect(schools.getCell('A1').value).toBe('KPI в разбивке (школы)');
    expect(schools.getRow(6).values).toEqual([
      undefined,
      'Школа',
      'Зарегистрировано участников',
      'Зарегистрировано участников — цель',
      'Прошли диагностику',
      'Обратная связь за 48 часов',
      'Опубликовано планов',
    ]);
    const rows = rowsFrom(schools, 7);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(['МБОУ «Лицей № 5» г. Королёв', 1_420, 1_500, 1_210, undefined, 180]);
    // A name is text in a cell, never a formula, whatever it starts with.
    expect(schools.getCell(9, 1).value).toBe('=HYPERLINK("http://evil.example")');
    expect(schools.getCell(9, 1).formula).toBeUndefined();

    const venues = workbook.getWorksheet('Площадки')!;
    const fill = venues.getRow(8);
    expect(fill.getCell(1).value).toBe('Колледж связи № 54');
    expect(fill.getCell(5).value).toBe(0.4523);
    expect(fill.getCell(5).numFmt).toBe('0.0%');
  });

  it('writes the weekly series with real dates', async () => {
    const file = await exportTable(regionDashboard(), 'weekly', 'xlsx');
    const sheet = (await readWorkbook(file.body)).worksheets[0]!;
    expect(sheet.getRow(6).values).toEqual([undefined, 'Неделя с', 'Зарегистрировано участников', 'Прошли диагностику', 'Посетили мероприятия', 'Проведено мероприятий', 'Опубликовано планов']);
    const first = sheet.getRow(7);
    expect(first.getCell(1).value).toEqual(new Date('2026-09-07T00:00:00Z'));
    expect(first.getCell(1).numFmt).toBe('dd.mm.yyyy');
    expect(first.getCell(4).value).toBe(0);
    expect(sheet.rowCount).toBe(6 + 12);
  });

  it('says so when there is nothing to break the figures down into', async () => {
    const empty: KpiDashboard = { ...regionDashboard(), children: [] };
    const sheet = (await readWorkbook((await exportTable(empty, 'children', 'xlsx')).body)).worksheets[0]!;
    expect(sheet.getCell(7, 1).value).toBe('Нет строк');
  });
});

describe('exportTable to CSV', () => {
  it('writes UTF-8 with a BOM, «;» and numbers Russian Excel reads as numbers', async () => {
    const file = await exportTable(regionDashboard(), 'figures', 'csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.body.toString('utf8');
    expect(text).toContain('\r\n');
    const [header, ...rows] = readCsv(text);
    expect(header).toEqual(['Показатель', 'Значение', 'Цель', 'Выполнение', 'Статус']);
    expect(rows).toContainEqual(['Зарегистрировано участников', '12480', '20000', '62,4%', 'Отстаёт']);
    expect(rows).toContainEqual(['Доля неявок', '14,3%', '10%', '57%', 'Отстаёт']);
    expect(rows).toContainEqual(['Тестов на участника', '2,4166', '3', '80,6%', 'Близко к цели']);
    expect(rows).toContainEqual(['Часы профориентации на участника', '11,75', '20', '58,8%', 'Отстаёт']);
    expect(rows).toContainEqual(['Обращения с ответом в срок', '', '95%', '', 'Нет данных']);
  });

  it('puts several drill-down tables into one table named by its first column, names made inert', async () => {
    const file = await exportTable(regionDashboard(), 'children', 'csv');
    const [header, ...rows] = readCsv(file.body.toString('utf8'));
    expect(header!.slice(0, 3)).toEqual(['Таблица', 'Название', 'Зарегистрировано участников']);
    expect(header).toContain('Заполняемость — цель');
    expect(rows.map((r) => r[0])).toEqual(['Школы', 'Школы', 'Школы', 'Школы', 'Площадки', 'Площадки']);
    expect(rows[1]![1]).toBe('Школа "Эврика"; корпус 2');
    expect(rows[2]![1]).toBe(`'=HYPERLINK("http://evil.example")`);
    const fill = header!.indexOf('Заполняемость');
    expect(rows[5]![fill]).toBe('45,23%');
    expect(rows[0]![fill]).toBe('');
  });

  it('names rows without a page of their own by their note', async () => {
    const [header, ...rows] = readCsv((await exportTable(schoolDashboard(), 'children', 'csv')).body.toString('utf8'));
    expect(header).toEqual(['Класс', 'Зарегистрировано участников', 'Прошли диагностику']);
    expect(rows).toEqual([
      ['8А', '28', '25'],
      ['9Б', '31', '12'],
    ]);
  });

  it('writes the weekly series with dates as Russian Excel types them', async () => {
    const [header, first] = readCsv((await exportTable(regionDashboard(), 'weekly', 'csv')).body.toString('utf8'));
    expect(header![0]).toBe('Неделя с');
    expect(first).toEqual(['07.09.2026', '700', '420', '0', '15', '60']);
  });

  it('writes Windows-1251 without a BOM for old Excel', async () => {
    const file = await exportTable(regionDashboard(), 'children', 'csv-1251');
    expect(file.contentType).toBe('text/csv; charset=windows-1251');
    expect(file.body[0]).not.toBe(0xef);
    // «Ш» is one byte in Windows-1251; the same text as UTF-8 would not decode back to itself.
    expect(file.body.includes(Buffer.from([0xd8]))).toBe(true);
    const [header, ...rows] = readCsv(iconv.decode(file.body, 'win1251'));
    expect(header![1]).toBe('Название');
    expect(rows[0]![1]).toBe('МБОУ «Лицей № 5» г. Королёв');
    expect(rows[4]![1]).toBe('Технопарк «Сколково»');
  });
});

describe('export file names', () => {
  it('gives an ASCII name of codes and a Russian name people read', async () => {
    const file = await exportTable(regionDashboard(), 'figures', 'csv-1251');
    expect(file.fileName).toBe('kpi_region-50_season-3_figures_2026-09-01_2026-11-29_win1251.csv');
    expect(file.displayName).toBe('Показатели KPI, Московская область, Сезон 2026-27, 01.09.2026-29.11.2026.csv');
    const school = await exportTable(schoolDashboard(), 'weekly', 'xlsx');
    expect(school.fileName).toBe('kpi_school-3f1c2a6e-8b0d-4c1e-9a57-0d2b6f4e1a01_season-3_weekly_2026-09-01_2026-11-29.xlsx');
    expect(school.displayName).toBe('KPI по неделям, МБОУ Лицей № 5 г. Королёв, Сезон 2026-27, 01.09.2026-29.11.2026.xlsx');
    const federal = await exportTable({ ...regionDashboard(), scope: { level: 'federal', id: null, name: 'Вся программа' } }, 'children', 'xlsx');
    expect(federal.fileName).toMatch(/^kpi_federal_season-3_children_/);
  });

  it('sends both names in the Content-Disposition', async () => {
    const file = await exportTable(regionDashboard(), 'figures', 'xlsx');
    const header = exportDisposition(file);
    expect(header).toMatch(/^attachment; filename="kpi_region-50_season-3_figures_2026-09-01_2026-11-29\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(file.displayName);
  });
});

describe('exportTable of the issuer’s regions', () => {
  it('puts each region’s federal district beside its name', async () => {
    const dashboard: KpiDashboard = {
      ...regionDashboard(),
      scope: { level: 'federal', id: null, name: 'Вся программа' },
      children: [
        {
          kind: 'regions',
          title: 'Регионы',
          metrics: ['pupils_registered'],
          rows: [
            { ref: { level: 'region', id: '50', name: 'Московская область' }, note: null, district: 'central', values: [12_480], targets: [20_000] },
            { ref: { level: 'region', id: '25', name: 'Приморский край' }, note: null, district: 'far_eastern', values: [3_100], targets: null },
          ],
          nextCursor: null,
          targetsEditable: true,
        },
      ],
    };
    const [header, ...rows] = readCsv((await exportTable(dashboard, 'children', 'csv')).body.toString('utf8'));
    expect(header).toEqual(['Регион', 'Федеральный округ', 'Зарегистрировано участников', 'Зарегистрировано участников — цель']);
    expect(rows).toEqual([
      ['Московская область', 'Центральный', '12480', '20000'],
      ['Приморский край', 'Дальневосточный', '3100', ''],
    ]);
    const sheet = (await readWorkbook((await exportTable(dashboard, 'children', 'xlsx')).body)).worksheets[0]!;
    expect(sheet.getCell('A2').value).toBe('Вся программа');
    expect(sheet.getRow(7).values).toEqual([undefined, 'Московская область', 'Центральный', 12_480, 20_000]);
  });
});

describe('exportTable of a navigator’s stages', () => {
  it('writes how many pupils are at each stage beside its name', async () => {
    const dashboard: KpiDashboard = {
      ...schoolDashboard(),
      scope: { level: 'navigator', id: '7f0c1a9e-0000-4000-8000-000000000001', name: 'Иванова Мария Петровна' },
      children: [
        {
          kind: 'stages',
          title: 'Участники по этапам',
          metrics: [],
          rows: [
            { ref: null, note: 'Диагностика', count: 12, values: [], targets: null },
            { ref: null, note: 'План опубликован', count: 0, values: [], targets: null },
          ],
          nextCursor: null,
          targetsEditable: false,
        },
      ],
    };
    const [header, ...rows] = readCsv((await exportTable(dashboard, 'children', 'csv')).body.toString('utf8'));
    expect(header).toEqual(['Этап', 'Участников']);
    expect(rows).toEqual([
      ['Диагностика', '12'],
      ['План опубликован', '0'],
    ]);
  });
});
