import { OPPORTUNITY_KINDS, OPPORTUNITY_KIND_LABELS, type OpportunityImportRow, type OpportunityKind } from '@common/guidance.js';
import {
  OPPORTUNITY_IMPORT_COLUMNS,
  opportunityInputSchema,
  type OpportunityImportColumn,
  type OpportunityInput,
} from '@common/schemas/opportunities.js';
import { normalizeHeader, parseImportDate, parseYesNo } from '@server/lib/spreadsheets/cells.js';
import type { RawRow } from '@server/lib/spreadsheets/file-reader.js';
import { NUL_MESSAGE, hasNul } from '@server/lib/text-guard.js';

export type ColumnMap = Partial<Record<OpportunityImportColumn, number>>;

const LABELS = Object.fromEntries(OPPORTUNITY_IMPORT_COLUMNS.map((c) => [c.key, c.label])) as Record<OpportunityImportColumn, string>;

const HEADER_KEYS = new Map<string, OpportunityImportColumn>(
  OPPORTUNITY_IMPORT_COLUMNS.flatMap((c) => [c.label, ...c.aliases].map((name) => [normalizeHeader(name), c.key] as const)),
);

export function mapOpportunityColumns(header: readonly string[]): { columns: ColumnMap; missing: string[] } {
  const columns: ColumnMap = {};
  header.forEach((cell, i) => {
    const key = HEADER_KEYS.get(normalizeHeader(cell));
    if (key && columns[key] === undefined) columns[key] = i;
  });
  const missing = OPPORTUNITY_IMPORT_COLUMNS.filter((c) => c.required && columns[c.key] === undefined).map((c) => c.label);
  return { columns, missing };
}

/** Words people write for each kind, besides its code and its label. */
const KIND_WORDS: Record<OpportunityKind, readonly string[]> = {
  college: ['колледж', 'техникум', 'спо'],
  university: ['вуз', 'университет', 'институт', 'во'],
  club: ['кружок', 'секция', 'дополнительное образование'],
  olympiad: ['олимпиада', 'конкурс'],
  employer: ['работодатель', 'предприятие', 'экскурсия', 'стажировка'],
  online_course: ['онлайн-курс', 'онлайн курс', 'курс'],
};

const KINDS = new Map<string, OpportunityKind>(
  OPPORTUNITY_KINDS.flatMap((kind) => [kind, OPPORTUNITY_KIND_LABELS[kind], ...KIND_WORDS[kind]].map((word) => [normalizeHeader(word), kind] as const)),
);

export function parseKind(text: string): OpportunityKind | null {
  return KINDS.get(normalizeHeader(text)) ?? null;
}

/** Items of a list cell: «;» or line breaks between them. */
export function splitList(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export interface ImportVocabulary {
  spheres: ReadonlyArray<{ id: number; code: string; name: string }>;
  competencies: ReadonlyArray<{ id: number; code: string; name: string }>;
  /** The cities a row may name: the region's, or every region's for a federal import. */
  cities: ReadonlyArray<{ id: number; name: string; regionName: string }>;
}

const key = (text: string) => text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

/** A lookup by name or code, ignoring case and ё. */
function indexByName(items: ReadonlyArray<{ id: number; code: string; name: string }>): Map<string, number> {
  const index = new Map<string, number>();
  for (const item of items) {
    index.set(key(item.name), item.id);
    index.set(key(item.code), item.id);
  }
  return index;
}

/** The input fields a column feeds; a schema's complaint about a field is shown at that column. */
const FIELD_COLUMNS: Record<string, OpportunityImportColumn> = {
  kind: 'kind',
  title: 'title',
  provider: 'provider',
  description: 'description',
  programmes: 'programmes',
  sphereIds: 'spheres',
  competencyIds: 'competencies',
  gradeFrom: 'gradeFrom',
  gradeTo: 'gradeTo',
  cityId: 'city',
  address: 'address',
  online: 'online',
  ovzAccessible: 'ovzAccessible',
  ovzNotes: 'ovzNotes',
  free: 'free',
  priceNote: 'priceNote',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
  url: 'url',
  contact: 'contact',
};

export type CheckedRow = { ok: true; value: OpportunityInput; preview: OpportunityImportRow } | { ok: false; preview: OpportunityImportRow };

/**
 * Builds the checker for one file: names resolve against the vocabulary, and the row then passes
 * the same schema as the form, so a row is accepted exactly when the form would accept it.
 */
export function rowChecker(columns: ColumnMap, vocabulary: ImportVocabulary): (raw: RawRow) => CheckedRow {
  const spheres = indexByName(vocabulary.spheres);
  const competencies = indexByName(vocabulary.competencies);
  const cities = new Map<string, number[]>();
  for (const city of vocabulary.cities) {
    for (const name of [key(city.name), key(`${city.name}, ${city.regionName}`)]) cities.set(name, [...(cities.get(name) ?? []), city.id]);
  }

  return (raw) => {
    const errors: OpportunityImportRow['errors'] = [];
    const fail = (column: OpportunityImportColumn, message: string) => {
      if (!errors.some((e) => e.column === LABELS[column])) errors.push({ column: LABELS[column], message });
    };
    const cell = (column: OpportunityImportColumn): string => {
      const index = columns[column];
      const value = index === undefined ? '' : (raw.cells[index] ?? '');
      if (hasNul(value)) {
        fail(column, NUL_MESSAGE);
        return '';
      }
      return value.trim();
    };
    const optional = (column: OpportunityImportColumn) => cell(column) || null;
    const yesNo = (column: OpportunityImportColumn, empty: boolean) => {
      const text = cell(column);
      if (text === '') return empty;
      const value = parseYesNo(text);
      if (value === null) fail(column, 'Напишите «да» или «нет»');
      return value ?? empty;
    };
    const grade = (column: OpportunityImportColumn) => {
      const text = cell(column);
      if (!/^\d{1,2}$/.test(text)) {
        fail(column, text === '' ? 'Укажите класс числом от 6 до 11' : 'Класс — число от 6 до 11');
        return 6;
      }
      return Number(text);
    };
    const date = (column: OpportunityImportColumn) => {
      const text = cell(column);
      if (text === '') return null;
      const iso = parseImportDate(text);
      if (!iso) fail(column, 'Дата — в виде ДД.ММ.ГГГГ');
      return iso;
    };
    const ids = (column: OpportunityImportColumn, index: Map<string, number>, what: string) =>
      splitList(cell(column)).flatMap((name) => {
        const id = index.get(key(name));
        if (id === undefined) fail(column, `${what} «${name}» нет в справочнике — проверьте написание`);
        return id === undefined ? [] : [id];
      });

    const kindText = cell('kind');
    const kind = parseKind(kindText);
    if (!kind) fail('kind', kindText === '' ? 'Укажите вид' : `Неизвестный вид «${kindText}»: колледж, вуз, кружок, олимпиада, работодатель или онлайн-курс`);

    const cityText = cell('city');
    let cityId: number | null = null;
    if (cityText !== '') {
      const found = cities.get(key(cityText)) ?? [];
      if (found.length === 1) cityId = found[0]!;
      else if (found.length > 1) fail('city', 'Город с таким названием есть в нескольких регионах — напишите «Город, Регион»');
      else fail('city', `Города «${cityText}» нет в справочнике городов — проверьте написание`);
    }

    const candidate = {
      kind: kind ?? 'club',
      title: cell('title'),
      provider: cell('provider'),
      description: cell('description'),
      programmes: splitList(cell('programmes')),
      sphereIds: [...new Set(ids('spheres', spheres, 'Сферы'))],
      competencyIds: [...new Set(ids('competencies', competencies, 'Компетенции'))],
      gradeFrom: grade('gradeFrom'),
      gradeTo: grade('gradeTo'),
      online: yesNo('online', false),
      cityId,
      address: optional('address'),
      ovzAccessible: yesNo('ovzAccessible', false),
      ovzNotes: optional('ovzNotes'),
      free: yesNo('free', true),
      priceNote: optional('priceNote'),
      startsOn: date('startsOn'),
      endsOn: date('endsOn'),
      url: optional('url'),
      contact: optional('contact'),
    };
    const parsed = opportunityInputSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = FIELD_COLUMNS[String(issue.path[0])];
        if (column) fail(column, issue.message);
      }
    }
    const order = new Map(OPPORTUNITY_IMPORT_COLUMNS.map((c, i) => [c.label as string, i]));
    errors.sort((a, b) => (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0));
    const preview: OpportunityImportRow = { row: raw.row, title: candidate.title, kind, errors };
    return errors.length === 0 && parsed.success ? { ok: true, value: parsed.data, preview } : { ok: false, preview };
  };
}
