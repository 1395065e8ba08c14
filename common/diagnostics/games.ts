import { z } from 'zod';

/**
 * What the games show (the stimulus, drawn by the server from the attempt's seed) and what
 * the browser sends back (the events). Times are whole milliseconds since the pupil pressed
 * «Начать». The schemas only bound the shape; whether a click hit an existing cell, a round
 * existed or the pace was human is the server's replay against the stimulus.
 */

export const GAME_MAX_MS = 30 * 60 * 1000;

/**
 * Two taps closer than this are a bounce or a script, not a pupil: the browser drops them, and
 * the server refuses events that still contain them.
 */
export const MIN_TAP_GAP_MS = 80;

/** Nobody compares two figures faster than this after they appear. */
export const MIN_ROTATION_ANSWER_MS = 250;

/** Generous bounds for indices; the replay checks them against the stimulus. */
const MAX_INDEX = 63;

const timeSchema = z
  .int({ error: 'Время — целое число миллисекунд' })
  .min(0, { error: 'Время не может быть отрицательным' })
  .max(GAME_MAX_MS, { error: 'Игра не может длиться дольше 30 минут' });

const indexSchema = z.int({ error: 'Номер — целое число' }).min(0, { error: 'Номер не может быть отрицательным' }).max(MAX_INDEX);

// Schulte tables: find the numbers 1…size² in ascending order, table after table.

export const SCHULTE_TABLES = 3;

export const schulteStimulusSchema = z.strictObject({
  /** Cells per side. */
  size: z.int().min(3).max(7),
  /** Each table lists its numbers row by row: `tables[t][row * size + column]`. */
  tables: z.array(z.array(z.int().min(1).max(49)).min(9).max(49)).min(1).max(5),
});
export type SchulteStimulus = z.infer<typeof schulteStimulusSchema>;

export const schulteClickSchema = z.strictObject({ table: indexSchema, cell: indexSchema, t: timeSchema });
export type SchulteClick = z.infer<typeof schulteClickSchema>;

/** Every click, right or wrong; the next table appears as soon as the last number of one is found. */
export const schulteEventsSchema = z.strictObject({
  clicks: z.array(schulteClickSchema).max(1000, { error: 'Слишком много нажатий' }),
});
export type SchulteEvents = z.infer<typeof schulteEventsSchema>;

// Sequence (after Corsi): cells of a 3×3 grid light up one by one; the pupil taps them in order.

export const SEQUENCE_FIRST_LENGTH = 2;
export const SEQUENCE_LAST_LENGTH = 9;
/** Attempts at one length before the game ends. */
export const SEQUENCE_ATTEMPTS = 2;

export const sequenceStimulusSchema = z.strictObject({
  /** Cells per side; cells are numbered row by row from 0. */
  gridSize: z.int().min(2).max(5),
  /** Before a round shows its cells the grid rests for `pauseMs`; each cell is lit `litMs`, then dark `gapMs`. */
  timing: z.strictObject({ pauseMs: z.int().min(0).max(5000), litMs: z.int().min(1).max(5000), gapMs: z.int().min(0).max(5000) }),
  /** One entry per length, shortest first, each with `SEQUENCE_ATTEMPTS` sequences of that length. */
  spans: z
    .array(z.strictObject({ length: z.int().min(1).max(25), attempts: z.array(z.array(z.int().min(0).max(24)).max(25)).min(1).max(3) }))
    .min(1)
    .max(25),
});
export type SequenceStimulus = z.infer<typeof sequenceStimulusSchema>;

export const sequenceTapSchema = z.strictObject({ round: indexSchema, cell: indexSchema, t: timeSchema });
export type SequenceTap = z.infer<typeof sequenceTapSchema>;

/**
 * Every round takes exactly as many taps as its sequence is long. A right round moves one cell
 * longer; the second wrong round at one length, or a right one at the last length, ends the game.
 */
export const sequenceEventsSchema = z.strictObject({
  taps: z.array(sequenceTapSchema).max(200, { error: 'Слишком много нажатий' }),
});
export type SequenceEvents = z.infer<typeof sequenceEventsSchema>;

// Mental rotation (after Shepard and Metzler): is the second figure the first one turned, or its mirror image?

export const ROTATION_TRIALS = 12;

/** A unit square of a figure: column and row, both from 0 at the top left. */
export const figureCellSchema = z.tuple([z.int().min(0).max(9), z.int().min(0).max(9)]);
export type FigureCell = z.infer<typeof figureCellSchema>;

const figureSchema = z.array(figureCellSchema).min(1).max(20);

/** The answer is not in the stimulus: the browser only draws the figures. */
export const rotationStimulusSchema = z.strictObject({
  trials: z.array(z.strictObject({ sample: figureSchema, probe: figureSchema })).min(1).max(ROTATION_TRIALS),
});
export type RotationStimulus = z.infer<typeof rotationStimulusSchema>;

export const ROTATION_ANSWERS = ['same', 'mirror'] as const;
export type RotationAnswer = (typeof ROTATION_ANSWERS)[number];

export const rotationAnswerSchema = z.strictObject({
  trial: indexSchema,
  answer: z.enum(ROTATION_ANSWERS, { error: 'Ответ: same или mirror' }),
  t: timeSchema,
});

/** One answer per trial, in order; the next trial appears as soon as one is answered. */
export const rotationEventsSchema = z.strictObject({
  answers: z.array(rotationAnswerSchema).max(MAX_INDEX + 1, { error: 'Слишком много ответов' }),
});
export type RotationEvents = z.infer<typeof rotationEventsSchema>;

// Colour and word (after Stroop, 1935): name the colour of the letters, not the colour the word names.

export const STROOP_COLOURS = ['red', 'blue', 'green', 'yellow'] as const;
export type StroopColour = (typeof STROOP_COLOURS)[number];

export const STROOP_TRIALS = 24;
/** A third of the trials agree; mostly disagreeing trials keep the pull of the word strong. */
export const STROOP_CONGRUENT = 8;

/** Nobody reads a word, sees its colour and presses the right one faster than this after it appears. */
export const MIN_STROOP_ANSWER_MS = 200;

const stroopColourSchema = z.enum(STROOP_COLOURS, { error: 'Цвет: red, blue, green или yellow' });

export const stroopStimulusSchema = z.strictObject({
  /** A fixation cross rests this long before every word, the first one included. */
  pauseMs: z.int().min(0).max(3000),
  /** The word names `word`; its letters are drawn in `ink`, which is the right answer. */
  trials: z.array(z.strictObject({ word: stroopColourSchema, ink: stroopColourSchema })).min(1).max(STROOP_TRIALS),
});
export type StroopStimulus = z.infer<typeof stroopStimulusSchema>;

export const stroopAnswerSchema = z.strictObject({ trial: indexSchema, answer: stroopColourSchema, t: timeSchema });
export type StroopAnswer = z.infer<typeof stroopAnswerSchema>;

/** One answer per trial, in order; the next word appears `pauseMs` after an answer. */
export const stroopEventsSchema = z.strictObject({
  answers: z.array(stroopAnswerSchema).max(MAX_INDEX + 1, { error: 'Слишком много ответов' }),
});
export type StroopEvents = z.infer<typeof stroopEventsSchema>;

// Letters n back (after Kirchner, 1958): press when the letter matches the one shown n steps before.

/** Whether the first n letters can match is moot: nothing was shown n steps before them. */
export const NBACK_SCORED_TRIALS = 24;
export const NBACK_TARGETS = 8;

/** A press sooner than this after a letter appears answers the letter before it, which has gone. */
export const MIN_NBACK_RESPONSE_MS = 150;

/** The end of the game reaches the server at most this late after the last letter's time is up. */
export const NBACK_END_SLACK_MS = 10_000;

export const nbackStimulusSchema = z.strictObject({
  /** How many steps back to compare. */
  n: z.int().min(1).max(3),
  /**
   * Letter `i` appears at `pauseMs + i × trialMs`, stays `shownMs`, and may be answered until the
   * next one appears; the game ends `trialMs` after the last letter appears.
   */
  timing: z.strictObject({ pauseMs: z.int().min(0).max(5000), shownMs: z.int().min(100).max(5000), trialMs: z.int().min(500).max(10_000) }),
  letters: z.array(z.string().length(1)).min(2).max(MAX_INDEX + 1),
});
export type NbackStimulus = z.infer<typeof nbackStimulusSchema>;

export const nbackResponseSchema = z.strictObject({ trial: indexSchema, t: timeSchema });
export type NbackResponse = z.infer<typeof nbackResponseSchema>;

/** A press of «Совпадает» for at most one letter each; silence says «не совпадает». */
export const nbackEventsSchema = z.strictObject({
  responses: z.array(nbackResponseSchema).max(MAX_INDEX + 1, { error: 'Слишком много нажатий' }),
  finishedAt: timeSchema,
});
export type NbackEvents = z.infer<typeof nbackEventsSchema>;

// Tower (after Shallice's Tower of London, 1982): move balls between pegs to match a goal in the fewest moves.

export const TOWER_BALLS = ['red', 'green', 'blue'] as const;
export type TowerBall = (typeof TOWER_BALLS)[number];

/** How many balls each peg holds, as in the original: 3, 2 and 1. */
export const TOWER_CAPACITIES = [3, 2, 1] as const;

/** A move takes two presses (the peg to take from, the peg to put on), each a tap apart. */
export const MIN_TOWER_MOVE_MS = 2 * MIN_TAP_GAP_MS;

const pegIndexSchema = z.int({ error: 'Номер стержня — целое число' }).min(0, { error: 'Стержни нумеруются с 0' }).max(TOWER_CAPACITIES.length - 1, { error: 'Такого стержня нет' });

/** Pegs left to right, each listing its balls bottom to top. */
export const towerStateSchema = z.array(z.array(z.enum(TOWER_BALLS)).max(3)).length(TOWER_CAPACITIES.length);
export type TowerState = z.infer<typeof towerStateSchema>;

export const towerStimulusSchema = z.strictObject({
  problems: z
    .array(
      z.strictObject({
        start: towerStateSchema,
        goal: towerStateSchema,
        /** The fewest moves that reach the goal; the pupil is told it. */
        minMoves: z.int().min(1).max(20),
        /** After this many moves without the goal the problem counts as unsolved and the next one begins. */
        maxMoves: z.int().min(1).max(60),
      }),
    )
    .min(1)
    .max(12),
});
export type TowerStimulus = z.infer<typeof towerStimulusSchema>;

export const towerMoveSchema = z.strictObject({ problem: indexSchema, from: pegIndexSchema, to: pegIndexSchema, t: timeSchema });
export type TowerMove = z.infer<typeof towerMoveSchema>;

/** Every move in order; a problem ends at its goal or its move limit, and the next appears at once. */
export const towerEventsSchema = z.strictObject({
  moves: z.array(towerMoveSchema).max(600, { error: 'Слишком много ходов' }),
});
export type TowerEvents = z.infer<typeof towerEventsSchema>;

/** Moves one ball; null when the peg is empty, the other peg full, or both are the same. */
export function moveBall(state: TowerState, from: number, to: number): TowerState | null {
  if (from === to || state[from]!.length === 0 || state[to]!.length >= TOWER_CAPACITIES[to]!) return null;
  const next = state.map((peg) => [...peg]);
  next[to]!.push(next[from]!.pop()!);
  return next;
}

export function sameTowerState(a: TowerState, b: TowerState): boolean {
  return a.every((peg, i) => peg.length === b[i]!.length && peg.every((ball, j) => ball === b[i]![j]));
}

/** The raw figures a game's summary may hold, named for the result page. */
export const GAME_SUMMARY_LABELS: Record<string, string> = {
  tables: 'Таблиц пройдено',
  meanSecondsPerTable: 'Среднее время на таблицу, с',
  bestTableSeconds: 'Лучшее время на таблицу, с',
  errors: 'Ошибок',
  longestSpan: 'Самая длинная повторённая последовательность',
  rounds: 'Раундов сыграно',
  correctRounds: 'Раундов без ошибок',
  correct: 'Верных ответов',
  trials: 'Заданий',
  medianSeconds: 'Обычное время на ответ (медиана), с',
  congruentMs: 'Обычное время ответа, когда слово и цвет совпадают, мс',
  incongruentMs: 'Обычное время ответа, когда слово и цвет разные, мс',
  interferenceMs: 'Насколько дольше ответ, когда слово мешает, мс',
  nBack: 'Сравнение с буквой, показанной шагов назад',
  hits: 'Совпадений замечено',
  targets: 'Совпадений было',
  falseAlarms: 'Лишних нажатий',
  hitMs: 'Обычное время реакции на совпадение, мс',
  problems: 'Задач',
  solved: 'Решено задач',
  perfect: 'Решено за наименьшее число ходов',
  extraMoves: 'Лишних ходов в решённых задачах',
  planningSeconds: 'Обычное время на обдумывание перед первым ходом, с',
};
