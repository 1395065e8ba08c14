import { DateInput, TimeInput, type DateInputProps, type TimeInputProps } from '@mantine/dates';
import '@mantine/dates/styles.css';
import dayjs from 'dayjs';
import { CALENDAR_ARIA_LABELS } from '@web/lib/calendar-labels';

/** "12.03.2027" as people type it; anything else waits until it becomes a whole date. */
function parseRussianDate(value: string): string | null {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  if (!match) return null;
  const [, d, m, y] = match;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return dayjs(iso).format('YYYY-MM-DD') === iso ? iso : null;
}

/** A day typed as ДД.ММ.ГГГГ or picked in the calendar; past days are not offered. */
export function DayInput(props: DateInputProps) {
  return (
    <DateInput
      valueFormat="DD.MM.YYYY"
      placeholder="ДД.ММ.ГГГГ"
      dateParser={parseRussianDate}
      minDate={dayjs().format('YYYY-MM-DD')}
      size="md"
      ariaLabels={CALENDAR_ARIA_LABELS}
      w={{ base: '100%', xs: 200 }}
      {...props}
    />
  );
}

/** The browser's own time input: on a phone it opens the system's clock. */
export function ClockInput(props: TimeInputProps) {
  return <TimeInput size="md" w={{ base: '100%', xs: 140 }} {...props} />;
}
