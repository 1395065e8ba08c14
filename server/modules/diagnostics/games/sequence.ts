import {
  MIN_TAP_GAP_MS,
  SEQUENCE_ATTEMPTS,
  SEQUENCE_FIRST_LENGTH,
  SEQUENCE_LAST_LENGTH,
  sequenceEventsSchema,
  type SequenceStimulus,
  type SequenceTap,
} from '@common/diagnostics/games.js';
import type { GradeBand } from '@common/diagnostics/dimensions.js';
import { checkPace, parseEvents, refuse, share, toMetric } from './checks.js';
import type { GameEngine } from './index.js';
import { mulberry32, shuffle } from './random.js';

const GRID = 3;

/** About one cell a second, as in the Corsi block-tapping test. */
export const SEQUENCE_TIMING = { pauseMs: 1000, litMs: 700, gapMs: 300 } as const;

/**
 * The longest repeated span worth 0 and worth 100 for memory, in between linearly. The forward
 * Corsi span of pupils of 12–13 averages about 5 and of older teenagers and adults 5–6, so the
 * middle of each band's range sits near its usual span.
 */
export const SEQUENCE_SPANS: Record<GradeBand, { zeroAt: number; fullAt: number }> = {
  '6-7': { zeroAt: 1, fullAt: 7 },
  '8-9': { zeroAt: 1, fullAt: 8 },
  '10-11': { zeroAt: 2, fullAt: 8 },
};

export function sequenceStimulus(seed: number): SequenceStimulus {
  const random = mulberry32(seed);
  const cells = Array.from({ length: GRID * GRID }, (_, i) => i);
  const spans: SequenceStimulus['spans'] = [];
  for (let length = SEQUENCE_FIRST_LENGTH; length <= SEQUENCE_LAST_LENGTH; length++) {
    // No cell twice in one sequence: a repeated cell would light up without a visible change.
    spans.push({ length, attempts: Array.from({ length: SEQUENCE_ATTEMPTS }, () => shuffle(random, cells).slice(0, length)) });
  }
  return { gridSize: GRID, timing: { ...SEQUENCE_TIMING }, spans };
}

/** Consecutive taps of one round, in the order sent; null when a round number skips or goes back. */
function groupRounds(taps: readonly SequenceTap[]): SequenceTap[][] | null {
  const rounds: SequenceTap[][] = [];
  for (const tap of taps) {
    if (tap.round === rounds.length) rounds.push([tap]);
    else if (tap.round === rounds.length - 1) rounds.at(-1)!.push(tap);
    else return null;
  }
  return rounds;
}

export const sequenceEngine: GameEngine = {
  stimulus: (seed) => sequenceStimulus(seed),

  score(seed, band, input) {
    const parsed = parseEvents(sequenceEventsSchema, input);
    if (!parsed.ok) return parsed;
    const { taps } = parsed.events;
    const pace = checkPace(
      taps.map((tap) => tap.t),
      MIN_TAP_GAP_MS,
      'Нажатия идут быстрее, чем успевает человек.',
    );
    if (pace) return pace;
    const { gridSize, timing, spans } = sequenceStimulus(seed);
    const rounds = groupRounds(taps);
    if (!rounds) return refuse('Раунды игры пришли не по порядку.');

    // Replays the game: the length in play and how many attempts at it failed.
    let span = 0;
    let fails = 0;
    let longest = 0;
    let correctRounds = 0;
    let ended = false;
    let roundStart = 0;
    for (const [r, round] of rounds.entries()) {
      if (ended) return refuse('После конца игры пришли лишние раунды.');
      const { length, attempts } = spans[span]!;
      const shown = attempts[fails]!;
      if (round.some((tap) => tap.cell >= gridSize * gridSize)) return refuse('Нажатие на клетку, которой нет на поле.');
      if (round.length !== length) return refuse(`В раунде ${r + 1} нужно ${length} нажатий, а пришло ${round.length}.`);
      // Before the last cell has been shown, nobody can repeat the sequence.
      if (round[0]!.t < roundStart + length * (timing.litMs + timing.gapMs)) {
        return refuse(`В раунде ${r + 1} ответ начался раньше, чем закончился показ.`);
      }
      roundStart = round.at(-1)!.t;
      if (round.every((tap, i) => tap.cell === shown[i])) {
        correctRounds++;
        longest = length;
        fails = 0;
        span++;
        ended = span === spans.length;
      } else {
        fails++;
        ended = fails === attempts.length;
      }
    }
    if (!ended) return refuse('Игра не закончена: результат засчитывается только за всю игру.');

    const { zeroAt, fullAt } = SEQUENCE_SPANS[band];
    return {
      ok: true,
      score: {
        metrics: { memory: toMetric(100 * share(longest, zeroAt, fullAt)) },
        durationMs: taps.at(-1)!.t,
        summary: { longestSpan: longest, rounds: rounds.length, correctRounds },
      },
    };
  },
};
