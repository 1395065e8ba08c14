import { describe, expect, it } from 'vitest';
import { sequenceStimulusSchema, type SequenceTap } from '@common/diagnostics/games.js';
import { GAME_ENGINES } from './index.js';
import { sequenceStimulus } from './sequence.js';

const engine = GAME_ENGINES.sequence;
const SEED = 2718;
const stimulus = sequenceStimulus(SEED);
const STEP = stimulus.timing.litMs + stimulus.timing.gapMs;

/**
 * Plays rounds with the given outcomes, following the game's rules for which sequence comes next.
 * Each round waits for the pause and the whole show, then taps every `tapMs`; a failed round
 * taps the shown cells in reverse.
 */
function play(outcomes: ReadonlyArray<'right' | 'wrong'>, tapMs = 500): SequenceTap[] {
  const taps: SequenceTap[] = [];
  let span = 0;
  let fails = 0;
  let t = 0;
  outcomes.forEach((outcome, round) => {
    const { length, attempts } = stimulus.spans[span]!;
    const shown = attempts[fails]!;
    t += stimulus.timing.pauseMs + length * STEP - tapMs;
    for (const cell of outcome === 'right' ? shown : [...shown].reverse()) taps.push({ round, cell, t: (t += tapMs) });
    if (outcome === 'right') {
      span++;
      fails = 0;
    } else fails++;
  });
  return taps;
}

function refusal(taps: unknown) {
  const verdict = engine.score(SEED, '8-9', { taps });
  expect(verdict.ok).toBe(false);
  return verdict.ok ? '' : verdict.message;
}

// Lengths 2–5 right at once, 6 right at the second attempt, 7 wrong twice: the span is 6.
const SPAN_6 = ['right', 'right', 'right', 'right', 'wrong', 'right', 'wrong', 'wrong'] as const;

describe('sequence', () => {
  it('draws two sequences of each length 2–9 on a 3×3 grid, without a cell twice', () => {
    expect(sequenceStimulusSchema.parse(engine.stimulus(SEED, '8-9'))).toEqual(stimulus);
    expect(stimulus.gridSize).toBe(3);
    expect(stimulus.spans.map((s) => s.length)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    for (const { length, attempts } of stimulus.spans) {
      expect(attempts).toHaveLength(2);
      for (const cells of attempts) {
        expect(cells).toHaveLength(length);
        expect(new Set(cells).size).toBe(length);
        expect(cells.every((c) => c >= 0 && c < 9)).toBe(true);
      }
    }
    expect(sequenceStimulus(SEED + 1)).not.toEqual(stimulus);
  });

  it('scores the longest repeated span against the band', () => {
    const taps = play(SPAN_6);
    // 8–9: (6 − 1) / (8 − 1) = 71.4 %; 10–11: (6 − 2) / (8 − 2) = 66.7 %; 6–7: (6 − 1) / (7 − 1) = 83.3 %.
    expect(engine.score(SEED, '8-9', { taps })).toEqual({
      ok: true,
      score: { metrics: { memory: 71 }, durationMs: taps.at(-1)!.t, summary: { longestSpan: 6, rounds: 8, correctRounds: 5 } },
    });
    const older = engine.score(SEED, '10-11', { taps });
    expect(older.ok && older.score.metrics).toEqual({ memory: 67 });
    const younger = engine.score(SEED, '6-7', { taps });
    expect(younger.ok && younger.score.metrics).toEqual({ memory: 83 });
  });

  it('ends after the last length or after two wrong rounds of one length', () => {
    const all = engine.score(SEED, '10-11', { taps: play(Array(8).fill('right')) });
    expect(all.ok && all.score).toMatchObject({ metrics: { memory: 100 }, summary: { longestSpan: 9, rounds: 8, correctRounds: 8 } });
    const none = engine.score(SEED, '6-7', { taps: play(['wrong', 'wrong']) });
    expect(none.ok && none.score).toMatchObject({ metrics: { memory: 0 }, summary: { longestSpan: 0, rounds: 2, correctRounds: 0 } });
  });

  it('refuses a game that took no time', () => {
    expect(refusal(play(SPAN_6).map((tap) => ({ ...tap, t: 0 })))).toMatch(/за 0 секунд/);
  });

  it('refuses time running backwards', () => {
    const taps = play(SPAN_6);
    taps[4]!.t = taps[2]!.t;
    expect(refusal(taps)).toMatch(/идёт назад/);
  });

  it('refuses taps faster than a person and answers before the show is over', () => {
    expect(refusal(play(SPAN_6, 60))).toMatch(/быстрее, чем успевает человек/);
    const early = play(SPAN_6);
    // The third round shows four cells for 4 s; its first tap comes 2 s after the second round ended.
    const round2 = early.filter((tap) => tap.round === 2);
    const shift = round2[0]!.t - (early.filter((tap) => tap.round === 1).at(-1)!.t + 2000);
    for (const tap of round2) tap.t -= shift;
    expect(refusal(early)).toBe('В раунде 3 ответ начался раньше, чем закончился показ. Пройди игру ещё раз.');
  });

  it('refuses a cell the grid does not have', () => {
    const taps = play(SPAN_6);
    taps[0]!.cell = 9;
    expect(refusal(taps)).toBe('Нажатие на клетку, которой нет на поле. Пройди игру ещё раз.');
  });

  it('refuses rounds that are short, out of order, unfinished or beyond the end', () => {
    const short = play(SPAN_6);
    short.splice(3, 1);
    expect(refusal(short)).toMatch(/В раунде 2 нужно 3 нажатий, а пришло 2/);
    const skipped = play(SPAN_6).map((tap) => (tap.round >= 3 ? { ...tap, round: tap.round + 1 } : tap));
    expect(refusal(skipped)).toMatch(/не по порядку/);
    expect(refusal(play(SPAN_6.slice(0, 7)))).toMatch(/Игра не закончена/);
    expect(refusal([])).toMatch(/Игра не закончена/);
    const beyond = play(SPAN_6);
    const end = beyond.at(-1)!.t;
    beyond.push({ round: 8, cell: 0, t: end + 5000 }, { round: 8, cell: 1, t: end + 5500 });
    expect(refusal(beyond)).toMatch(/лишние раунды/);
  });

  it('refuses events of the wrong shape', () => {
    expect(refusal([{ round: 0, cell: 1, t: '5' }])).toMatch(/в неверном виде/);
    expect(refusal(Array(201).fill({ round: 0, cell: 1, t: 5 }))).toMatch(/в неверном виде/);
  });
});
