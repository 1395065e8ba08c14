import { Readable } from 'node:stream';
import ExcelJS, { type CellFormulaValue, type CellValue } from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse';
import { IMPORT_LIMITS } from '@common/organisations.js';
import { AppError } from '@server/lib/errors.js';
import { inspectZip, ZIP_LIMITS } from './zip-guard.js';

export interface RawRow {
  /** The row number the person sees in Excel: the header is row 1 unless blank rows precede it. */
  row: number;
  cells: string[];
}

export interface RawTable {
  format: 'xlsx' | 'csv';
  header: RawRow;
  rows: RawRow[];
}

const refuse = (code: string, message: string, status = 400) => new AppError(code, status, message);

const MAX_ROWS_TEXT = IMPORT_LIMITS.maxRows.toLocaleString('ru-RU');

export const tooManyRows = () =>
  refuse('too_many_rows', `В файле больше ${MAX_ROWS_TEXT} строк. Разделите таблицу на несколько файлов и загрузите их по очереди`);

const notATable = () => refuse('unsupported_file_type', 'Это не таблица. Загрузите файл XLSX или CSV, заполненный по шаблону', 415);

/**
 * The file's rows as text, whatever it was: the format is decided by the content, never by the
 * name, and anything that is neither a sane XLSX nor a UTF-8 / Windows-1251 text is refused.
 */
export async function readSpreadsheet(buf: Buffer): Promise<RawTable> {
  if (buf.length === 0) throw refuse('file_empty', 'Файл пустой');
  const signature = buf.length >= 4 ? buf.readUInt32LE(0) : null;
  if (signature === 0x04034b50 || signature === 0x06054b50) return readXlsx(buf);
  const type = await fileTypeFromBuffer(buf);
  if (type?.ext === 'cfb') {
    throw refuse(
      'legacy_excel',
      'Файл в старом формате Excel (XLS) или защищён паролем. Откройте его в Excel и сохраните как «Книга Excel (XLSX)» или «CSV UTF-8»',
      415,
    );
  }
  if (type) throw notATable();
  return readCsv(decodeText(buf));
}

async function readXlsx(buf: Buffer): Promise<RawTable> {
  const verdict = inspectZip(buf);
  if (!verdict.ok && verdict.reason === 'too_large') {
    throw refuse(
      'archive_too_large',
      `Файл XLSX распаковывается больше чем в ${ZIP_LIMITS.maxTotalUncompressedBytes / 1024 / 1024} МБ — так много таблица для загрузки не занимает. Сохраните таблицу заново или загрузите CSV`,
    );
  }
  if (!verdict.ok) throw refuse('xlsx_corrupt', 'Файл XLSX повреждён. Откройте его в Excel и сохраните заново');
  const type = await fileTypeFromBuffer(buf);
  if (type?.ext !== 'xlsx') throw notATable();

  try {
    return splitHeader('xlsx', await firstSheetRows(buf));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw refuse('xlsx_corrupt', 'Файл XLSX повреждён. Откройте его в Excel и сохраните заново');
  }
}

/**
 * The non-blank rows of the first sheet that has any, read as a stream: a sheet of hundreds of
 * thousands of rows is refused at the first row past the limit, never held whole in memory.
 */
async function firstSheetRows(buf: Buffer): Promise<RawRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // The header is one of the rows; one more than the limit and the file is refused.
  const maxRows = IMPORT_LIMITS.maxRows + 1;
  for await (const sheet of reader) {
    const rows: RawRow[] = [];
    for await (const row of sheet) {
      const values = row.values as CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      if (!cells.some((c) => c !== '')) continue;
      rows.push({ row: row.number, cells });
      if (rows.length > maxRows) throw tooManyRows();
    }
    if (rows.length > 0) return rows;
  }
  return [];
}

/** A cell as the person sees it; a formula counts as the value Excel last showed for it. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as CellFormulaValue).result;
    return result === undefined ? `=${(value as CellFormulaValue).formula ?? ''}` : cellText(result as CellValue);
  }
  if ('error' in value) return value.error;
  return '';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 when the bytes are valid UTF-8; otherwise Windows-1251 only when the text reads as
 * Russian in it (see looksLikeWindows1251); anything else is refused rather than guessed.
 */
export function decodeText(buf: Buffer): string {
  if (buf.includes(0)) {
    if (!looksLikeUtf16(buf)) throw notATable();
    throw refuse(
      'unsupported_encoding',
      'Файл в кодировке UTF-16 — сохраните список в Excel как «CSV UTF-8» или «Книга Excel (XLSX)»',
    );
  }
  try {
    return utf8.decode(buf).replace(/^\uFEFF/, '');
  } catch {
    if (looksLikeWindows1251(buf)) return iconv.decode(buf, 'win1251');
    throw refuse(
      'unsupported_encoding',
      'Не удалось прочитать текст файла: подходят кодировки UTF-8 и Windows-1251. В Excel выберите «Сохранить как» → «CSV UTF-8»',
    );
  }
}

/** A byte-order mark, or zero bytes only in every other position, as the ASCII part of UTF-16 text has. */
function looksLikeUtf16(buf: Buffer): boolean {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return true;
  const sample = buf.subarray(0, 1024);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  return Math.max(even, odd) >= 8 && Math.min(even, odd) === 0;
}

const CP1251_UPPER = [0xc0, 0xdf] as const;
const CP1251_LOWER = [0xe0, 0xff] as const;
// Ё, ё, №, «, », non-breaking space, en and em dashes: what Russian text uses beyond the alphabet.
const CP1251_PUNCTUATION = new Set([0xa8, 0xb8, 0xb9, 0xab, 0xbb, 0xa0, 0x96, 0x97]);

const isAsciiLetter = (byte: number | undefined) => byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));

/**
 * Every non-ASCII byte must be a Cyrillic letter or Russian punctuation in Windows-1251, most
 * letters lowercase, as names and headers are (KOI8-R swaps the cases), and the letters must form
 * words of their own: an accented letter inside a Latin word ("Müller") is Latin-1, not Russian.
 */
export function looksLikeWindows1251(buf: Buffer): boolean {
  let upper = 0;
  let lower = 0;
  let insideLatinWords = 0;
  for (let i = 0; i < buf.length; i++) {
    const byte = buf[i]!;
    if (byte < 0x80) {
      if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
      continue;
    }
    if (byte >= CP1251_UPPER[0] && byte <= CP1251_UPPER[1]) upper++;
    else if (byte >= CP1251_LOWER[0] && byte <= CP1251_LOWER[1]) lower++;
    else if (!CP1251_PUNCTUATION.has(byte)) return false;
    if (isAsciiLetter(buf[i - 1]) || isAsciiLetter(buf[i + 1])) insideLatinWords++;
  }
  const letters = upper + lower;
  return lower > 0 && lower >= upper && insideLatinWords * 10 <= letters;
}

/** «;» is what Russian Excel writes, «,» what the rest of the world does; the header line decides. */
export function detectDelimiter(headerLine: string): ';' | ',' | null {
  const semicolons = headerLine.split(';').length - 1;
  const commas = headerLine.split(',').length - 1;
  if (semicolons === 0 && commas === 0) return null;
  return semicolons >= commas ? ';' : ',';
}

const wrongDelimiter = () =>
  refuse(
    'wrong_delimiter',
    'Не удалось разделить строку заголовков на столбцы. Разделитель столбцов — точка с запятой «;» или запятая «,»: сохраните файл в Excel как «CSV UTF-8» или скачайте шаблон',
  );

async function readCsv(text: string): Promise<RawTable> {
  const headerLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const delimiter = detectDelimiter(headerLine);
  // One column where a template has several: the file was split with something else (tabs, «|»).
  if (!delimiter) {
    if (/[\t|]/.test(headerLine) || headerLine.trim().split(/\s+/).length > 2) throw wrongDelimiter();
  }
  const rows: RawRow[] = [];
  const parser = Readable.from([text]).pipe(
    parse({
      delimiter: delimiter ?? ';',
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      skip_empty_lines: false,
      max_record_size: 64 * 1024,
    }),
  );
  try {
    let line = 0;
    for await (const cells of parser as AsyncIterable<string[]>) {
      line++;
      if (!cells.some((c) => c !== '')) continue;
      rows.push({ row: line, cells });
      // The header and one row past the limit are enough to refuse; the rest is never parsed.
      if (rows.length > IMPORT_LIMITS.maxRows + 1) throw tooManyRows();
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const line = (err as { lines?: number }).lines;
    throw refuse('csv_malformed', `Не удалось разобрать CSV${line ? ` в строке ${line}` : ''}: проверьте кавычки в ячейках`);
  } finally {
    parser.destroy();
  }
  const table = splitHeader('csv', rows);
  if (table.header.cells.length === 1 && /[;,\t|]/.test(table.header.cells[0]!)) throw wrongDelimiter();
  return table;
}

function splitHeader(format: RawTable['format'], rows: RawRow[]): RawTable {
  const [header, ...data] = rows;
  if (!header) throw refuse('no_rows', 'В файле нет ни одной строки с данными');
  if (data.length > IMPORT_LIMITS.maxRows) throw tooManyRows();
  return { format, header, rows: data };
}
