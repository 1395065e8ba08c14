import { describe, expect, it } from 'vitest';
import { awarenessLevelIssues, awarenessLevelsUpdateSchema, competencyCreateSchema } from './reference.js';

const bounds = (...pairs: Array<[number, number]>) => pairs.map(([minScore, maxScore], i) => ({ code: `l${i}`, name: `Уровень ${i}`, minScore, maxScore }));

describe('awareness level coverage', () => {
  it('accepts levels that cover 0–100 once, in any order', () => {
    expect(awarenessLevelIssues(bounds([0, 39], [40, 69], [70, 100]))).toEqual([]);
    expect(awarenessLevelIssues(bounds([70, 100], [0, 39], [40, 69]))).toEqual([]);
  });

  it('names the level after a gap or an overlap by its index as given', () => {
    expect(awarenessLevelIssues(bounds([70, 100], [0, 39], [45, 69]))).toEqual([
      { index: 2, field: 'minScore', message: 'Разрыв: баллы 40–44 не попадают ни в один уровень. Начните этот уровень с 40' },
    ]);
    expect(awarenessLevelIssues(bounds([0, 39], [41, 69], [70, 100]))[0]!.message).toContain('балл 40 не попадает');
    expect(awarenessLevelIssues(bounds([0, 39], [30, 69], [70, 100]))).toEqual([
      { index: 1, field: 'minScore', message: 'Пересекается с уровнем «Уровень 0»: начните этот уровень с 40' },
    ]);
  });

  it('wants 0 at the start, 100 at the end and unique codes', () => {
    const issues = awarenessLevelIssues([...bounds([1, 39], [40, 99]), { code: 'l0', name: 'Копия', minScore: 100, maxScore: 100 }]);
    expect(issues.map((i) => [i.index, i.field])).toEqual([
      [2, 'code'],
      [0, 'minScore'],
    ]);
    expect(awarenessLevelIssues(bounds([0, 39], [40, 99])).map((i) => [i.index, i.field])).toEqual([[1, 'maxScore']]);
  });

  it('leaves coverage alone while a level has its bounds upside down, which the item schema reports', () => {
    const result = awarenessLevelsUpdateSchema.safeParse({
      levels: bounds([0, 39], [69, 40], [70, 100]).map((b) => ({ ...b, pupilText: 'Текст', parentText: 'Текст' })),
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['levels.1.maxScore']);
  });
});

describe('competency codes', () => {
  it.each(['cnc-turning', 'bim', '3d-print'])('accepts %s', (code) => {
    expect(competencyCreateSchema.safeParse({ sphereId: 1, code, name: 'Компетенция' }).success).toBe(true);
  });
  it.each(['CNC', 'токарь', '-x', 'a--b', 'a_b', 'a b'])('refuses %s', (code) => {
    expect(competencyCreateSchema.safeParse({ sphereId: 1, code, name: 'Компетенция' }).success).toBe(false);
  });
});
