import {
  MIN_STROOP_ANSWER_MS,
  STROOP_COLOURS,
  STROOP_CONGRUENT,
  STROOP_TRIALS,
  stroopEventsSchema,
  type StroopColour,
  type StroopStimulus,
} from '@common/diagnostics/games.js';
import type { GradeBand } from '@common/diagnostics/dimensions.js';
import { checkPace, median, parseEvents, refuse, share, toMetric } from './checks.js';
import type { GameEngine } from './index.js';
import { mulberry32, pick, shuffle, type Random } from './random.js';

/** Long enough to see the cross and let the last word fade, short enough to keep the pace. */
export const STROOP_PAUSE_MS = 500;

/**
 * Median seconds to answer a disagreeing word right, worth all (`fast`) and nothing (`slow`) of the
 * speed share. Pressing one of four buttons takes adults about 0.8–1 s on such words and pupils of
 * 12–13 about a quarter longer, so each band's range is centred near its usual time.
 */
export const STROOP_SECONDS: Record<GradeBand, { fast: number; slow: number }> = {
  '6-7': { fast: 1, slow: 2.5 },
  '8-9': { fast: 0.9, slow: 2.2 },
  '10-11': { fast: 0.8, slow: 2 },
};

/** Speed only scales the accuracy: attention = accuracy × (0.6 + 0.4 × speed), so a fast guess earns nothing. */
export const STROOP_SPEED_SHARE = 0.4;

/** One of four colours is what a guess gets right. */
const CHANCE = 1 / STROOP_COLOURS.length;

function otherColour(random: Random, colour: StroopColour): StroopColour {
  const others = STROOP_COLOURS.filter((c) => c !== colour);
  return others[pick(random, others.length)]!;
}

/**
 * A third of the trials agree, the rest name another colour; every colour is the ink equally
 * often, and the ink never repeats from one word to the next, so a pupil cannot simply press again.
 */
export function stroopStimulus(seed: number): StroopStimulus {
  const random = mulberry32(seed);
  const inks = Array.from({ length: STROOP_TRIALS }, (_, i) => STROOP_COLOURS[i % STROOP_COLOURS.length]!);
  let order = shuffle(random, inks);
  while (order.some((ink, i) => i > 0 && ink === order[i - 1])) order = shuffle(random, inks);
  const congruent = new Set(shuffle(random, order.map((_, i) => i)).slice(0, STROOP_CONGRUENT));
  return {
    pauseMs: STROOP_PAUSE_MS,
    trials: order.map((ink, i) => ({ word: congruent.has(i) ? ink : otherColour(random, ink), ink })),
  };
}

export const stroopEngine: GameEngine = {
  stimulus: (seed) => stroopStimulus(seed),

  score(seed, band, input) {
    const parsed = parseEvents(stroopEventsSchema, input);
    if (!parsed.ok) return parsed;
    const { answers } = parsed.events;
    const { pauseMs, trials } = stroopStimulus(seed);
    if (answers.length !== trials.length) {
      return refuse(`Нужны ответы на все ${trials.length} слов, а пришло ${answers.length}.`);
    }
    if (answers.some((a, i) => a.trial !== i)) return refuse('Ответы пришли не по порядку слов.');
    // Each word appears `pauseMs` after the answer before it (after the start for the first one).
    const pace = checkPace(
      answers.map((a) => a.t),
      pauseMs + MIN_STROOP_ANSWER_MS,
      'Ответ пришёл быстрее, чем можно прочитать слово и рассмотреть его цвет.',
    );
    if (pace) return pace;

    const answered = answers.map((a, i) => {
      const trial = trials[i]!;
      return {
        congruent: trial.word === trial.ink,
        right: a.answer === trial.ink,
        ms: a.t - (i === 0 ? 0 : answers[i - 1]!.t) - pauseMs,
      };
    });
    const correct = answered.filter((a) => a.right).length;
    const incongruent = answered.filter((a) => !a.congruent);
    const rightIncongruentMs = incongruent.filter((a) => a.right).map((a) => a.ms);
    const rightCongruentMs = answered.filter((a) => a.congruent && a.right).map((a) => a.ms);

    // Inhibition shows on the words that name another colour: right answers there, given quickly.
    const inhibition = share(rightIncongruentMs.length / incongruent.length, CHANCE, 1);
    const { fast, slow } = STROOP_SECONDS[band];
    const speed = rightIncongruentMs.length > 0 ? share(median(rightIncongruentMs) / 1000, slow, fast) : 0;

    const summary: Record<string, number> = { correct, trials: trials.length };
    if (rightCongruentMs.length > 0) summary.congruentMs = Math.round(median(rightCongruentMs));
    if (rightIncongruentMs.length > 0) summary.incongruentMs = Math.round(median(rightIncongruentMs));
    if (summary.congruentMs !== undefined && summary.incongruentMs !== undefined) {
      summary.interferenceMs = summary.incongruentMs - summary.congruentMs;
    }
    return {
      ok: true,
      score: {
        metrics: {
          attention: toMetric(100 * inhibition * (1 - STROOP_SPEED_SHARE + STROOP_SPEED_SHARE * speed)),
          accuracy: toMetric(100 * share(correct / trials.length, CHANCE, 1)),
        },
        durationMs: answers.at(-1)!.t,
        summary,
      },
    };
  },
};
