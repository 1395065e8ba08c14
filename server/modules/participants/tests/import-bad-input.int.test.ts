import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createSchool, createStaff, regionByCode, type StaffMember } from '@server/test/staff-factories.js';
import { MULTIPART_HEADERS, multipart } from '@server/test/multipart.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { HEADER, cellsOf, csvBuffer, pupilRow, uploadImport, xlsxBuffer } from './import-files.js';
import { zipBomb } from './zip-files.js';

let t: TestApp;
let staff: StaffMember;

beforeAll(async () => {
  t = await startTestApp();
  const place = await regionByCode(t, '43');
  const school = await createSchool(t, place);
  staff = await createStaff(t, 'school', { regionId: place.regionId, schoolId: school.id });
}, 120_000);
afterAll(() => t.close());

async function written(): Promise<{ batches: number; participants: number }> {
  const [row] = await t.rows<{ batches: number; participants: number }>(
    sql`select (select count(*)::int from import_batches) as batches, (select count(*)::int from participant_profiles) as participants`,
  );
  return row!;
}

/** The upload is refused with this status and code, and nothing at all is stored. */
async function expectRefused(content: Buffer, filename: string, status: number, code: string, message?: RegExp) {
  const before = await written();
  const res = await uploadImport(t, staff.cookie, content, filename);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toMatch(/[а-яё]/i);
  if (message) expect(res.body.error.message).toMatch(message);
  expect(await written()).toEqual(before);
  return res.body.error.message as string;
}

const goodRows = () => cellsOf([pupilRow(), pupilRow()]);

describe('bad import files are refused with a clear message and nothing written', () => {
  it('a text in an encoding other than UTF-8 or Windows-1251', async () => {
    await expectRefused(csvBuffer(goodRows(), { encoding: 'koi8-r' }), 'koi8.csv', 400, 'unsupported_encoding', /UTF-8 и Windows-1251/);
    await expectRefused(csvBuffer(goodRows(), { encoding: 'utf16le' }), 'utf16.csv', 400, 'unsupported_encoding');
  });

  it('a wrong delimiter', async () => {
    await expectRefused(csvBuffer(goodRows(), { delimiter: '\t' }), 'tabs.csv', 400, 'wrong_delimiter', /«;» или запятая «,»/);
    await expectRefused(csvBuffer(goodRows(), { delimiter: '|' }), 'pipes.csv', 400, 'wrong_delimiter');
  });

  it('missing required columns, named', async () => {
    const cells = goodRows().map((row) => row.filter((_, i) => HEADER[i] !== 'СНИЛС' && HEADER[i] !== 'Класс'));
    const message = await expectRefused(csvBuffer(cells), 'no-snils.csv', 400, 'missing_columns');
    expect(message).toContain('Класс, СНИЛС');
    await expectRefused(await xlsxBuffer([['Имя'], ['Иван']]), 'short.xlsx', 400, 'missing_columns', /Фамилия, Дата рождения, Класс, СНИЛС, Электронная почта/);
  });

  it('more than 10,000 rows, in CSV and in XLSX', async () => {
    const row = cellsOf([pupilRow()])[1]!;
    const many = [HEADER, ...Array.from({ length: 10_001 }, () => row)];
    await expectRefused(csvBuffer(many), 'big.csv', 400, 'too_many_rows', /10\s000/);
    await expectRefused(await xlsxBuffer(many), 'big.xlsx', 400, 'too_many_rows');
  });

  it('a file with a header and no pupils', async () => {
    await expectRefused(csvBuffer([HEADER]), 'empty.csv', 400, 'no_rows');
    await expectRefused(Buffer.alloc(0), 'zero.csv', 400, 'file_empty');
  });

  it('a zip bomb disguised as XLSX, whether it declares its size or lies about it', async () => {
    await expectRefused(zipBomb(60 * 1024 * 1024), 'bomb.xlsx', 400, 'archive_too_large', /50 МБ/);
    await expectRefused(zipBomb(60 * 1024 * 1024, 1000), 'liar.xlsx', 400, 'archive_too_large');
  });

  it('an executable renamed to .xlsx or .csv, an old XLS, or any other binary', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4096, 0x90)]);
    await expectRefused(exe, 'class.xlsx', 415, 'unsupported_file_type');
    await expectRefused(exe, 'class.csv', 415, 'unsupported_file_type');
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096)]);
    await expectRefused(elf, 'class.csv', 415, 'unsupported_file_type');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
    await expectRefused(png, 'class.csv', 415, 'unsupported_file_type');
    const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    await expectRefused(cfb, 'class.xls', 415, 'legacy_excel', /XLSX/);
  });

  it('a damaged XLSX', async () => {
    const good = await xlsxBuffer(goodRows());
    await expectRefused(good.subarray(0, good.length - 200), 'cut.xlsx', 400, 'xlsx_corrupt');
  });

  it('a file over 5 MB, refused while it streams in', async () => {
    const huge = Buffer.concat([csvBuffer(goodRows()), Buffer.alloc(5 * 1024 * 1024, 0x20)]);
    await expectRefused(huge, 'huge.csv', 413, 'file_too_large', /5 МБ/);
  });

  it('a request without a file, or not multipart at all', async () => {
    const noFile = await t.api('POST', '/api/imports', { cookie: staff.cookie, headers: MULTIPART_HEADERS, body: multipart([{ name: 'note', value: 'x' }]) });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.code).toBe('file_missing');
    const json = await t.api('POST', '/api/imports', { cookie: staff.cookie, body: { file: 'x' } });
    expect(json.status).toBe(415);
    expect(json.body.error.message).toMatch(/multipart/);
  });

  it('a form cut off mid-file, with two files or with too many fields', async () => {
    const whole = multipart([{ name: 'file', filename: 'a.csv', content: csvBuffer(goodRows()) }]);
    const send = (body: Buffer) => t.api('POST', '/api/imports', { cookie: staff.cookie, headers: MULTIPART_HEADERS, body });
    const cut = await send(whole.subarray(0, whole.length - 30));
    expect(cut.status).toBe(400);
    expect(cut.body.error.code).toBe('malformed_upload');
    const twoFiles = await send(
      multipart([
        { name: 'file', filename: 'a.csv', content: csvBuffer(goodRows()) },
        { name: 'more', filename: 'b.csv', content: csvBuffer(goodRows()) },
      ]),
    );
    // The first file may already be read when the second one arrives; either way no 500.
    expect(twoFiles.status).toBeLessThan(500);
    const fields = await send(multipart([...Array.from({ length: 15 }, (_, i) => ({ name: `f${i}`, value: 'x' })), { name: 'file', filename: 'a.csv', content: csvBuffer(goodRows()) }]));
    expect(fields.status).toBe(400);
    expect(fields.body.error.code).toBe('too_many_parts');
  });

  it('a file name with ../ is kept only as a sanitised display name', async () => {
    const res = await uploadImport(t, staff.cookie, csvBuffer(goodRows()), '../../etc/passwd\u0000.csv');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.fileName).toBe('passwd.csv');
    const windows = await uploadImport(t, staff.cookie, csvBuffer(goodRows()), '..\\..\\Windows\\класс 7А.xlsx');
    expect(windows.body.fileName).toBe('класс 7А.csv');
  });

  it('formula cells are data: checked like any text, and the stored name of a valid one is not executable anywhere', async () => {
    const rows = cellsOf([pupilRow({ phone: '+7 900 123-45-67', hasOvz: '-' }), pupilRow({ lastName: '@SUM(1+1)*cmd' })]);
    const res = await uploadImport(t, staff.cookie, csvBuffer(rows), 'formulas.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ totalRows: 2, validRows: 1, errors: [{ row: 3, field: 'lastName' }] });
  });
});
