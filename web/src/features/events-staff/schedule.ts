import dayjs from 'dayjs';
import { EVENT_LIMITS } from '@common/events.js';

export type Repeat = 'none' | 'weekly' | 'dates';

export interface ScheduleValues {
  /** The first date, "YYYY-MM-DD" as the date input keeps it. */
  date: string | null;
  /** "HH:mm", the same for every date of a series. */
  time: string;
  repeat: Repeat;
  /** Weekly: how many weeks in all, the first one included. */
  weeks: number | string;
  /** Further dates of a series, each "YYYY-MM-DD" once complete; the key keeps each input's own state. */
  extraDates: Array<{ key: string; date: string | null }>;
}

export const emptySchedule: ScheduleValues = { date: null, time: '10:00', repeat: 'none', weeks: 4, extraDates: [] };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A calendar day and a wall-clock time as the instant the server expects: ISO 8601 with the browser's offset. */
export function localInstant(date: string, time: string): string {
  return dayjs(`${date}T${time}`).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** The instant split back into the inputs' day and time, in the browser's time zone. */
export function splitInstant(instant: string): { date: string; time: string } {
  const local = dayjs(instant);
  return { date: local.format('YYYY-MM-DD'), time: local.format('HH:mm') };
}

/**
 * Every start the form would create, in order: the first date, then the weeks after it or the
 * extra dates. Incomplete inputs give nothing for themselves, so the list shows what is ready;
 * duplicates are kept so the schema can name them.
 */
export function occurrences(s: ScheduleValues): string[] {
  if (!s.date || !TIME.test(s.time)) return [];
  const first = dayjs(s.date);
  let days: string[] = [s.date];
  if (s.repeat === 'weekly') {
    const weeks = Math.min(Number(s.weeks) || 1, EVENT_LIMITS.occurrences);
    days = Array.from({ length: Math.max(1, weeks) }, (_, i) => first.add(i, 'week').format('YYYY-MM-DD'));
  } else if (s.repeat === 'dates') {
    days = [s.date, ...s.extraDates.flatMap((extra) => (extra.date ? [extra.date] : []))].sort();
  }
  return days.map((day) => localInstant(day, s.time));
}
