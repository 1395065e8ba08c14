import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '@server/lib/spreadsheets/file-reader.js';
import { checkRow, mapColumns } from '../import/rows.js';
import { exportTable, inertCell } from '@server/lib/spreadsheets/export.js';
import { EXAMPLE_EMAIL, EXAMPLE_SNILS, importTemplate } from '../import/spreadsheet-export.js';

describe('inertCell', () => {
  it('prefixes every cell a spreadsheet would run as a formula', () => {
    for (const v of ['=1+1', '+7 900', '-2', '@SUM(A1)', '\tx', '\rx']) expect(inertCell(v)).toBe(`'${v}`);
    for (const v of ['Иванов', '7', 'a=b', '']) expect(inertCell(v)).toBe(v);
  });
});

describe('exported tables', () => {
  it('write CSV for Russian Excel: UTF-8 BOM, «;», CRLF, no live formulas', async () => {
    const file = await exportTable('csv', 'Отчёт', ['Строка', 'Пояснение'], [['2', '=HYPERLINK("http://x")']]);
    const text = file.body.toString('utf8');
    expect(text.startsWith('\uFEFFСтрока;Пояснение\r\n')).toBe(true);
    expect(text).toContain(`2;"'=HYPERLINK(""http://x"")"`);
  });

  it('write XLSX cells as inert text', async () => {
    const file = await exportTable('xlsx', 'Отчёт', ['Пояснение'], [['@cmd']]);
    expect((await readSpreadsheet(file.body)).rows[0]!.cells).toEqual(["'@cmd"]);
  });

  it('give a template whose example row passes the checks and is recognised', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const table = await readSpreadsheet((await importTemplate(format)).body);
      const { columns, missing } = mapColumns(table.header.cells);
      expect(missing).toEqual([]);
      expect(table.header.cells[0]).toBe('Фамилия*');
      expect(checkRow(table.rows[0]!, columns)).toMatchObject({ ok: true, value: { snils: EXAMPLE_SNILS, email: EXAMPLE_EMAIL, grade: 9 } });
    }
  });
});
