import { IMPORT_COLUMNS } from '@common/participants.js';
import { formatSnils } from '@common/validators.js';
import { exportTable, type ExportedFile, type SpreadsheetFormat } from '@server/lib/spreadsheets/export.js';

/** The example row's SNILS: a valid number nobody holds as a pupil, so the row is recognised if left in. */
export const EXAMPLE_SNILS = '11223344595';
export const EXAMPLE_EMAIL = 'ivanov.ivan@example.ru';

function exampleBirthDate(today: Date): string {
  const year = today.getUTCFullYear() - 15;
  return `01.09.${year}`;
}

/** The import template: the columns in order and one example row, with dates that stay valid as years pass. */
export function importTemplate(format: SpreadsheetFormat, today = new Date()): Promise<ExportedFile> {
  const example: Record<(typeof IMPORT_COLUMNS)[number]['key'], string> = {
    lastName: 'Иванов',
    firstName: 'Иван',
    middleName: 'Сергеевич',
    birthDate: exampleBirthDate(today),
    grade: '9А',
    snils: formatSnils(EXAMPLE_SNILS),
    email: EXAMPLE_EMAIL,
    phone: '8 900 123-45-67',
    documentType: 'Паспорт',
    documentNumber: '45 06 123456',
    hasOvz: 'нет',
  };
  return exportTable(
    format,
    'Ученики',
    IMPORT_COLUMNS.map((c) => (c.required ? `${c.label}*` : c.label)),
    [IMPORT_COLUMNS.map((c) => example[c.key])],
    [18, 16, 18, 16, 9, 17, 30, 18, 24, 24, 8],
  );
}
