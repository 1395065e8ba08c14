import { describe, expect, it } from 'vitest';
import { OPPORTUNITY_IMPORT_COLUMNS } from '@common/schemas/opportunities.js';
import { mapOpportunityColumns, parseKind, rowChecker, splitList } from './import-rows.js';

const header = OPPORTUNITY_IMPORT_COLUMNS.map((c) => c.label);
const vocabulary = {
  spheres: [{ id: 1, code: 'it', name: 'ИТ и цифровые технологии' }],
  competencies: [{ id: 5, code: 'web-technologies', name: 'Веб-технологии' }],
  cities: [
    { id: 10, name: 'Киров', regionName: 'Кировская область' },
    { id: 11, name: 'Советск', regionName: 'Кировская область' },
    { id: 12, name: 'Советск', regionName: 'Калининградская область' },
  ],
};
const cells = (values: Partial<Record<(typeof OPPORTUNITY_IMPORT_COLUMNS)[number]['key'], string>>) => OPPORTUNITY_IMPORT_COLUMNS.map((c) => values[c.key] ?? '');
const good = { kind: 'вуз', title: 'День абитуриента', provider: 'Университет', description: 'Экскурсия по лабораториям.', competencies: 'веб-технологии', gradeFrom: '9', gradeTo: '11', city: 'Киров' };

describe('opportunity import rows', () => {
  const { columns, missing } = mapOpportunityColumns(header.map((h) => ` ${h.toUpperCase()}* `));
  const check = rowChecker(columns, vocabulary);

  it('finds columns whatever their case and marks, and names missing required ones', () => {
    expect(missing).toEqual([]);
    expect(mapOpportunityColumns(['Название']).missing).toEqual(['Вид', 'Организация', 'Описание', 'Класс с', 'Класс по']);
  });

  it('reads kinds by word, lists by «;» or line breaks', () => {
    expect(parseKind('Колледж')).toBe('college');
    expect(parseKind('онлайн-курс')).toBe('online_course');
    expect(parseKind('Олимпиада или конкурс')).toBe('olympiad');
    expect(parseKind('планетарий')).toBeNull();
    expect(splitList('а; б\nв;;')).toEqual(['а', 'б', 'в']);
  });

  it('turns a good row into the form’s input, names resolved', () => {
    const result = check({ row: 2, cells: cells({ ...good, spheres: 'it', free: '', ovzAccessible: 'да', ovzNotes: 'Пандус' }) });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ kind: 'university', competencyIds: [5], sphereIds: [1], cityId: 10, free: true, ovzAccessible: true, status: 'published' });
  });

  it('reports each fault at its column, once', () => {
    const result = check({ row: 7, cells: cells({ ...good, kind: 'планетарий', gradeFrom: 'пятый', competencies: 'Танцы', city: 'Советск', url: 'javascript:alert(1)', title: 'Кружок <i>курсив</i>' }) });
    expect(result.ok).toBe(false);
    const byColumn = Object.fromEntries(result.preview.errors.map((e) => [e.column, e.message]));
    expect(Object.keys(byColumn)).toEqual(['Вид', 'Название', 'Компетенции', 'Класс с', 'Город', 'Ссылка']);
    expect(byColumn['Город']).toContain('«Город, Регион»');
    expect(byColumn['Компетенции']).toContain('«Танцы»');
    expect(result.preview.row).toBe(7);
  });

  it('asks for the price of a paid one', () => {
    const result = check({ row: 4, cells: cells({ ...good, free: 'нет' }) });
    expect(result.preview.errors).toEqual([{ column: 'Стоимость', message: 'Укажите стоимость или условия оплаты' }]);
  });

  it('tells a region’s city apart by «Город, Регион»', () => {
    const result = check({ row: 3, cells: cells({ ...good, city: 'Советск, Калининградская область' }) });
    expect(result.ok && result.value.cityId).toBe(12);
  });
});
