import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';

export type SpreadsheetFormat = 'xlsx' | 'csv';

export interface ExportedFile {
  body: Buffer;
  contentType: string;
  extension: SpreadsheetFormat;
}

/** A spreadsheet runs a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Every exported cell goes through this: a leading apostrophe makes Excel show the text as typed. */
export function inertCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A table of text cells as XLSX or as the CSV Russian Excel opens with a double click: UTF-8 with BOM, «;». */
export async function exportTable(
  format: SpreadsheetFormat,
  sheetName: string,
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  widths: readonly number[] = [],
): Promise<ExportedFile> {
  const cells = [header, ...rows].map((row) => row.map(inertCell));
  if (format === 'csv') {
    const text = stringify(cells, { delimiter: ';', bom: true, record_delimiter: 'windows' });
    return { body: Buffer.from(text, 'utf8'), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Text format throughout, so Excel keeps SNILS, phones and dates as the school typed them.
  sheet.columns = header.map((_, i) => ({ width: widths[i] ?? 20, style: { numFmt: '@' } }));
  sheet.addRows(cells);
  sheet.getRow(1).font = { bold: true };
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  };
}
