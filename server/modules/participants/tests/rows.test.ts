import { describe, expect, it } from 'vitest';
import { normalizeHeader, parseImportDate, parseYesNo } from '@server/lib/spreadsheets/cells.js';
import { checkRow, mapColumns, parseDocumentType, parseGrade } from '../import/rows.js';
import { HEADER, pupilRow, cellsOf, russianDate } from './import-files.js';
import { birthDateForAge } from '@server/test/factories.js';

const { columns } = mapColumns(HEADER);
const raw = (overrides: Parameters<typeof pupilRow>[0] = {}) => ({ row: 2, cells: cellsOf([pupilRow(overrides)])[1]! });

describe('import headers', () => {
  it('matches headers ignoring case, ё, asterisks, notes in brackets and spaces', () => {
    expect(normalizeHeader('  Дата  рождения* (ДД.ММ.ГГГГ) ')).toBe('дата рождения');
    expect(normalizeHeader('ОВЗ (да/нет)')).toBe('овз');
    const { columns: found, missing } = mapColumns(['e-mail', 'ФАМИЛИЯ*', 'имя', 'Дата рождения (дд.мм.гггг)', 'класс', 'снилс']);
    expect(missing).toEqual([]);
    expect(found).toMatchObject({ email: 0, lastName: 1, firstName: 2, birthDate: 3, grade: 4, snils: 5 });
  });

  it('names every missing required column', () => {
    expect(mapColumns(['Фамилия', 'Имя', 'Класс']).missing).toEqual(['Дата рождения', 'СНИЛС', 'Электронная почта']);
  });
});

describe('import cell rules', () => {
  it('reads dates as schools type them and as Excel stores them', () => {
    expect(parseImportDate('15.03.2012')).toBe('2012-03-15');
    expect(parseImportDate('5/3/2012')).toBe('2012-03-05');
    expect(parseImportDate('2012-03-15')).toBe('2012-03-15');
    expect(parseImportDate('40983')).toBe('2012-03-15');
    expect(parseImportDate('15.03.12')).toBeNull();
    expect(parseImportDate('вчера')).toBeNull();
  });

  it('takes the number of a class written with its letter', () => {
    expect(parseGrade('7')).toBe(7);
    expect(parseGrade('7А')).toBe(7);
    expect(parseGrade('10 б')).toBe(10);
    expect(parseGrade('8-В')).toBe(8);
    expect(parseGrade('9 класс')).toBe(9);
    expect(parseGrade('5')).toBeNull();
    expect(parseGrade('12')).toBeNull();
    expect(parseGrade('седьмой')).toBeNull();
  });

  it('answers at once for a huge crafted cell', () => {
    const started = performance.now();
    expect(parseGrade(`7${' '.repeat(60_000)}!`)).toBeNull();
    expect(parseGrade(`7${' - '.repeat(20_000)}`)).toBeNull();
    expect(normalizeHeader('('.repeat(1_000_000))).toBe('('.repeat(1_000_000));
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('reads yes and no, and the two document types', () => {
    expect(parseYesNo('Да')).toBe(true);
    expect(parseYesNo('+')).toBe(true);
    expect(parseYesNo('')).toBe(false);
    expect(parseYesNo('нет')).toBe(false);
    expect(parseYesNo('может быть')).toBeNull();
    expect(parseDocumentType('Паспорт РФ')).toBe('passport');
    expect(parseDocumentType('свидетельство о рождении')).toBe('birth_certificate');
    expect(parseDocumentType('загранпаспорт')).toBeNull();
  });
});

describe('checkRow', () => {
  it('normalises a valid row', () => {
    const result = checkRow(raw({ snils: '112-233-445 95', email: ' Ivan@Example.RU ', phone: '8 (900) 123-45-67', hasOvz: 'да' }), columns);
    expect(result).toMatchObject({ ok: true, value: { snils: '11223344595', email: 'ivan@example.ru', phone: '+79001234567', hasOvz: true, grade: 6 } });
  });

  it('restores the leading zeros Excel drops from a SNILS kept as a number', () => {
    expect(checkRow(raw({ snils: '112233450' }), columns)).toMatchObject({ ok: true, value: { snils: '00112233450' } });
  });

  it('names every faulty cell of a row with the form’s messages', () => {
    const result = checkRow(raw({ lastName: '', firstName: 'Иван2', birthDate: '31.02.2012', grade: '5', snils: '123', email: 'нет', hasOvz: 'возможно' }), columns);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.fromEntries(result.errors.map((e) => [e.field, e.message]))).toEqual({
      lastName: 'Не заполнено',
      firstName: 'Только буквы, пробел, дефис и апостроф',
      birthDate: 'Такой даты нет в календаре',
      grade: 'Класс — число от 6 до 11, можно с буквой: 7А',
      snils: 'СНИЛС состоит из 11 цифр',
      email: 'Проверьте адрес электронной почты',
      hasOvz: 'Напишите «да» или «нет»',
    });
    expect(result.errors.every((e) => e.row === 2)).toBe(true);
  });

  it('makes a NUL character in any cell an error of its row, never a value to store', () => {
    const result = checkRow(raw({ lastName: 'Ива\u0000нов', email: 'ivan@example.ru\u0000' }), columns);
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 2, field: 'lastName', message: expect.stringMatching(/NUL/) },
        { row: 2, field: 'email', message: expect.stringMatching(/NUL/) },
      ],
    });
  });

  it('treats a cell that starts like a formula as plain data', () => {
    const result = checkRow(raw({ lastName: '=HYPERLINK("http://evil","Иванов")', phone: '+7 900 123-45-67' }), columns);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ row: 2, field: 'lastName', message: 'Только буквы, пробел, дефис и апостроф' }]);
  });

  it('checks the document against the age, inferring its type from the age when only a number is given', () => {
    const twelve = russianDate(birthDateForAge(12));
    const fifteen = russianDate(birthDateForAge(15));
    expect(checkRow(raw({ birthDate: twelve, documentNumber: 'IV-МЮ 123456' }), columns)).toMatchObject({
      ok: true,
      value: { document: { type: 'birth_certificate', number: 'IV-МЮ 123456' } },
    });
    expect(checkRow(raw({ birthDate: fifteen, documentType: 'Паспорт', documentNumber: '4506 123456' }), columns)).toMatchObject({
      ok: true,
      value: { document: { type: 'passport', number: '4506123456' } },
    });
    expect(checkRow(raw({ birthDate: fifteen, documentType: 'Свидетельство о рождении', documentNumber: 'IV-МЮ 123456' }), columns)).toMatchObject({
      ok: false,
      errors: [{ field: 'documentType', message: 'С 14 лет документ — паспорт гражданина РФ' }],
    });
    expect(checkRow(raw({ documentType: 'Паспорт' }), columns)).toMatchObject({ ok: false, errors: [{ field: 'documentNumber' }] });
  });
});
