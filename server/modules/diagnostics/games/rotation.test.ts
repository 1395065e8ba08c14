import { describe, expect, it } from 'vitest';
import { GRADE_BANDS } from '@common/diagnostics/dimensions.js';
import { rotationStimulusSchema, type FigureCell, type RotationAnswer } from '@common/diagnostics/games.js';
import { GAME_ENGINES } from './index.js';
import { ROTATION_CELLS, rotationTrials } from './rotation.js';

const engine = GAME_ENGINES.rotation;
const SEED = 1618;
const trials = rotationTrials(SEED, '10-11');

/** Answers every trial, `wrong` of them (the first ones) wrongly, after the given thinking times. */
function play(thinkMs: (trial: number) => number, wrong = 0) {
  let t = 0;
  return trials.map((trial, i) => {
    const right: RotationAnswer = trial.mirrored ? 'mirror' : 'same';
    return { trial: i, answer: i < wrong ? (right === 'same' ? 'mirror' : 'same') : right, t: (t += thinkMs(i)) };
  });
}

function refusal(answers: unknown) {
  const verdict = engine.score(SEED, '10-11', { answers });
  expect(verdict.ok).toBe(false);
  return verdict.ok ? '' : verdict.message;
}

const key = (cells: readonly FigureCell[]) => JSON.stringify([...cells].sort((a, b) => a[1] - b[1] || a[0] - b[0]));

/** Every turn of a figure, each moved to the top left corner. */
function turns(cells: readonly FigureCell[]): string[] {
  const out: string[] = [];
  let current = [...cells];
  for (let q = 0; q < 4; q++) {
    out.push(key(current));
    const bottom = Math.max(...current.map(([, y]) => y));
    current = current.map(([x, y]): FigureCell => [bottom - y, x]);
  }
  return out;
}

describe('mental rotation', () => {
  it('draws twelve trials, half of them mirrored, with figures sized by band', () => {
    for (const band of GRADE_BANDS) {
      const stimulus = rotationStimulusSchema.parse(engine.stimulus(SEED, band));
      expect(stimulus.trials).toHaveLength(12);
      for (const { sample, probe } of stimulus.trials) {
        expect(sample).toHaveLength(ROTATION_CELLS[band]);
        expect(probe).toHaveLength(ROTATION_CELLS[band]);
        for (const [x, y] of [...sample, ...probe]) expect(Math.max(x, y)).toBeLessThan(4);
      }
      // The browser is never told which trials are mirrored.
      expect(JSON.stringify(stimulus)).not.toMatch(/mirror/);
    }
    expect(trials.filter((t) => t.mirrored)).toHaveLength(6);
    expect(engine.stimulus(SEED, '10-11')).toEqual(engine.stimulus(SEED, '10-11'));
    expect(engine.stimulus(SEED + 1, '10-11')).not.toEqual(engine.stimulus(SEED, '10-11'));
  });

  it('shows a turned copy or a turned mirror image, never the sample as it is', () => {
    for (const { sample, probe, mirrored } of trials) {
      expect(key(probe)).not.toBe(key(sample));
      const mirror = sample.map(([x, y]): FigureCell => [Math.max(...sample.map(([sx]) => sx)) - x, y]);
      expect(turns(sample).includes(key(probe))).toBe(!mirrored);
      expect(turns(mirror).includes(key(probe))).toBe(mirrored);
    }
  });

  it('scores accuracy above guessing, scaled mildly by speed', () => {
    // 10 of 12 right: (10/12 − 0.5) / 0.5 = 66.7 %; 5 s against 10–11's 2–8 s: speed 0.5; 66.7 × (0.8 + 0.2 × 0.5) = 60.
    expect(engine.score(SEED, '10-11', { answers: play(() => 5000, 2) })).toEqual({
      ok: true,
      score: { metrics: { construction: 60, accuracy: 67 }, durationMs: 60_000, summary: { correct: 10, trials: 12, medianSeconds: 5 } },
    });
    const quick = engine.score(SEED, '10-11', { answers: play(() => 2000) });
    expect(quick.ok && quick.score.metrics).toEqual({ construction: 100, accuracy: 100 });
    // Slower than 8 s keeps four fifths.
    const careful = engine.score(SEED, '10-11', { answers: play(() => 10_000) });
    expect(careful.ok && careful.score.metrics).toEqual({ construction: 80, accuracy: 100 });
    // Half right is guessing, however fast.
    const guess = engine.score(SEED, '10-11', { answers: play(() => 1000, 6) });
    expect(guess.ok && guess.score.metrics).toEqual({ construction: 0, accuracy: 0 });
  });

  it('takes the median thinking time, so one long pause does not count', () => {
    // Times of 3 s and 5 s alternate, one of them 60 s: the median is (3 + 5) / 2 = 4 s.
    // 8–9 runs from 9 s to 2.5 s: speed (9 − 4) / 6.5 = 0.769; 100 × (0.8 + 0.2 × 0.769) = 95.4.
    const answers = play((i) => (i === 0 ? 60_000 : i % 2 ? 3000 : 5000));
    const bandTrials = rotationTrials(SEED, '8-9');
    const forBand = answers.map((a, i) => ({ ...a, answer: bandTrials[i]!.mirrored ? 'mirror' : 'same' }));
    const verdict = engine.score(SEED, '8-9', { answers: forBand });
    expect(verdict.ok && verdict.score).toMatchObject({ metrics: { construction: 95, accuracy: 100 }, summary: { medianSeconds: 4 } });
  });

  it('refuses a game that took no time', () => {
    expect(refusal(play(() => 0))).toMatch(/за 0 секунд/);
  });

  it('refuses time running backwards', () => {
    const answers = play(() => 3000);
    answers[6]!.t = answers[4]!.t;
    expect(refusal(answers)).toMatch(/идёт назад/);
  });

  it('refuses an answer sooner than the figures can be seen', () => {
    expect(refusal(play((i) => (i === 7 ? 249 : 3000)))).toBe('Ответ пришёл быстрее, чем можно рассмотреть фигуры. Пройди игру ещё раз.');
    expect(engine.score(SEED, '10-11', { answers: play((i) => (i === 7 ? 250 : 3000)) }).ok).toBe(true);
  });

  it('refuses a wrong number of answers and answers out of order', () => {
    expect(refusal(play(() => 3000).slice(0, 11))).toBe('Нужны ответы на все 12 заданий, а пришло 11. Пройди игру ещё раз.');
    const answers = play(() => 3000);
    expect(refusal([...answers, { trial: 12, answer: 'same', t: 40_000 }])).toMatch(/а пришло 13/);
    [answers[3]!.trial, answers[4]!.trial] = [4, 3];
    expect(refusal(answers)).toBe('Ответы пришли не по порядку заданий. Пройди игру ещё раз.');
  });

  it('refuses events of the wrong shape', () => {
    expect(refusal(play(() => 3000).map((a) => ({ ...a, answer: 'left' })))).toMatch(/в неверном виде/);
    expect(refusal(play(() => 3000).map((a) => ({ ...a, t: -a.t })))).toMatch(/в неверном виде/);
  });
});
