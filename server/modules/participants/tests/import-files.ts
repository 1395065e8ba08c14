import crypto from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS, { type CellValue } from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { expect } from 'vitest';
import { IMPORT_COLUMNS, type ImportColumnKey } from '@common/participants.js';
import { birthDateForAge, uniqueEmail, validSnils } from '@server/test/factories.js';
import { MULTIPART_HEADERS, multipart } from '@server/test/multipart.js';
import type { TestApp } from '@server/test/test-app.js';

export type PupilRow = Record<ImportColumnKey, string>;

export const HEADER = IMPORT_COLUMNS.map((c) => c.label);

const LAST = ['Петров', 'Соколова', 'Лебедев', 'Козлова', 'Новиков', 'Морозова', 'Волков', 'Зайцева'];
const FIRST = ['Анна', 'Борис', 'Вера', 'Глеб', 'Дарья', 'Егор', 'Жанна', 'Захар'];

/** "2013-01-15" → "15.01.2013", the way a school types dates. */
export function russianDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

/** A valid pupil of twelve (birth certificate age) with a unique SNILS and e-mail. */
export function pupilRow(overrides: Partial<PupilRow> = {}): PupilRow {
  return {
    lastName: LAST[crypto.randomInt(LAST.length)]!,
    firstName: FIRST[crypto.randomInt(FIRST.length)]!,
    middleName: 'Игоревич',
    birthDate: russianDate(birthDateForAge(12)),
    grade: '6Б',
    snils: validSnils(),
    email: uniqueEmail('import'),
    phone: '',
    documentType: '',
    documentNumber: '',
    hasOvz: 'нет',
    ...overrides,
  };
}

export function cellsOf(rows: PupilRow[], header: readonly string[] = HEADER): string[][] {
  const keys = IMPORT_COLUMNS.map((c) => c.key);
  return [[...header], ...rows.map((r) => keys.map((k) => r[k]))];
}

export async function xlsxBuffer(cells: ReadonlyArray<ReadonlyArray<CellValue>>, sheetName = 'Ученики'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of cells) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A small file that unpacks into a huge sheet: the same two names on every row, written row by row
 * with exceljs' streaming writer so making it costs little memory. Its [Content_Types].xml comes
 * after the sheet, and content sniffing reads only the first megabyte, so it stays under that.
 */
export async function manyRowsXlsx(rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Ученики');
  sheet.addRow([...HEADER]).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(['Иванов', 'Иван']).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

export function csvBuffer(
  cells: string[][],
  opts: { delimiter?: string; encoding?: 'utf8' | 'win1251' | 'koi8-r' | 'utf16le'; bom?: boolean } = {},
): Buffer {
  const text = stringify(cells, { delimiter: opts.delimiter ?? ';', record_delimiter: 'windows' });
  const encoding = opts.encoding ?? 'utf8';
  const body = encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding);
  return opts.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

export function uploadImport(t: TestApp, cookie: string, content: Buffer, filename: string, contentType = 'application/octet-stream') {
  return t.api('POST', '/api/imports', {
    cookie,
    headers: MULTIPART_HEADERS,
    body: multipart([{ name: 'file', filename, content, contentType }]),
  });
}

/** Polls the import until the job is done with it, as the wizard's progress bar does. */
export async function waitForImport(t: TestApp, cookie: string, id: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.api('GET', `/api/imports/${id}`, { cookie });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    if (Date.now() > deadline) throw new Error(`Import ${id} still ${res.body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Upload, confirm and wait: the whole happy path of one file. */
export async function importFile(t: TestApp, cookie: string, content: Buffer, filename: string) {
  const preview = await uploadImport(t, cookie, content, filename);
  expect(preview.status, JSON.stringify(preview.body)).toBe(201);
  const confirm = await t.api('POST', `/api/imports/${preview.body.id}/confirm`, { cookie });
  expect(confirm.status, JSON.stringify(confirm.body)).toBe(202);
  return { preview: preview.body, result: await waitForImport(t, cookie, preview.body.id) };
}
