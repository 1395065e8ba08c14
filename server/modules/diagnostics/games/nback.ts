import {
  MIN_NBACK_RESPONSE_MS,
  NBACK_END_SLACK_MS,
  NBACK_SCORED_TRIALS,
  NBACK_TARGETS,
  nbackEventsSchema,
  type NbackStimulus,
} from '@common/diagnostics/games.js';
import type { GradeBand } from '@common/diagnostics/dimensions.js';
import { median, parseEvents, refuse, share, toMetric } from './checks.js';
import type { GameEngine } from './index.js';
import { mulberry32, pick, shuffle } from './random.js';

/** Consonants only, so that no run of letters reads as a word; none looks like another at a glance. */
const LETTERS = ['Б', 'В', 'Г', 'Д', 'К', 'Л', 'М', 'Н', 'П', 'Р', 'С', 'Т'] as const;

/**
 * Steps back and pace by band: 1-back for grades 6–7, whose 2-back accuracy is still near chance
 * for many, 2-back from grade 8. Each letter stays a second, and younger pupils get more time to answer.
 */
export const NBACK_LEVELS: Record<GradeBand, { n: number; trialMs: number }> = {
  '6-7': { n: 1, trialMs: 3000 },
  '8-9': { n: 2, trialMs: 2500 },
  '10-11': { n: 2, trialMs: 2500 },
};
const PAUSE_MS = 1500;
const SHOWN_MS = 1000;

/**
 * The corrected recognition score Pr = hit rate − false-alarm rate (Snodgrass and Corwin, 1988)
 * worth 100 for memory. Pupils of 12–13 reach about 0.8 at 1-back and teenagers 0.6–0.7 at 2-back,
 * so near-perfect play is needed for 100 and the usual one lands in the middle.
 */
export const NBACK_FULL_PR: Record<GradeBand, number> = { '6-7': 0.95, '8-9': 0.85, '10-11': 0.9 };

export function nbackStimulus(seed: number, band: GradeBand): NbackStimulus {
  const random = mulberry32(seed);
  const { n, trialMs } = NBACK_LEVELS[band];
  const total = n + NBACK_SCORED_TRIALS;
  const targets = new Set(shuffle(random, Array.from({ length: NBACK_SCORED_TRIALS }, (_, i) => n + i)).slice(0, NBACK_TARGETS));
  const letters: string[] = [];
  for (let i = 0; i < total; i++) {
    if (targets.has(i)) {
      letters.push(letters[i - n]!);
      continue;
    }
    // A non-target must differ from the letter n back, or it would be a match nobody counted.
    const others = LETTERS.filter((l) => i < n || l !== letters[i - n]);
    letters.push(others[pick(random, others.length)]!);
  }
  return { n, timing: { pauseMs: PAUSE_MS, shownMs: SHOWN_MS, trialMs }, letters };
}

export const nbackEngine: GameEngine = {
  stimulus: (seed, band) => nbackStimulus(seed, band),

  score(seed, band, input) {
    const parsed = parseEvents(nbackEventsSchema, input);
    if (!parsed.ok) return parsed;
    const { responses, finishedAt } = parsed.events;
    const { n, timing, letters } = nbackStimulus(seed, band);
    const onset = (trial: number) => timing.pauseMs + trial * timing.trialMs;
    const end = onset(letters.length);

    // Letters come on a fixed clock, so each press must fall inside its own letter's time; in order,
    // that also keeps time from running backwards.
    if (finishedAt < end) return refuse('Игра закончилась раньше, чем были показаны все буквы.');
    if (finishedAt > end + NBACK_END_SLACK_MS) return refuse('Конец игры пришёл намного позже последней буквы.');
    for (const [i, { trial, t }] of responses.entries()) {
      if (trial >= letters.length) return refuse('Нажатие для буквы, которой в игре не было.');
      if (i > 0 && trial <= responses[i - 1]!.trial) return refuse('Для одной буквы засчитывается одно нажатие, и буквы идут по порядку.');
      if (t < onset(trial) + MIN_NBACK_RESPONSE_MS) return refuse(`Нажатие для буквы ${trial + 1} пришло раньше, чем её можно было увидеть.`);
      if (t >= onset(trial + 1)) return refuse(`Нажатие для буквы ${trial + 1} пришло, когда на экране была уже следующая.`);
    }

    const isTarget = (trial: number) => trial >= n && letters[trial] === letters[trial - n];
    const targets = letters.filter((_, i) => isTarget(i)).length;
    const hitResponses = responses.filter((r) => isTarget(r.trial));
    const hits = hitResponses.length;
    const falseAlarms = responses.length - hits;
    const nonTargets = letters.length - targets;
    const pr = hits / targets - falseAlarms / nonTargets;
    // Never pressing is right on every non-target, so accuracy counts only what lies above that.
    const rightDecisions = (hits + nonTargets - falseAlarms) / letters.length;

    const summary: Record<string, number> = { nBack: n, hits, targets, falseAlarms };
    if (hits > 0) summary.hitMs = Math.round(median(hitResponses.map((r) => r.t - onset(r.trial))));
    return {
      ok: true,
      score: {
        metrics: {
          memory: toMetric(100 * share(pr, 0, NBACK_FULL_PR[band])),
          accuracy: toMetric(100 * share(rightDecisions, nonTargets / letters.length, 1)),
        },
        durationMs: finishedAt,
        summary,
      },
    };
  },
};
