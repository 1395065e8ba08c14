import { describe, expect, it } from 'vitest';
import { definitionSchema } from '@common/diagnostics/definition.js';
import { itemStatistics } from './item-statistics.js';

const levels = [{ from: 0, to: 100, title: 'Любой', text: 'Текст интерпретации.' }];
const def = definitionSchema.parse({
  format: 1,
  slug: 'stats-sample',
  kind: 'test',
  title: 'Проверка статистики',
  summary: 'Для модульных тестов',
  description: 'Три задания одной шкалы',
  gradeBands: ['8-9'],
  durationMinutes: 3,
  source: 'Команда Билета',
  licence: 'CC BY 4.0',
  items: ['q1', 'q2', 'q3'].map((id) => ({ id, type: 'likert', points: 5, text: `Утверждение ${id}` })),
  scales: [{ id: 's', title: 'Шкала', keys: [{ item: 'q1' }, { item: 'q2' }, { item: 'q3' }], levels }],
});

const rows = [
  [1, 2, 1],
  [2, 3, 2],
  [4, 4, 5],
  [5, 5, 4],
].map(([a, b, c]) => new Map([['q1', a!], ['q2', b!], ['q3', c!]]));

describe('item statistics', () => {
  it('computes facility, corrected item-total correlation and Cronbach’s alpha', () => {
    const [scale] = itemStatistics(def, rows);
    // Item variances 10/3, 5/3, 10/3; totals 4, 7, 13, 14 have variance 23: α = 3/2 × (1 − 8.333/23) = 0.957.
    expect(scale!.alpha).toBe(0.957);
    // q1 = 1, 2, 4, 5 on 1…5: shares 0, .25, .75, 1.
    expect(scale!.items[0]).toMatchObject({ itemId: 'q1', facility: 0.5, discrimination: 0.974, weak: false });
    expect(scale!.items[1]).toMatchObject({ itemId: 'q2', facility: 0.625 });
  });

  it('flags an item everyone answers the same way', () => {
    const flat = rows.map((r) => new Map([...r, ['q3', 5]]));
    const [scale] = itemStatistics(def, flat);
    expect(scale!.items[2]).toMatchObject({ itemId: 'q3', facility: 1, discrimination: null, weak: true });
  });
});
