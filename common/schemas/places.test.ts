import { describe, expect, it } from 'vitest';
import { createPlaceSchema, updatePlaceSchema } from './places.js';

const valid = { name: 'Мастерские', cityId: 1, address: 'ул. Ленина, 1', rooms: [{ name: 'Цех', capacity: 12 }], accessibility: ['step_free'] };

function fieldErrors(input: unknown, schema: typeof createPlaceSchema | typeof updatePlaceSchema = createPlaceSchema) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('place schema', () => {
  it('trims texts, drops repeated features, empties notes to null and defaults the lists', () => {
    expect(createPlaceSchema.parse({ ...valid, name: '  Мастерские ', accessibility: ['elevator', 'elevator'], accessibilityNotes: '  ' })).toEqual({
      ...valid,
      accessibility: ['elevator'],
      accessibilityNotes: null,
    });
    expect(createPlaceSchema.parse({ name: 'Зал', cityId: 1, address: 'ул. Мира, 2' })).toEqual({
      name: 'Зал',
      cityId: 1,
      address: 'ул. Мира, 2',
      rooms: [],
      accessibility: [],
    });
  });

  it('names the field and says what is wrong, in Russian', () => {
    expect(fieldErrors({ ...valid, accessibility: ['lift'] })).toEqual({ 'accessibility.0': 'Выберите особенность доступности из списка' });
    expect(fieldErrors({ ...valid, rooms: [{ name: '', capacity: 5 }] })).toEqual({ 'rooms.0.name': 'Заполните поле «Название помещения»' });
    expect(fieldErrors({ ...valid, rooms: [{ name: 'Цех', capacity: 0 }] })).toEqual({ 'rooms.0.capacity': 'Вместимость — целое число от 1 до 1000' });
    expect(fieldErrors({ ...valid, rooms: [{ name: 'Цех', capacity: 5 }, { name: ' ЦЕХ ', capacity: 5 }] })).toEqual({
      'rooms.1.name': 'Такое помещение уже есть в списке',
    });
    expect(fieldErrors({ ...valid, name: 'З' })).toEqual({ name: '«Название» — не короче 2 символов' });
    expect(fieldErrors({ ...valid, address: 'а'.repeat(301) })).toEqual({ address: '«Адрес» — не длиннее 300 символов' });
    expect(fieldErrors({ ...valid, cityId: undefined })).toEqual({ cityId: 'Выберите город' });
  });

  it('accepts a change of any one field and refuses an empty one', () => {
    expect(updatePlaceSchema.parse({ rooms: [] })).toEqual({ rooms: [] });
    expect(updatePlaceSchema.parse({ accessibilityNotes: null })).toEqual({ accessibilityNotes: null });
    expect(fieldErrors({}, updatePlaceSchema)).toEqual({ '': 'Нечего сохранять: ни одно поле не изменено' });
  });
});
