import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { birthDateForAge, participantInput, registerPupil } from '@server/test/factories.js';
import { createSchool, createStaff, regionByCode, type Place, type StaffMember } from '@server/test/staff-factories.js';
import { linkFrom, startTestApp, type TestApp } from '@server/test/test-app.js';
import { readSpreadsheet } from '@server/lib/spreadsheets/file-reader.js';
import { cellsOf, csvBuffer, importFile, pupilRow, russianDate, uploadImport, waitForImport, xlsxBuffer, type PupilRow } from './import-files.js';

let t: TestApp;
let place: Place;
let school: { id: string; name: string };
let staff: StaffMember;
let otherStaff: StaffMember;
let otherRegionStaff: StaffMember;

beforeAll(async () => {
  t = await startTestApp();
  place = await regionByCode(t, '43');
  school = await createSchool(t, place);
  const other = await createSchool(t, place);
  const farPlace = await regionByCode(t, '16');
  const far = await createSchool(t, farPlace);
  staff = await createStaff(t, 'school', { regionId: place.regionId, schoolId: school.id });
  otherStaff = await createStaff(t, 'school', { regionId: place.regionId, schoolId: other.id });
  otherRegionStaff = await createStaff(t, 'school', { regionId: farPlace.regionId, schoolId: far.id });
}, 120_000);
afterAll(() => t.close());

async function pupilsOf(schoolId: string): Promise<number> {
  const [row] = await t.rows<{ n: number }>(sql`select count(*)::int as n from participant_profiles where school_id = ${schoolId}`);
  return row!.n;
}

async function accountsWithEmails(rows: PupilRow[]): Promise<number> {
  const emails = rows.map((r) => r.email.toLowerCase());
  const [row] = await t.rows<{ n: number }>(sql`select count(*)::int as n from accounts where email in ${emails}`);
  return row!.n;
}

describe('importing a class', () => {
  it('imports an XLSX file: preview first, nothing written until confirmed, then pupils with sign-in mails', async () => {
    const rows = [pupilRow(), pupilRow({ documentNumber: 'II-АБ 654321', hasOvz: 'да', phone: '+7 912 000-11-22' }), pupilRow()];
    const file = await xlsxBuffer(cellsOf(rows));
    const before = await pupilsOf(school.id);

    const preview = await uploadImport(t, staff.cookie, file, '7А класс.xlsx');
    expect(preview.status, JSON.stringify(preview.body)).toBe(201);
    expect(preview.body).toMatchObject({
      status: 'preview',
      fileName: '7А класс.xlsx',
      totalRows: 3,
      validRows: 3,
      created: 3,
      matched: 0,
      duplicatesInFile: 0,
      alreadyRegistered: 0,
      errors: [],
      errorCount: 0,
    });
    expect(await accountsWithEmails(rows)).toBe(0);

    const confirm = await t.api('POST', `/api/imports/${preview.body.id}/confirm`, { cookie: staff.cookie });
    expect(confirm.status).toBe(202);
    expect(['queued', 'running', 'done']).toContain(confirm.body.status);
    const done = await waitForImport(t, staff.cookie, preview.body.id);
    expect(done).toMatchObject({ status: 'done', totalRows: 3, processedRows: 3, created: 3, matched: 0, skipped: 0, failed: 0 });
    expect(done.finishedAt).not.toBeNull();
    expect(await pupilsOf(school.id)).toBe(before + 3);

    const [second] = await t.rows<Record<string, unknown>>(sql`select a.status, a.password_hash, a.phone, pp.document_type, pp.has_ovz, pp.grade
      from accounts a join participant_profiles pp on pp.account_id = a.id where a.email = ${rows[1]!.email}`);
    expect(second).toEqual({ status: 'pending', password_hash: null, phone: '+79120001122', document_type: 'birth_certificate', has_ovz: true, grade: 6 });
    const [payload] = await t.rows<{ payload_enc: string | null }>(sql`select payload_enc from import_batches where id = ${preview.body.id}`);
    expect(payload!.payload_enc).toBeNull();

    const mail = await t.waitForMail(rows[2]!.email, /кабинет в «Билете в будущее» готов/);
    const link = linkFrom(mail.text, '/password/new');
    const set = await t.api('POST', '/api/auth/password', { body: { token: link.searchParams.get('token'), password: 'импорт-пароль-2026' } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const [audit] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'participant.registered_by_school' and details->>'importId' = ${preview.body.id}`,
    );
    expect(audit!.n).toBe(3);
  });

  it('imports CSV in UTF-8 with BOM, in Windows-1251 and with commas', async () => {
    for (const [name, opts] of [
      ['utf8.csv', { bom: true }],
      ['cp1251.csv', { encoding: 'win1251' as const }],
      ['comma.csv', { delimiter: ',' }],
    ] as const) {
      const rows = [pupilRow({ lastName: 'Ёлкина', firstName: 'Алёна' }), pupilRow()];
      const { result } = await importFile(t, staff.cookie, csvBuffer(cellsOf(rows), opts), name);
      expect(result, name).toMatchObject({ status: 'done', created: 2, failed: 0 });
      const [row] = await t.rows<{ last_name: string }>(sql`select last_name from accounts where email = ${rows[0]!.email}`);
      expect(row!.last_name).toBe('Ёлкина');
    }
  });

  it('lists every faulty cell of a bad row and imports the rest once confirmed', async () => {
    const rows = [pupilRow(), pupilRow({ snils: '123-456-789 00', birthDate: '31.02.2012' }), pupilRow()];
    const preview = await uploadImport(t, staff.cookie, await xlsxBuffer(cellsOf(rows)), 'с ошибкой.xlsx');
    expect(preview.body).toMatchObject({ totalRows: 3, validRows: 2, created: 2, failed: 1, errorCount: 2 });
    expect(preview.body.errors).toEqual([
      { row: 3, field: 'birthDate', message: 'Такой даты нет в календаре' },
      { row: 3, field: 'snils', message: 'Контрольное число СНИЛС не сходится — проверьте цифры' },
    ]);
    await t.api('POST', `/api/imports/${preview.body.id}/confirm`, { cookie: staff.cookie });
    expect(await waitForImport(t, staff.cookie, preview.body.id)).toMatchObject({ status: 'done', created: 2, failed: 1, processedRows: 3 });
    expect(await accountsWithEmails(rows)).toBe(2);

    // The school fixes the row and imports the same list again: only the fixed pupil is new.
    rows[1] = { ...rows[1]!, snils: pupilRow().snils, birthDate: russianDate(birthDateForAge(12)) };
    const again = await importFile(t, staff.cookie, await xlsxBuffer(cellsOf(rows)), 'исправлено.xlsx');
    expect(again.preview).toMatchObject({ totalRows: 3, validRows: 3, created: 1, alreadyRegistered: 2, skipped: 2 });
    expect(again.result).toMatchObject({ status: 'done', created: 1, skipped: 2, failed: 0 });
    expect(await accountsWithEmails(rows)).toBe(3);
  });

  it('creates no duplicates when the same file comes again, and says what it skipped', async () => {
    const rows = [pupilRow(), pupilRow()];
    const file = csvBuffer(cellsOf(rows), { bom: true });
    await importFile(t, staff.cookie, file, 'класс.csv');
    const before = await pupilsOf(school.id);
    const again = await importFile(t, staff.cookie, file, 'класс.csv');
    expect(again.preview).toMatchObject({ created: 0, alreadyRegistered: 2 });
    expect(again.preview.sameFileImportedAt).not.toBeNull();
    expect(again.preview.outcomes).toEqual([
      { row: 2, outcome: 'already_registered', message: 'Уже зарегистрирован в вашей школе — пропущен' },
      { row: 3, outcome: 'already_registered', message: 'Уже зарегистрирован в вашей школе — пропущен' },
    ]);
    expect(again.result).toMatchObject({ status: 'done', created: 0, skipped: 2, processedRows: 2 });
    expect(await pupilsOf(school.id)).toBe(before);
  });

  it('skips a row repeated in the file and refuses a SNILS or e-mail given to two different pupils', async () => {
    const first = pupilRow();
    // Names are drawn at random; another patronymic keeps the third row another child even when they repeat.
    const rows = [first, { ...first }, pupilRow({ snils: first.snils, middleName: 'Петрович' }), pupilRow({ email: first.email.toUpperCase() })];
    const preview = await uploadImport(t, staff.cookie, csvBuffer(cellsOf(rows)), 'повторы.csv');
    expect(preview.body).toMatchObject({ totalRows: 4, validRows: 2, created: 1, duplicatesInFile: 1, failed: 2 });
    expect(preview.body.outcomes).toEqual([{ row: 3, outcome: 'duplicate_in_file', message: 'Тот же ученик, что в строке 2' }]);
    expect(preview.body.errors).toEqual([
      { row: 4, field: 'snils', message: 'Этот СНИЛС уже указан в строке 2 у другого ученика' },
      { row: 5, field: 'email', message: 'Этот адрес уже указан в строке 2 у другого ученика' },
    ]);
  });

  it('matches children already in the programme by the one-child-one-profile rule', async () => {
    const input = await participantInput(t, { schoolName: 'Не из списка' });
    const alone = await registerPupil(t, input);
    const someoneElse = await registerPupil(t, { schoolName: 'Другая' });
    const takenByOther = pupilRow();
    const registeredElsewhere = await t.api('POST', '/api/participants', {
      cookie: otherStaff.cookie,
      body: {
        lastName: takenByOther.lastName,
        firstName: takenByOther.firstName,
        middleName: takenByOther.middleName,
        birthDate: birthDateForAge(12),
        grade: 6,
        snils: takenByOther.snils,
        email: takenByOther.email,
      },
    });
    expect(registeredElsewhere.status).toBe(201);

    const rows = [
      pupilRow({
        lastName: input.lastName,
        firstName: input.firstName,
        middleName: input.middleName,
        birthDate: russianDate(input.birthDate),
        snils: input.snils,
        grade: '7В',
      }),
      { ...takenByOther, birthDate: russianDate(birthDateForAge(12)), email: pupilRow().email },
      pupilRow({ email: someoneElse.email }),
    ];
    const { preview, result } = await importFile(t, staff.cookie, await xlsxBuffer(cellsOf(rows)), 'сверка.xlsx');
    expect(preview).toMatchObject({ created: 0, matched: 1, failed: 2 });
    expect(preview.errors).toEqual([
      { row: 3, field: null, message: expect.stringMatching(/другой школой/) },
      { row: 4, field: 'email', message: 'Этот адрес уже использует другой пользователь платформы — укажите другой' },
    ]);
    expect(JSON.stringify(preview)).not.toMatch(/Школа № /);
    expect(result).toMatchObject({ status: 'done', matched: 1, created: 0 });
    expect(result.outcomes).toContainEqual({ row: 2, outcome: 'matched', message: 'Найден в программе и прикреплён к школе' });
    const [profile] = await t.rows<{ school_id: string; grade: number }>(sql`select school_id, grade from participant_profiles where account_id = ${alone.accountId}`);
    expect(profile).toEqual({ school_id: school.id, grade: 7 });
  });

  it('recognises the template’s example row if the school left it in', async () => {
    const template = await t.api('GET', '/api/imports/template?format=csv', { cookie: staff.cookie });
    const table = await readSpreadsheet(Buffer.from(template.body as string, 'utf8'));
    const rows = [table.header.cells, table.rows[0]!.cells, cellsOf([pupilRow()])[1]!];
    const preview = await uploadImport(t, staff.cookie, csvBuffer(rows), 'из шаблона.csv');
    expect(preview.body).toMatchObject({ totalRows: 1, validRows: 1, created: 1 });
  });
});

describe('the import workflow', () => {
  it('cancels a preview; a cancelled or confirmed import cannot be confirmed or cancelled again', async () => {
    const rows = [pupilRow()];
    const preview = await uploadImport(t, staff.cookie, csvBuffer(cellsOf(rows)), 'отмена.csv');
    const cancel = await t.api('DELETE', `/api/imports/${preview.body.id}`, { cookie: staff.cookie });
    expect(cancel.status).toBe(200);
    const [row] = await t.rows<{ status: string; payload_enc: string | null }>(sql`select status, payload_enc from import_batches where id = ${preview.body.id}`);
    expect(row).toEqual({ status: 'cancelled', payload_enc: null });
    expect((await t.api('POST', `/api/imports/${preview.body.id}/confirm`, { cookie: staff.cookie })).status).toBe(409);
    expect(await accountsWithEmails(rows)).toBe(0);

    const done = await importFile(t, staff.cookie, csvBuffer(cellsOf([pupilRow()])), 'готово.csv');
    expect((await t.api('POST', `/api/imports/${done.preview.id}/confirm`, { cookie: staff.cookie })).status).toBe(409);
    expect((await t.api('DELETE', `/api/imports/${done.preview.id}`, { cookie: staff.cookie })).status).toBe(409);
  });

  it('keeps each school’s imports to itself', async () => {
    const preview = await uploadImport(t, staff.cookie, csvBuffer(cellsOf([pupilRow()])), 'моё.csv');
    for (const other of [otherStaff, otherRegionStaff]) {
      expect((await t.api('GET', `/api/imports/${preview.body.id}`, { cookie: other.cookie })).status).toBe(404);
      expect((await t.api('GET', `/api/imports/${preview.body.id}/report`, { cookie: other.cookie })).status).toBe(404);
      expect((await t.api('POST', `/api/imports/${preview.body.id}/confirm`, { cookie: other.cookie })).status).toBe(404);
      expect((await t.api('DELETE', `/api/imports/${preview.body.id}`, { cookie: other.cookie })).status).toBe(404);
      const history = await t.api('GET', '/api/imports?pageSize=100', { cookie: other.cookie });
      expect(JSON.stringify(history.body)).not.toContain(preview.body.id);
    }
    const mine = await t.api('GET', '/api/imports?pageSize=100', { cookie: staff.cookie });
    expect(mine.body.items[0]).toMatchObject({ id: preview.body.id, status: 'preview', fileName: 'моё.csv' });
    expect(mine.body.total).toBeGreaterThan(5);
    expect((await t.api('GET', '/api/imports?q=моё', { cookie: staff.cookie })).body.total).toBe(1);
  });

  it('gives the template in XLSX and in CSV for Russian Excel', async () => {
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/imports/template?format=xlsx', headers: { cookie: staff.cookie } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain("filename*=UTF-8''");
    const table = await readSpreadsheet(xlsx.rawPayload);
    expect(table.header.cells.slice(0, 6)).toEqual(['Фамилия*', 'Имя*', 'Отчество', 'Дата рождения*', 'Класс*', 'СНИЛС*']);
    expect(table.rows).toHaveLength(1);

    const csv = await t.app.inject({ method: 'GET', url: '/api/imports/template?format=csv', headers: { cookie: staff.cookie } });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.rawPayload.toString('utf8')).toMatch(/^\uFEFFФамилия\*;Имя\*;Отчество;/);
    expect((await t.api('GET', '/api/imports/template?format=pdf', { cookie: staff.cookie })).status).toBe(400);
  });

  it('exports the error report with formulas made inert', async () => {
    const rows = [pupilRow({ lastName: '=HYPERLINK("http://evil.example","жми")', email: '@evil' }), pupilRow()];
    const preview = await uploadImport(t, staff.cookie, csvBuffer(cellsOf(rows)), '=cmd|calc.csv');
    expect(preview.status).toBe(201);
    expect(preview.body.fileName).not.toMatch(/^=/);
    for (const format of ['csv', 'xlsx'] as const) {
      const report = await t.app.inject({ method: 'GET', url: `/api/imports/${preview.body.id}/report?format=${format}`, headers: { cookie: staff.cookie } });
      expect(report.statusCode).toBe(200);
      const table = await readSpreadsheet(report.rawPayload);
      expect(table.header.cells).toEqual(['Строка файла', 'Столбец или итог', 'Пояснение']);
      expect(table.rows.map((r) => r.cells.slice(0, 2))).toEqual([
        ['2', 'Фамилия'],
        ['2', 'Электронная почта'],
      ]);
      for (const r of table.rows) for (const c of r.cells) expect(c).not.toMatch(/^[=+\-@]/);
    }
  });

  it('is for schools only', async () => {
    const navigator = await createStaff(t, 'navigator', { regionId: place.regionId, schoolId: school.id });
    const coordinator = await createStaff(t, 'regional_coordinator', { regionId: place.regionId });
    for (const other of [navigator, coordinator]) {
      expect((await uploadImport(t, other.cookie, csvBuffer(cellsOf([pupilRow()])), 'x.csv')).status).toBe(403);
      expect((await t.api('GET', '/api/imports', { cookie: other.cookie })).status).toBe(403);
      expect((await t.api('GET', '/api/imports/template', { cookie: other.cookie })).status).toBe(403);
    }
  });
});
