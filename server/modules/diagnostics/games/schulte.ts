import { SCHULTE_TABLES, MIN_TAP_GAP_MS, schulteEventsSchema, type SchulteStimulus } from '@common/diagnostics/games.js';
import type { GradeBand } from '@common/diagnostics/dimensions.js';
import { checkPace, parseEvents, refuse, seconds, share, toMetric } from './checks.js';
import type { GameEngine } from './index.js';
import { mulberry32, shuffle } from './random.js';

const SIZE = 5;

/**
 * Mean seconds per 5×5 table worth 100 (`best`) and 0 (`worst`) for attention, in between linearly.
 * Paper norms put adults near 30–40 s and pupils of 11–12 near 40–50 s; a mouse or a finger on a
 * screen finds a number about as fast as a pointer on paper, and younger pupils get more time.
 */
export const SCHULTE_SECONDS: Record<GradeBand, { best: number; worst: number }> = {
  '6-7': { best: 30, worst: 80 },
  '8-9': { best: 25, worst: 70 },
  '10-11': { best: 20, worst: 60 },
};

/** Attention points lost per error, counted per table. */
export const SCHULTE_ERROR_PENALTY = 5;

/** Accuracy falls by 5 points per percent of wrong clicks: 20 % wrong is 0. */
export const SCHULTE_ERROR_RATE_WEIGHT = 5;

export function schulteStimulus(seed: number): SchulteStimulus {
  const random = mulberry32(seed);
  const numbers = Array.from({ length: SIZE * SIZE }, (_, i) => i + 1);
  return { size: SIZE, tables: Array.from({ length: SCHULTE_TABLES }, () => shuffle(random, numbers)) };
}

export const schulteEngine: GameEngine = {
  stimulus: (seed) => schulteStimulus(seed),

  score(seed, band, input) {
    const parsed = parseEvents(schulteEventsSchema, input);
    if (!parsed.ok) return parsed;
    const { clicks } = parsed.events;
    const pace = checkPace(
      clicks.map((c) => c.t),
      MIN_TAP_GAP_MS,
      'Нажатия идут быстрее, чем успевает человек.',
    );
    if (pace) return pace;
    const { size, tables } = schulteStimulus(seed);
    const cells = size * size;

    // Replays the game: the table in play, the number it waits for, and where each table ended.
    let table = 0;
    let next = 1;
    let errors = 0;
    const finishedAt: number[] = [];
    for (const click of clicks) {
      if (table >= tables.length) return refuse('После последней таблицы пришли лишние нажатия.');
      if (click.table !== table) return refuse(`Нажатие в таблице ${click.table + 1}, когда шла таблица ${table + 1}.`);
      if (click.cell >= cells) return refuse('Нажатие на клетку, которой нет в таблице.');
      if (tables[table]![click.cell] !== next) {
        errors++;
        continue;
      }
      next++;
      if (next > cells) {
        finishedAt.push(click.t);
        table++;
        next = 1;
      }
    }
    if (table < tables.length) {
      return refuse(`Пройдено таблиц: ${table} из ${tables.length}. Результат засчитывается только за всю игру.`);
    }

    const tableMs = finishedAt.map((t, i) => t - (i === 0 ? 0 : finishedAt[i - 1]!));
    const meanSeconds = tableMs.reduce((a, b) => a + b, 0) / tableMs.length / 1000;
    const { best, worst } = SCHULTE_SECONDS[band];
    const attention = 100 * share(meanSeconds, worst, best) - (SCHULTE_ERROR_PENALTY * errors) / tables.length;
    const accuracy = 100 * (1 - (SCHULTE_ERROR_RATE_WEIGHT * errors) / clicks.length);
    return {
      ok: true,
      score: {
        metrics: { attention: toMetric(attention), accuracy: toMetric(accuracy) },
        durationMs: finishedAt.at(-1)!,
        summary: {
          tables: tables.length,
          meanSecondsPerTable: seconds(meanSeconds * 1000),
          bestTableSeconds: seconds(Math.min(...tableMs)),
          errors,
        },
      },
    };
  },
};
