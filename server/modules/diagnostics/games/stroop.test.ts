import { describe, expect, it } from 'vitest';
import { STROOP_COLOURS, stroopStimulusSchema, type StroopAnswer, type StroopColour } from '@common/diagnostics/games.js';
import { GAME_ENGINES } from './index.js';
import { STROOP_PAUSE_MS, stroopStimulus } from './stroop.js';

const engine = GAME_ENGINES.stroop;
const SEED = 1935;
const stimulus = stroopStimulus(SEED);
const wrongColour = (ink: StroopColour) => STROOP_COLOURS.find((c) => c !== ink)!;

/**
 * Answers every word `rtMs` after it appears (the cross rests `pauseMs` first); the first
 * `wrongIncongruent` words whose name differs from their colour are answered wrongly.
 */
function play({ congruentMs, incongruentMs, wrongIncongruent = 0 }: { congruentMs: number; incongruentMs: number; wrongIncongruent?: number }): StroopAnswer[] {
  let t = 0;
  let wrongLeft = wrongIncongruent;
  return stimulus.trials.map(({ word, ink }, trial) => {
    const congruent = word === ink;
    const wrong = !congruent && wrongLeft-- > 0;
    t += STROOP_PAUSE_MS + (congruent ? congruentMs : incongruentMs);
    return { trial, answer: wrong ? wrongColour(ink) : ink, t };
  });
}

function refusal(answers: unknown) {
  const verdict = engine.score(SEED, '8-9', { answers });
  expect(verdict.ok).toBe(false);
  return verdict.ok ? '' : verdict.message;
}

describe('colour and word (Stroop)', () => {
  it('draws 24 words from the seed: 8 agreeing, every colour the ink 6 times, never twice in a row', () => {
    expect(stroopStimulusSchema.parse(engine.stimulus(SEED, '6-7'))).toEqual(stimulus);
    expect(stimulus.trials).toHaveLength(24);
    expect(stimulus.trials.filter((t) => t.word === t.ink)).toHaveLength(8);
    for (const colour of STROOP_COLOURS) expect(stimulus.trials.filter((t) => t.ink === colour)).toHaveLength(6);
    stimulus.trials.forEach((t, i) => {
      if (i > 0) expect(t.ink).not.toBe(stimulus.trials[i - 1]!.ink);
    });
    expect(stroopStimulus(SEED + 1)).not.toEqual(stimulus);
  });

  it('scores right answers on disagreeing words, scaled a little by their speed', () => {
    // All right in 1 s; 8–9: speed (2.2 − 1) / (2.2 − 0.9) = 0.923; 100 × (0.6 + 0.4 × 0.923) = 96.9.
    const quick = engine.score(SEED, '8-9', { answers: play({ congruentMs: 1000, incongruentMs: 1000 }) });
    expect(quick).toEqual({
      ok: true,
      score: {
        metrics: { attention: 97, accuracy: 100 },
        durationMs: 24 * 1500,
        summary: { correct: 24, trials: 24, congruentMs: 1000, incongruentMs: 1000, interferenceMs: 0 },
      },
    });
    // 12 of 16 disagreeing words right: (0.75 − 0.25) / 0.75 = 0.667; 1.1 s: speed 0.846;
    // 66.7 × (0.6 + 0.4 × 0.846) = 62.6. Accuracy: 20 of 24 = 0.833 → (0.833 − 0.25) / 0.75 = 77.8.
    const slowed = engine.score(SEED, '8-9', { answers: play({ congruentMs: 800, incongruentMs: 1100, wrongIncongruent: 4 }) });
    expect(slowed.ok && slowed.score).toMatchObject({
      metrics: { attention: 63, accuracy: 78 },
      summary: { correct: 20, trials: 24, congruentMs: 800, incongruentMs: 1100, interferenceMs: 300 },
    });
    // 3 s is slower than the 6–7 limit of 2.5 s: only the accuracy part stays.
    const slow = engine.score(SEED, '6-7', { answers: play({ congruentMs: 3000, incongruentMs: 3000 }) });
    expect(slow.ok && slow.score.metrics).toEqual({ attention: 60, accuracy: 100 });
  });

  it('gives nothing for guessing: every disagreeing word wrong is 0 attention, and no time figure for them', () => {
    const verdict = engine.score(SEED, '10-11', { answers: play({ congruentMs: 700, incongruentMs: 700, wrongIncongruent: 16 }) });
    expect(verdict.ok && verdict.score.metrics).toEqual({ attention: 0, accuracy: 11 });
    expect(verdict.ok && verdict.score.summary).toEqual({ correct: 8, trials: 24, congruentMs: 700 });
  });

  it('refuses answers faster than reading the word, and time running backwards', () => {
    expect(refusal(play({ congruentMs: 150, incongruentMs: 150 }))).toBe(
      'Ответ пришёл быстрее, чем можно прочитать слово и рассмотреть его цвет. Пройди игру ещё раз.',
    );
    const answers = play({ congruentMs: 900, incongruentMs: 900 });
    answers[7]!.t = answers[5]!.t;
    expect(refusal(answers)).toMatch(/идёт назад/);
    expect(refusal(answers.map((a) => ({ ...a, t: 0 })))).toMatch(/за 0 секунд/);
  });

  it('refuses missing, extra or shuffled answers and a damaged body', () => {
    const answers = play({ congruentMs: 900, incongruentMs: 900 });
    expect(refusal(answers.slice(0, 20))).toBe('Нужны ответы на все 24 слов, а пришло 20. Пройди игру ещё раз.');
    expect(refusal([...answers, { trial: 24, answer: 'red', t: 60_000 }])).toMatch(/пришло 25/);
    const swapped = answers.map((a, i) => (i === 3 ? { ...a, trial: 4 } : a));
    expect(refusal(swapped)).toMatch(/не по порядку/);
    expect(refusal(answers.map((a, i) => (i === 2 ? { ...a, answer: 'purple' } : a)))).toMatch(/в неверном виде/);
    expect(engine.score(SEED, '8-9', answers)).toMatchObject({ ok: false });
  });
});
