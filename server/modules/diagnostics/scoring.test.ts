import { describe, expect, it } from 'vitest';
import { definitionSchema, type TestDefinitionInput } from '@common/diagnostics/definition.js';
import type { AnswerValue } from '@common/diagnostics/answers.js';
import { aggregateFootprint, contributionsOf, directionMeans, normFor, scoreTest } from './scoring.js';

const levels = [
  { from: 0, to: 49, title: 'Низкий', text: 'Пока слабо выражено.' },
  { from: 50, to: 100, title: 'Высокий', text: 'Выражено ярко.' },
];

function definition(scales: TestDefinitionInput['scales'], items: TestDefinitionInput['items']) {
  return definitionSchema.parse({
    format: 1,
    slug: 'scoring-sample',
    kind: 'test',
    title: 'Проверка подсчёта',
    summary: 'Для модульных тестов',
    description: 'Задания с известными ответами',
    gradeBands: ['6-7'],
    durationMinutes: 5,
    source: 'Команда Билета',
    licence: 'CC BY 4.0',
    items,
    scales,
  });
}

const likertItems: TestDefinitionInput['items'] = [
  { id: 'q1', type: 'likert', points: 5, text: 'Мне нравится чинить вещи' },
  { id: 'q2', type: 'likert', points: 5, text: 'Я собираю модели' },
  { id: 'q3', type: 'likert', points: 5, text: 'Я разбираю технику' },
];

const answers = (entries: Record<string, AnswerValue>) => new Map(Object.entries(entries));

describe('scoring a test', () => {
  it('sums weighted likert answers, counting a reverse-keyed item from the other end', () => {
    const def = definition(
      [{ id: 'tech', title: 'Техника', keys: [{ item: 'q1', reverse: true }, { item: 'q2' }, { item: 'q3', weight: 2 }], levels }],
      likertItems,
    );
    // q1 = 2 reversed on 5 points is 4; q2 = 5; q3 = 3 × 2 = 6: raw 15 of 4…20, so (15 − 4) / 16 = 68.75 %.
    const [tech] = scoreTest(def, answers({ q1: 2, q2: 5, q3: 3 }), '6-7');
    expect(tech).toMatchObject({ raw: 15, score: 69, norm: null, level: { title: 'Высокий' } });
  });

  it('turns the raw score into a sten from the grade band norms', () => {
    const def = definition(
      [
        {
          id: 'tech',
          title: 'Техника',
          keys: [{ item: 'q1', reverse: true }, { item: 'q2' }, { item: 'q3', weight: 2 }],
          norms: {
            kind: 'sten',
            bands: {
              '6-7': [
                { from: 4, to: 8, score: 2 },
                { from: 8, to: 12, score: 4 },
                { from: 12, to: 16, score: 7 },
                { from: 16, to: 20, score: 9 },
              ],
            },
          },
          levels,
        },
      ],
      likertItems,
    );
    // raw 15 falls in [12, 16): sten 7, shown as (7 − 1) / 9 = 66.7 %.
    expect(scoreTest(def, answers({ q1: 2, q2: 5, q3: 3 }), '6-7')[0]).toMatchObject({ raw: 15, score: 67, norm: { kind: 'sten', value: 7 } });
    // The top of the last row belongs to it: the highest raw score, 20, is sten 9.
    expect(scoreTest(def, answers({ q1: 1, q2: 5, q3: 5 }), '6-7')[0]).toMatchObject({ raw: 20, norm: { value: 9 }, score: 89 });
  });

  it('averages a mean scale over its items', () => {
    const def = definition([{ id: 'm', title: 'Среднее', method: 'mean', keys: [{ item: 'q1', reverse: true }, { item: 'q2' }], levels }], likertItems);
    // (4 + 5) / 2 = 4.5 on 1…5: 3.5 / 4 = 87.5 %.
    expect(scoreTest(def, answers({ q1: 2, q2: 5, q3: 1 }), '6-7')[0]).toMatchObject({ raw: 4.5, score: 88 });
  });

  it('scores choices, rankings and numbers by their keys', () => {
    const def = definition(
      [
        {
          id: 'mix',
          title: 'Смешанная',
          keys: [
            { item: 'pick', option: 'b', weight: 2 },
            { item: 'order', option: 'b' },
            { item: 'count', correct: 12, tolerance: 1 },
            { item: 'hours', weight: 2 },
          ],
          levels,
        },
      ],
      [
        { id: 'pick', type: 'single', text: 'Выберите', options: [{ id: 'a', text: 'А' }, { id: 'b', text: 'Б' }] },
        {
          id: 'order',
          type: 'ranking',
          text: 'Расставьте',
          options: [{ id: 'a', text: 'А' }, { id: 'b', text: 'Б' }, { id: 'c', text: 'В' }, { id: 'd', text: 'Г' }],
        },
        { id: 'count', type: 'numeric', text: 'Сколько?', min: 0, max: 100 },
        { id: 'hours', type: 'numeric', text: 'Часов в неделю', min: 0, max: 40 },
      ],
    );
    // pick b: 2; b ranked second of four: (3 − 1) / 3 = 0.667; 13 is within 1 of 12: 1; 10 of 0…40 hours × 2: 0.5.
    // Range 0…(2 + 1 + 1 + 2) = 6, so 4.1667 / 6 = 69.4 %.
    const [mix] = scoreTest(def, answers({ pick: 'b', order: ['c', 'b', 'a', 'd'], count: 13, hours: 10 }), '6-7');
    expect(mix).toMatchObject({ raw: 4.17, score: 69 });
    expect(scoreTest(def, answers({ pick: 'a', order: ['b', 'a', 'c', 'd'], count: 14, hours: 40 }), '6-7')[0]).toMatchObject({ raw: 3, score: 50 });
  });

  it('takes the nearest norm row for a raw score beyond the table', () => {
    const rows = [
      { from: 0, to: 5, score: 3 },
      { from: 5, to: 10, score: 8 },
    ];
    expect(normFor(rows, 5)).toBe(8);
    expect(normFor(rows, 10)).toBe(8);
    expect(normFor(rows, 12)).toBe(8);
    expect(normFor(rows, -1)).toBe(3);
  });
});

describe('the footprint', () => {
  const def = definition(
    [
      { id: 'a', title: 'А', keys: [{ item: 'q1' }], maps: [{ dimension: 'sphere:it' }, { dimension: 'awareness:it', weight: 0.5 }], levels },
      { id: 'b', title: 'Б', keys: [{ item: 'q2' }], maps: [{ dimension: 'sphere:it', weight: 0.5 }], levels },
    ],
    likertItems,
  );
  const scales = [
    { id: 'a', title: 'А', raw: 0, score: 67, norm: null, level: levels[1]! },
    { id: 'b', title: 'Б', raw: 0, score: 88, norm: null, level: levels[1]! },
  ];

  it('maps each scale onto its dimensions with their weights', () => {
    // sphere:it = (67 × 1 + 88 × 0.5) / 1.5 = 74.
    expect(contributionsOf(def, scales)).toEqual([
      { dimension: 'sphere:it', value: 74, weight: 1.5 },
      { dimension: 'awareness:it', value: 67, weight: 0.5 },
    ]);
  });

  it('takes the weighted mean over sources and counts them', () => {
    const rows = [
      ...contributionsOf(def, scales).map((c) => ({ ...c, sourceKey: 'test:x' })),
      { sourceKey: 'test:y', dimension: 'sphere:it', value: 50, weight: 1 },
    ];
    // (74 × 1.5 + 50 × 1) / 2.5 = 64.4.
    const dims = aggregateFootprint(rows);
    expect(dims).toEqual({ 'sphere:it': { value: 64, sources: 2 }, 'awareness:it': { value: 67, sources: 1 } });
    expect(directionMeans(dims)).toEqual({ personal: null, skills: null, interests: 64, awareness: 67 });
  });
});
