import type { z } from 'zod';

/**
 * The plausibility rules every game shares. Messages speak to the pupil, whose attempt is refused
 * and who can simply play again: they say what looked wrong, never how the check works inside.
 */

export type Refusal = { ok: false; message: string };

export const AGAIN = 'Пройди игру ещё раз.';

export function refuse(message: string): Refusal {
  return { ok: false, message: `${message} ${AGAIN}` };
}

/** The events as the schema knows them, or the refusal a damaged or forged body earns. */
export function parseEvents<T>(schema: z.ZodType<T>, events: unknown): { ok: true; events: T } | Refusal {
  const parsed = schema.safeParse(events);
  if (parsed.success) return { ok: true, events: parsed.data };
  // A pupil who left the game open is told so, not that the results are damaged.
  const tooLong = parsed.error.issues.some((issue) => issue.code === 'too_big' && issue.path.at(-1) === 't');
  return refuse(tooLong ? 'Игра шла дольше 30 минут, а засчитывается только игра без долгих перерывов.' : 'Результаты игры пришли в неверном виде.');
}

/**
 * Times of the events in the order they were sent, the game's start being 0: the game must last,
 * time must not run backwards, and every event must come at least `minGapMs` after the one before
 * it (the first one after the start). No events is left to the game, which knows what is missing.
 */
export function checkPace(times: readonly number[], minGapMs: number, tooFast: string): Refusal | null {
  if (times.length === 0) return null;
  if (times.at(-1) === 0) return refuse('Игра не может закончиться за 0 секунд.');
  for (let i = 1; i < times.length; i++) {
    if (times[i]! < times[i - 1]!) return refuse('Время в результатах идёт назад: похоже, они искажены.');
  }
  let previous = 0;
  for (const t of times) {
    if (t - previous < minGapMs) return refuse(tooFast);
    previous = t;
  }
  return null;
}

/** A metric: an integer 0–100. */
export function toMetric(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)));
}

/** Where `value` falls between the point worth 0 and the point worth 1, clamped; either end may be the larger. */
export function share(value: number, zeroAt: number, oneAt: number): number {
  return Math.min(1, Math.max(0, (value - zeroAt) / (oneAt - zeroAt)));
}

export function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/** The middle of the values (the mean of the middle two for an even count); `values` must not be empty. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
