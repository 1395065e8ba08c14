import { describe, expect, it } from 'vitest';
import { GRADE_BANDS } from '@common/diagnostics/dimensions.js';
import { nbackStimulusSchema, type NbackResponse, type NbackStimulus } from '@common/diagnostics/games.js';
import { GAME_ENGINES } from './index.js';
import { NBACK_LEVELS, nbackStimulus } from './nback.js';

const engine = GAME_ENGINES.nback;
const SEED = 1958;

const onset = (s: NbackStimulus, trial: number) => s.timing.pauseMs + trial * s.timing.trialMs;
const end = (s: NbackStimulus) => onset(s, s.letters.length);
const targetsOf = (s: NbackStimulus) => s.letters.flatMap((l, i) => (i >= s.n && l === s.letters[i - s.n] ? [i] : []));
const nonTargetsOf = (s: NbackStimulus) => s.letters.flatMap((_, i) => (targetsOf(s).includes(i) ? [] : [i]));

/** Presses «Совпадает» `afterMs` after each of the given letters appears. */
function press(s: NbackStimulus, trials: number[], afterMs = 600): NbackResponse[] {
  return [...trials].sort((a, b) => a - b).map((trial) => ({ trial, t: onset(s, trial) + afterMs }));
}

describe('letters n back (n-back)', () => {
  it('draws the letters from the seed: 1-back for grades 6–7, 2-back later, 8 matches among 24 scored letters', () => {
    for (const band of GRADE_BANDS) {
      const s = nbackStimulusSchema.parse(engine.stimulus(SEED, band));
      expect(s).toEqual(nbackStimulus(SEED, band));
      expect(s.n).toBe(NBACK_LEVELS[band].n);
      expect(s.letters).toHaveLength(s.n + 24);
      expect(targetsOf(s)).toHaveLength(8);
      expect(s.timing.trialMs).toBe(NBACK_LEVELS[band].trialMs);
    }
    expect(nbackStimulus(SEED + 1, '8-9')).not.toEqual(nbackStimulus(SEED, '8-9'));
  });

  it('scores hits less false alarms against the band', () => {
    const s = nbackStimulus(SEED, '8-9');
    const perfect = engine.score(SEED, '8-9', { responses: press(s, targetsOf(s)), finishedAt: end(s) + 40 });
    expect(perfect).toEqual({
      ok: true,
      score: {
        metrics: { memory: 100, accuracy: 100 },
        durationMs: end(s) + 40,
        summary: { nBack: 2, hits: 8, targets: 8, falseAlarms: 0, hitMs: 600 },
      },
    });
    // 6 of 8 matches and 2 of 18 others: Pr = 0.75 − 0.111 = 0.639, ÷ 0.85 = 75.2.
    // Right decisions (6 + 16) / 26 = 0.846 against 18 / 26 for never pressing: 50.
    const responses = press(s, [...targetsOf(s).slice(0, 6), ...nonTargetsOf(s).slice(0, 2)]);
    const mixed = engine.score(SEED, '8-9', { responses, finishedAt: end(s) });
    expect(mixed.ok && mixed.score.metrics).toEqual({ memory: 75, accuracy: 50 });
    expect(mixed.ok && mixed.score.summary).toMatchObject({ hits: 6, falseAlarms: 2 });
    // Never pressing and pressing always both come to nothing.
    const silent = engine.score(SEED, '8-9', { responses: [], finishedAt: end(s) });
    expect(silent.ok && silent.score).toMatchObject({ metrics: { memory: 0, accuracy: 0 }, summary: { nBack: 2, hits: 0, targets: 8, falseAlarms: 0 } });
    const always = engine.score(SEED, '8-9', { responses: press(s, s.letters.map((_, i) => i)), finishedAt: end(s) });
    expect(always.ok && always.score.metrics).toEqual({ memory: 0, accuracy: 0 });
  });

  it('asks near-perfect 1-back play of grades 6–7 for 100', () => {
    const s = nbackStimulus(SEED, '6-7');
    // 7 of 8 and no false alarms: Pr 0.875, ÷ 0.95 = 92.1.
    const verdict = engine.score(SEED, '6-7', { responses: press(s, targetsOf(s).slice(1), 900), finishedAt: end(s) });
    expect(verdict.ok && verdict.score.metrics.memory).toBe(92);
    expect(verdict.ok && verdict.score.summary.hitMs).toBe(900);
  });

  it('refuses a game ended before its last letter or long after it', () => {
    const s = nbackStimulus(SEED, '10-11');
    const refusal = (events: unknown) => {
      const verdict = engine.score(SEED, '10-11', events);
      return verdict.ok ? '' : verdict.message;
    };
    expect(refusal({ responses: [], finishedAt: end(s) - 1 })).toBe('Игра закончилась раньше, чем были показаны все буквы. Пройди игру ещё раз.');
    expect(refusal({ responses: [], finishedAt: end(s) + 10_001 })).toMatch(/намного позже/);
    expect(refusal({ responses: [], finishedAt: 0 })).toMatch(/раньше, чем были показаны/);
  });

  it('refuses presses before their letter could be seen, after it was gone, twice for one letter or for a letter not shown', () => {
    const s = nbackStimulus(SEED, '10-11');
    const refusal = (responses: unknown) => {
      const verdict = engine.score(SEED, '10-11', { responses, finishedAt: end(s) });
      return verdict.ok ? '' : verdict.message;
    };
    expect(refusal([{ trial: 3, t: onset(s, 3) + 100 }])).toBe('Нажатие для буквы 4 пришло раньше, чем её можно было увидеть. Пройди игру ещё раз.');
    expect(refusal([{ trial: 3, t: onset(s, 4) }])).toMatch(/уже следующая/);
    expect(refusal([{ trial: 3, t: onset(s, 3) + 500 }, { trial: 3, t: onset(s, 3) + 900 }])).toMatch(/одно нажатие/);
    expect(refusal([{ trial: 5, t: onset(s, 5) + 500 }, { trial: 3, t: onset(s, 3) + 900 }])).toMatch(/по порядку/);
    expect(refusal([{ trial: s.letters.length, t: end(s) - 10 }])).toMatch(/которой в игре не было/);
    expect(refusal([{ trial: 2, t: 1.5 }])).toMatch(/в неверном виде/);
    expect(engine.score(SEED, '10-11', { responses: [] })).toMatchObject({ ok: false });
  });
});
