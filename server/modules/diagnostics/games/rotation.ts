import {
  MIN_ROTATION_ANSWER_MS,
  ROTATION_TRIALS,
  rotationEventsSchema,
  type FigureCell,
  type RotationStimulus,
} from '@common/diagnostics/games.js';
import type { GradeBand } from '@common/diagnostics/dimensions.js';
import { checkPace, median, parseEvents, refuse, seconds, share, toMetric } from './checks.js';
import type { GameEngine } from './index.js';
import { mulberry32, pick, shuffle, type Random } from './random.js';

/** Older pupils turn larger figures in their heads. */
export const ROTATION_CELLS: Record<GradeBand, number> = { '6-7': 5, '8-9': 6, '10-11': 7 };

/** Figures fit a 4×4 grid, so both stay large on a narrow phone. */
const MAX_EXTENT = 4;

/**
 * Median seconds per answer at which speed is worth all (`fast`) and nothing (`slow`). Speed only
 * scales the accuracy: construction = accuracy × (0.8 + 0.2 × speed), so a fast guess earns nothing
 * and a slow, careful pupil keeps four fifths.
 */
export const ROTATION_SECONDS: Record<GradeBand, { fast: number; slow: number }> = {
  '6-7': { fast: 3, slow: 10 },
  '8-9': { fast: 2.5, slow: 9 },
  '10-11': { fast: 2, slow: 8 },
};
export const ROTATION_SPEED_SHARE = 0.2;

type Figure = FigureCell[];

/** Moved to the top left corner and sorted, so that equal shapes compare equal. */
function normalise(cells: readonly FigureCell[]): Figure {
  const minX = Math.min(...cells.map(([x]) => x));
  const minY = Math.min(...cells.map(([, y]) => y));
  return cells.map(([x, y]): FigureCell => [x - minX, y - minY]).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

/** A quarter turn clockwise on screen, where y grows downwards; `cells` start at 0. */
function turn(cells: readonly FigureCell[]): Figure {
  const bottom = Math.max(...cells.map(([, y]) => y));
  return normalise(cells.map(([x, y]): FigureCell => [bottom - y, x]));
}

/** Left for right; `cells` start at 0. */
function mirror(cells: readonly FigureCell[]): Figure {
  const right = Math.max(...cells.map(([x]) => x));
  return normalise(cells.map(([x, y]): FigureCell => [right - x, y]));
}

function turned(cells: readonly FigureCell[], quarters: number): Figure {
  let out = normalise(cells);
  for (let i = 0; i < quarters; i++) out = turn(out);
  return out;
}

const key = (cells: readonly FigureCell[]) => JSON.stringify(cells);

/**
 * Only a figure whose eight turns and mirror images all differ makes a fair trial: a symmetric one
 * would look the same mirrored, and one that a turn maps onto itself would hide the turn.
 */
function isAsymmetric(cells: Figure): boolean {
  const images = [0, 1, 2, 3].flatMap((q) => [key(turned(cells, q)), key(turned(mirror(cells), q))]);
  return new Set(images).size === 8;
}

function extent(cells: Figure): number {
  return Math.max(...cells.map(([x, y]) => Math.max(x, y))) + 1;
}

const STEPS: ReadonlyArray<FigureCell> = [[1, 0], [-1, 0], [0, 1], [0, -1]];

/** A random connected figure of `size` unit squares, grown one neighbour at a time. */
function growFigure(random: Random, size: number): Figure {
  for (;;) {
    const cells: FigureCell[] = [[0, 0]];
    while (cells.length < size) {
      const [x, y] = cells[pick(random, cells.length)]!;
      const [dx, dy] = STEPS[pick(random, STEPS.length)]!;
      if (!cells.some(([cx, cy]) => cx === x + dx && cy === y + dy)) cells.push([x + dx, y + dy]);
    }
    const figure = normalise(cells);
    if (extent(figure) <= MAX_EXTENT && isAsymmetric(figure)) return figure;
  }
}

export interface RotationTrial {
  sample: Figure;
  probe: Figure;
  mirrored: boolean;
}

/** Half the trials mirrored, in a shuffled order; every probe is turned by 90°, 180° or 270°. */
export function rotationTrials(seed: number, band: GradeBand): RotationTrial[] {
  const random = mulberry32(seed);
  const mirroredAt = shuffle(
    random,
    Array.from({ length: ROTATION_TRIALS }, (_, i) => i < ROTATION_TRIALS / 2),
  );
  return mirroredAt.map((mirrored) => {
    const sample = growFigure(random, ROTATION_CELLS[band]);
    const probe = turned(mirrored ? mirror(sample) : sample, 1 + pick(random, 3));
    return { sample, probe, mirrored };
  });
}

export const rotationEngine: GameEngine = {
  stimulus: (seed, band): RotationStimulus => ({
    trials: rotationTrials(seed, band).map(({ sample, probe }) => ({ sample, probe })),
  }),

  score(seed, band, input) {
    const parsed = parseEvents(rotationEventsSchema, input);
    if (!parsed.ok) return parsed;
    const { answers } = parsed.events;
    const trials = rotationTrials(seed, band);
    if (answers.length !== trials.length) {
      return refuse(`Нужны ответы на все ${trials.length} заданий, а пришло ${answers.length}.`);
    }
    if (answers.some((a, i) => a.trial !== i)) return refuse('Ответы пришли не по порядку заданий.');
    // Each trial appears the moment the one before it is answered.
    const pace = checkPace(
      answers.map((a) => a.t),
      MIN_ROTATION_ANSWER_MS,
      'Ответ пришёл быстрее, чем можно рассмотреть фигуры.',
    );
    if (pace) return pace;

    const correct = answers.filter((a, i) => (a.answer === 'mirror') === trials[i]!.mirrored).length;
    // Half right is what guessing gives, so accuracy counts only what lies above it.
    const accuracy = share(correct / trials.length, 0.5, 1);
    const answerMs = answers.map((a, i) => a.t - (i === 0 ? 0 : answers[i - 1]!.t));
    const medianMs = median(answerMs);
    const { fast, slow } = ROTATION_SECONDS[band];
    const speed = share(medianMs / 1000, slow, fast);
    return {
      ok: true,
      score: {
        metrics: {
          construction: toMetric(100 * accuracy * (1 - ROTATION_SPEED_SHARE + ROTATION_SPEED_SHARE * speed)),
          accuracy: toMetric(100 * accuracy),
        },
        durationMs: answers.at(-1)!.t,
        summary: { correct, trials: trials.length, medianSeconds: seconds(medianMs) },
      },
    };
  },
};
