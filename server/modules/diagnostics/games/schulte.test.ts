import { describe, expect, it } from 'vitest';
import { schulteStimulusSchema, type SchulteClick, type SchulteStimulus } from '@common/diagnostics/games.js';
import { GAME_ENGINES } from './index.js';
import { schulteStimulus } from './schulte.js';

const engine = GAME_ENGINES.schulte;
const SEED = 314;

/**
 * Plays the tables in order, one click every `stepMs`; `errorsPerTable` wrong clicks (on the
 * cell holding the largest number) come just before the number 10 of each table.
 */
function play(stimulus: SchulteStimulus, { stepMs, errorsPerTable = 0, tables = stimulus.tables.length }: { stepMs: number; errorsPerTable?: number; tables?: number }): SchulteClick[] {
  const clicks: SchulteClick[] = [];
  let t = 0;
  const cells = stimulus.size * stimulus.size;
  stimulus.tables.slice(0, tables).forEach((numbers, table) => {
    for (let n = 1; n <= cells; n++) {
      if (n === 10) for (let e = 0; e < errorsPerTable; e++) clicks.push({ table, cell: numbers.indexOf(cells), t: (t += stepMs) });
      clicks.push({ table, cell: numbers.indexOf(n), t: (t += stepMs) });
    }
  });
  return clicks;
}

const stimulus = schulteStimulus(SEED);

function refusal(clicks: unknown) {
  const verdict = engine.score(SEED, '8-9', { clicks });
  expect(verdict.ok).toBe(false);
  return verdict.ok ? '' : verdict.message;
}

describe('schulte tables', () => {
  it('draws three shuffled 5×5 tables from the seed, the same every time', () => {
    expect(schulteStimulusSchema.parse(engine.stimulus(SEED, '6-7'))).toEqual(stimulus);
    expect(stimulus.size).toBe(5);
    expect(stimulus.tables).toHaveLength(3);
    for (const table of stimulus.tables) expect([...table].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(new Set(stimulus.tables.map((t) => t.join()))).toHaveProperty('size', 3);
    expect(schulteStimulus(SEED + 1)).not.toEqual(stimulus);
  });

  it('scores speed against the band and takes points off for errors', () => {
    // 26 clicks of 1.2 s per table = 31.2 s; 8–9: (70 − 31.2) / (70 − 25) = 86.2 %, minus 5 × 3 errors / 3 tables = 81.2.
    // Accuracy: 100 × (1 − 5 × 3 / 78) = 80.8.
    expect(engine.score(SEED, '8-9', { clicks: play(stimulus, { stepMs: 1200, errorsPerTable: 1 }) })).toEqual({
      ok: true,
      score: {
        metrics: { attention: 81, accuracy: 81 },
        durationMs: 93_600,
        summary: { tables: 3, meanSecondsPerTable: 31.2, bestTableSeconds: 31.2, errors: 3 },
      },
    });
    // 25 s per table; 10–11: (60 − 25) / (60 − 20) = 87.5 → 88; no errors, full accuracy.
    const clean = engine.score(SEED, '10-11', { clicks: play(stimulus, { stepMs: 1000 }) });
    expect(clean.ok && clean.score.metrics).toEqual({ attention: 88, accuracy: 100 });
    // 100 s per table is slower than the 6–7 limit of 80 s.
    const slow = engine.score(SEED, '6-7', { clicks: play(stimulus, { stepMs: 4000 }) });
    expect(slow.ok && slow.score.metrics).toEqual({ attention: 0, accuracy: 100 });
    const careless = engine.score(SEED, '6-7', { clicks: play(stimulus, { stepMs: 400, errorsPerTable: 4 }) });
    // 29 × 0.4 = 11.6 s is faster than the best 30 s: 100 − 5 × 4 = 80; 100 × (1 − 5 × 12 / 87) = 31.0.
    expect(careless.ok && careless.score.metrics).toEqual({ attention: 80, accuracy: 31 });
  });

  it('measures each table from the end of the one before', () => {
    const clicks = play(stimulus, { stepMs: 1000 });
    // The second table takes 10 s longer: tables of 25, 35 and 25 s.
    for (const c of clicks.slice(25)) c.t += 10_000;
    const verdict = engine.score(SEED, '10-11', { clicks });
    expect(verdict.ok && verdict.score.summary).toEqual({ tables: 3, meanSecondsPerTable: 28.3, bestTableSeconds: 25, errors: 0 });
  });

  it('refuses a game that took no time', () => {
    expect(refusal(play(stimulus, { stepMs: 0 }))).toMatch(/за 0 секунд/);
  });

  it('refuses time running backwards', () => {
    const clicks = play(stimulus, { stepMs: 1000 });
    clicks[5]!.t = clicks[3]!.t;
    expect(refusal(clicks)).toMatch(/идёт назад/);
  });

  it('refuses clicks faster than a person', () => {
    expect(refusal(play(stimulus, { stepMs: 50 }))).toMatch(/быстрее, чем успевает человек/);
    const clicks = play(stimulus, { stepMs: 1000 });
    clicks[40]!.t = clicks[39]!.t + 79;
    expect(refusal(clicks)).toMatch(/быстрее/);
  });

  it('refuses a cell the table does not have', () => {
    const clicks = play(stimulus, { stepMs: 1000 });
    clicks[3]!.cell = 25;
    expect(refusal(clicks)).toBe('Нажатие на клетку, которой нет в таблице. Пройди игру ещё раз.');
  });

  it('refuses missing tables, clicks in the wrong table and clicks after the end', () => {
    expect(refusal(play(stimulus, { stepMs: 1000, tables: 2 }))).toBe(
      'Пройдено таблиц: 2 из 3. Результат засчитывается только за всю игру. Пройди игру ещё раз.',
    );
    expect(refusal([])).toMatch(/Пройдено таблиц: 0 из 3/);
    const early = play(stimulus, { stepMs: 1000 });
    early[10]!.table = 1;
    expect(refusal(early)).toMatch(/таблице 2, когда шла таблица 1/);
    const extra = play(stimulus, { stepMs: 1000 });
    extra.push({ table: 2, cell: 0, t: 100_000 });
    expect(refusal(extra)).toMatch(/лишние нажатия/);
  });

  it('refuses events of the wrong shape', () => {
    const clicks = play(stimulus, { stepMs: 1000 });
    expect(refusal([...clicks.slice(0, 2), { ...clicks[2], t: 1.5 }])).toMatch(/в неверном виде/);
    expect(refusal([{ ...clicks[0], extra: 1 }])).toMatch(/в неверном виде/);
    expect(refusal([{ ...clicks[0], t: 31 * 60 * 1000 }])).toBe(
      'Игра шла дольше 30 минут, а засчитывается только игра без долгих перерывов. Пройди игру ещё раз.',
    );
    expect(engine.score(SEED, '8-9', clicks)).toMatchObject({ ok: false });
    expect(engine.score(SEED, '8-9', null)).toMatchObject({ ok: false });
  });
});
