import { documentTypeForAge } from './participation.js';
import { ageOn, normalizeBirthCertificate, normalizePassport, todayInMoscow } from './validators.js';

/** Filters of the staff participants list: what still stands between a pupil and the programme. */
export const PARTICIPANT_STATUS_FILTERS = {
  not_activated: 'Не активировал кабинет',
  no_parent: 'Нет связи с родителем',
  no_consent: 'Нет согласия родителя',
  no_navigator: 'Без навигатора',
  not_tested: 'Не прошёл ни одного теста',
} as const;
export type ParticipantStatusFilter = keyof typeof PARTICIPANT_STATUS_FILTERS;

export const DOCUMENT_TYPE_LABELS = {
  passport: 'Паспорт',
  birth_certificate: 'Свидетельство о рождении',
} as const;
export type ChildDocumentType = keyof typeof DOCUMENT_TYPE_LABELS;

export type ChildDocumentCheck =
  | { ok: true; type: ChildDocumentType; number: string }
  | { ok: false; field: 'documentType' | 'documentNumber'; message: string };

/**
 * A pupil's identity document as the programme accepts it: the type the age calls for (a passport
 * from 14) and a number in that document's format, normalised the way it is stored.
 */
export function checkChildDocument(type: ChildDocumentType, number: string, birthDate: string): ChildDocumentCheck {
  const expected = documentTypeForAge(ageOn(birthDate, todayInMoscow()));
  if (type !== expected) {
    return {
      ok: false,
      field: 'documentType',
      message: expected === 'passport' ? 'С 14 лет документ — паспорт гражданина РФ' : 'До 14 лет документ — свидетельство о рождении',
    };
  }
  const normalized = type === 'passport' ? normalizePassport(number) : normalizeBirthCertificate(number);
  if (!normalized) {
    return {
      ok: false,
      field: 'documentNumber',
      message:
        type === 'passport'
          ? 'Паспорт: 4 цифры серии и 6 цифр номера, например 45 06 123456'
          : 'Свидетельство: серия и номер, например IV-МЮ 123456',
    };
  }
  return { ok: true, type, number: normalized };
}

/** Columns of the import file. Headers are matched ignoring case, ё, asterisks and notes in brackets. */
export const IMPORT_COLUMNS = [
  { key: 'lastName', label: 'Фамилия', required: true, aliases: [] },
  { key: 'firstName', label: 'Имя', required: true, aliases: [] },
  { key: 'middleName', label: 'Отчество', required: false, aliases: [] },
  { key: 'birthDate', label: 'Дата рождения', required: true, aliases: ['дата рожд.', 'др'] },
  { key: 'grade', label: 'Класс', required: true, aliases: [] },
  { key: 'snils', label: 'СНИЛС', required: true, aliases: ['номер снилс'] },
  { key: 'email', label: 'Электронная почта', required: true, aliases: ['email', 'e-mail', 'почта', 'эл. почта', 'эл.почта', 'адрес электронной почты'] },
  { key: 'phone', label: 'Телефон', required: false, aliases: ['мобильный телефон', 'номер телефона'] },
  { key: 'documentType', label: 'Документ', required: false, aliases: ['вид документа', 'тип документа'] },
  { key: 'documentNumber', label: 'Серия и номер документа', required: false, aliases: ['номер документа', 'серия и номер'] },
  { key: 'hasOvz', label: 'ОВЗ', required: false, aliases: ['ограниченные возможности здоровья'] },
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

export const IMPORT_COLUMN_LABELS = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.label])) as Record<ImportColumnKey, string>;

/** What became of a row that did not simply create a new pupil. */
export const IMPORT_OUTCOME_LABELS = {
  matched: 'Найден в программе и прикреплён к школе',
  already_registered: 'Уже зарегистрирован в вашей школе — пропущен',
  duplicate_in_file: 'Повтор строки файла — пропущен',
  failed: 'Не загружен',
} as const;
export type ImportOutcome = keyof typeof IMPORT_OUTCOME_LABELS;

export const IMPORT_STATUS_LABELS = {
  preview: 'Проверен, ждёт подтверждения',
  queued: 'В очереди',
  running: 'Загружается',
  done: 'Загружен',
  failed: 'Прерван из-за ошибки',
  cancelled: 'Отменён',
} as const;
export type ImportStatus = keyof typeof IMPORT_STATUS_LABELS;
