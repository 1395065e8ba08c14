import type { z } from 'zod';
import {
  IMPORT_COLUMNS,
  checkChildDocument,
  type ChildDocumentType,
  type ImportColumnKey,
} from '@common/participants.js';
import { documentTypeForAge } from '@common/participation.js';
import {
  emailSchema,
  optionalPersonNameSchema,
  participantBirthDateSchema,
  personNameSchema,
  phoneSchema,
  snilsSchema,
} from '@common/schemas/fields.js';
import { GRADES, ageOn, todayInMoscow } from '@common/validators.js';
import type { ImportRowError } from '@common/schemas/participants.js';
import { NUL_MESSAGE, hasNul } from '@server/lib/text-guard.js';
import type { RawRow } from '@server/lib/spreadsheets/file-reader.js';
import { normalizeHeader, parseImportDate, parseYesNo } from '@server/lib/spreadsheets/cells.js';

/** A row that passed every check, normalised the way it will be stored. */
export interface ImportRow {
  row: number;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  grade: number;
  snils: string;
  email: string;
  phone: string | null;
  document: { type: ChildDocumentType; number: string } | null;
  hasOvz: boolean;
}

export type ColumnMap = Partial<Record<ImportColumnKey, number>>;

const HEADER_KEYS = new Map<string, ImportColumnKey>(
  IMPORT_COLUMNS.flatMap((c) => [c.label, ...c.aliases].map((name) => [normalizeHeader(name), c.key] as const)),
);

/** Where each known column is; the labels of required columns that are missing. */
export function mapColumns(header: readonly string[]): { columns: ColumnMap; missing: string[] } {
  const columns: ColumnMap = {};
  header.forEach((cell, i) => {
    const key = HEADER_KEYS.get(normalizeHeader(cell));
    if (key && columns[key] === undefined) columns[key] = i;
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && columns[c.key] === undefined).map((c) => c.label);
  return { columns, missing };
}

/** "7", "7А", "7 б", "7-В", "7 класс": schools write the class letter along; only the number counts. */
export function parseGrade(text: string): number | null {
  // Each optional part starts with its own kind of character, so a long run of spaces is not split
  // between adjacent \s* in every possible way (that took minutes for one crafted cell).
  const m = /^(\d{1,2})\s*(?:[-–]\s*)?(?:\p{L}\s*)?(?:класс)?$/iu.exec(text.trim());
  if (!m) return null;
  const grade = Number(m[1]);
  return grade >= GRADES.min && grade <= GRADES.max ? grade : null;
}

export function parseDocumentType(text: string): ChildDocumentType | null {
  const value = text.trim().toLowerCase();
  if (value.startsWith('пасп')) return 'passport';
  if (value.startsWith('свид')) return 'birth_certificate';
  return null;
}

/** SNILS typed without dashes into Excel becomes a number and loses its leading zeros. */
function restoreSnilsZeros(text: string): string {
  return /^\d{9,10}$/.test(text) ? text.padStart(11, '0') : text;
}

function firstIssue<T>(schema: z.ZodType<T>, value: unknown): { ok: true; value: T } | { ok: false; message: string } {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: result.error.issues[0]?.message ?? 'Неверное значение' };
}

export type RowCheck = { ok: true; value: ImportRow } | { ok: false; errors: ImportRowError[] };

/** Checks one row with the same rules as the registration form; every faulty cell gets its message. */
export function checkRow(raw: RawRow, columns: ColumnMap): RowCheck {
  const cell = (key: ImportColumnKey) => {
    const i = columns[key];
    return i === undefined ? '' : (raw.cells[i] ?? '').trim();
  };
  const errors: ImportRowError[] = [];
  const fail = (field: ImportColumnKey, message: string) => errors.push({ row: raw.row, field, message });
  const withNul = IMPORT_COLUMNS.filter((c) => hasNul(cell(c.key)));
  if (withNul.length > 0) {
    for (const c of withNul) fail(c.key, NUL_MESSAGE);
    return { ok: false, errors };
  }
  const required = <T>(key: ImportColumnKey, schema: z.ZodType<T>, value: unknown = cell(key)): T | undefined => {
    if (cell(key) === '') {
      fail(key, 'Не заполнено');
      return undefined;
    }
    const checked = firstIssue(schema, value);
    if (checked.ok) return checked.value;
    fail(key, checked.message);
    return undefined;
  };

  const lastName = required('lastName', personNameSchema);
  const firstName = required('firstName', personNameSchema);
  const middle = firstIssue(optionalPersonNameSchema, cell('middleName'));
  if (!middle.ok) fail('middleName', middle.message);

  let birthDate: string | undefined;
  if (cell('birthDate') === '') fail('birthDate', 'Не заполнено');
  else {
    const iso = parseImportDate(cell('birthDate'));
    if (!iso) fail('birthDate', 'Дата в формате ДД.ММ.ГГГГ, например 15.03.2012');
    else birthDate = required('birthDate', participantBirthDateSchema, iso);
  }

  let grade: number | undefined;
  if (cell('grade') === '') fail('grade', 'Не заполнено');
  else {
    grade = parseGrade(cell('grade')) ?? undefined;
    if (grade === undefined) fail('grade', `Класс — число от ${GRADES.min} до ${GRADES.max}, можно с буквой: 7А`);
  }

  const snils = required('snils', snilsSchema, restoreSnilsZeros(cell('snils')));
  const email = required('email', emailSchema);

  let phone: string | null = null;
  if (cell('phone') !== '') {
    const checked = firstIssue(phoneSchema, cell('phone'));
    if (checked.ok) phone = checked.value;
    else fail('phone', checked.message);
  }

  const hasOvz = parseYesNo(cell('hasOvz'));
  if (hasOvz === null) fail('hasOvz', 'Напишите «да» или «нет»');

  const document = checkDocument(cell('documentType'), cell('documentNumber'), birthDate, fail);

  if (errors.length > 0 || !lastName || !firstName || !birthDate || grade === undefined || !snils || !email || !middle.ok) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      row: raw.row,
      lastName,
      firstName,
      middleName: middle.value || null,
      birthDate,
      grade,
      snils,
      email,
      phone,
      document: document ?? null,
      hasOvz: hasOvz ?? false,
    },
  };
}

function checkDocument(
  typeText: string,
  number: string,
  birthDate: string | undefined,
  fail: (field: ImportColumnKey, message: string) => void,
): ImportRow['document'] | undefined {
  if (typeText === '' && number === '') return null;
  let type: ChildDocumentType | null = null;
  if (typeText !== '') {
    type = parseDocumentType(typeText);
    if (!type) {
      fail('documentType', 'Напишите «Паспорт» или «Свидетельство о рождении»');
      return undefined;
    }
  }
  if (number === '') {
    fail('documentNumber', 'Укажите серию и номер документа или оставьте «Документ» пустым');
    return undefined;
  }
  if (number.length > 30) {
    fail('documentNumber', 'Слишком длинно для серии и номера');
    return undefined;
  }
  // The type follows from the age when only the number was filled in; no valid date, nothing to check against.
  if (!birthDate) return undefined;
  const checked = checkChildDocument(type ?? documentTypeForAge(ageOn(birthDate, todayInMoscow())), number, birthDate);
  if (!checked.ok) {
    fail(checked.field, checked.message);
    return undefined;
  }
  return { type: checked.type, number: checked.number };
}
