import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '@server/lib/errors.js';
import { cellText, decodeText, detectDelimiter, looksLikeWindows1251, readSpreadsheet } from '@server/lib/spreadsheets/file-reader.js';
import { csvBuffer, xlsxBuffer } from './import-files.js';

const SAMPLE = 'Фамилия;Имя;Отчество\nЁлкина;Мария;Петровна — «отличница» № 1\n';

async function refusal(buf: Buffer): Promise<AppError> {
  const err = await readSpreadsheet(buf).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, and Windows-1251', () => {
    expect(decodeText(Buffer.from(SAMPLE))).toBe(SAMPLE);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]))).toBe(SAMPLE);
    expect(decodeText(iconv.encode(SAMPLE, 'win1251'))).toBe(SAMPLE);
  });

  it('refuses KOI8-R, UTF-16 and Latin text rather than guessing', () => {
    expect(looksLikeWindows1251(iconv.encode(SAMPLE, 'koi8-r'))).toBe(false);
    expect(() => decodeText(iconv.encode(SAMPLE, 'koi8-r'))).toThrow(/UTF-8 и Windows-1251/);
    expect(() => decodeText(iconv.encode(SAMPLE, 'utf16le'))).toThrow(/UTF-16/);
    expect(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49]))).toThrow(/Это не таблица/);
    expect(() => decodeText(iconv.encode('Müller;Größe;ß', 'latin1'))).toThrow(/UTF-8 и Windows-1251/);
  });
});

describe('detectDelimiter', () => {
  it('takes whichever of «;» and «,» splits the header', () => {
    expect(detectDelimiter('Фамилия;Имя;Класс')).toBe(';');
    expect(detectDelimiter('Фамилия,Имя,Класс')).toBe(',');
    expect(detectDelimiter('Фамилия;Имя, отчество;Класс')).toBe(';');
    expect(detectDelimiter('Фамилия\tИмя\tКласс')).toBeNull();
  });
});

describe('cellText', () => {
  it('turns Excel values into the text the school sees', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(' Иванов ')).toBe('Иванов');
    expect(cellText(12345678901)).toBe('12345678901');
    expect(cellText(new Date(Date.UTC(2012, 2, 15)))).toBe('2012-03-15');
    expect(cellText({ richText: [{ text: 'Ива' }, { text: 'нов' }] })).toBe('Иванов');
    expect(cellText({ text: 'ivan@example.ru', hyperlink: 'mailto:ivan@example.ru' })).toBe('ivan@example.ru');
    expect(cellText({ formula: 'A1&"x"', result: 'Иванов' })).toBe('Иванов');
    expect(cellText({ formula: 'A1+1' })).toBe('=A1+1');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(true)).toBe('да');
  });
});

describe('readSpreadsheet', () => {
  it('reads CSV with either delimiter and XLSX, skipping blank rows but keeping Excel’s row numbers', async () => {
    const cells = [['Фамилия', 'Имя'], ['Иванов', 'Иван'], ['', ''], ['Петров', 'Пётр']];
    const expected = { header: { row: 1, cells: ['Фамилия', 'Имя'] }, rows: [{ row: 2, cells: ['Иванов', 'Иван'] }, { row: 4, cells: ['Петров', 'Пётр'] }] };
    expect(await readSpreadsheet(csvBuffer(cells))).toEqual({ format: 'csv', ...expected });
    expect(await readSpreadsheet(csvBuffer(cells, { delimiter: ',', encoding: 'win1251' }))).toEqual({ format: 'csv', ...expected });
    expect(await readSpreadsheet(await xlsxBuffer(cells))).toMatchObject({ format: 'xlsx', header: expected.header, rows: [expected.rows[0], { cells: ['Петров', 'Пётр'] }] });
  });

  it('refuses a tab-separated file as a wrong delimiter', async () => {
    expect((await refusal(csvBuffer([['Фамилия', 'Имя', 'Класс'], ['Иванов', 'Иван', '7']], { delimiter: '\t' }))).code).toBe('wrong_delimiter');
  });

  it('refuses executables and other binaries by their content', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    expect((await refusal(exe)).code).toBe('unsupported_file_type');
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(200)]);
    expect((await refusal(elf)).code).toBe('unsupported_file_type');
    expect((await refusal(Buffer.alloc(0))).code).toBe('file_empty');
  });

  it('reads a file shorter than a zip signature as text', async () => {
    expect(await readSpreadsheet(Buffer.from('PK'))).toMatchObject({ format: 'csv', header: { cells: ['PK'] }, rows: [] });
  });
});
