import { z } from 'zod';

/**
 * What the three games show (the stimulus, drawn by the server from the attempt's seed) and what
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
};
