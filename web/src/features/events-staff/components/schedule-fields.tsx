import { Button, Fieldset, Group, List, NumberInput, Radio, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import dayjs from 'dayjs';
import { EVENT_LIMITS } from '@common/events.js';
import { plural } from '@web/lib/format';
import { occurrences, type Repeat, type ScheduleValues } from '../schedule';
import { ClockInput, DayInput } from './date-time-inputs';

const REPEATS: Array<{ value: Repeat; label: string }> = [
  { value: 'none', label: 'Не повторять' },
  { value: 'weekly', label: 'Каждую неделю в тот же день' },
  { value: 'dates', label: 'В другие даты' },
];

/** What is wrong with one start, so the person sees which date of a long series to change. */
function problem(instant: string, seen: Set<number>): string | null {
  const at = new Date(instant).getTime();
  const duplicate = seen.has(at);
  seen.add(at);
  if (duplicate) return 'эта дата уже есть в списке';
  if (at <= Date.now()) return 'уже прошла';
  if (at >= Date.now() + EVENT_LIMITS.horizonDays * 24 * 3600 * 1000) return 'дальше чем через год';
  return null;
}

/** The dates a new series will have, before anything is saved. */
function SchedulePreview({ starts }: { starts: string[] }) {
  const seen = new Set<number>();
  return (
    <Stack gap={4} aria-live="polite">
      <Text fw={600}>
        {`Будет создано: ${starts.length} ${plural(starts.length, ['мероприятие', 'мероприятия', 'мероприятий'])}`}
      </Text>
      <List size="sm" spacing={2} aria-label="Даты мероприятий">
        {starts.map((start, index) => {
          const issue = problem(start, seen);
          return (
            <List.Item key={`${start}-${index}`}>
              {dayjs(start).locale('ru').format('dd, D MMMM YYYY, HH:mm')}
              {issue && (
                <Text span c="var(--mantine-color-error)" size="sm">
                  {` — ${issue}`}
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}

interface Props<V extends ScheduleValues> {
  form: UseFormReturnType<V>;
  /** An existing event keeps its one date: a series is made only when events are created. */
  single: boolean;
}

/** The start of an event and, for a new one, the dates it repeats on. */
export function ScheduleFields<V extends ScheduleValues>({ form, single }: Props<V>) {
  // The form holds more than the schedule; these are the fields this part reads and writes.
  const f = form as unknown as UseFormReturnType<ScheduleValues>;
  const values = f.getValues();
  const starts = occurrences(values);
  const atLimit = values.extraDates.length + 1 >= EVENT_LIMITS.occurrences;

  return (
    <Fieldset legend="Когда" variant="unstyled">
      <Stack gap="sm">
        <Group align="flex-start" gap="sm">
          <DayInput label={single ? 'Дата' : 'Дата (первая, если мероприятие повторяется)'} required {...f.getInputProps('date')} />
          <ClockInput label="Время начала" description="По местному времени" required {...f.getInputProps('time')} />
        </Group>
        {!single && (
          <>
            <Radio.Group label="Повторять" {...f.getInputProps('repeat')}>
              <Stack gap="xs" mt="xs">
                {REPEATS.map((r) => (
                  <Radio key={r.value} value={r.value} label={r.label} />
                ))}
              </Stack>
            </Radio.Group>
            {values.repeat === 'weekly' && (
              <NumberInput
                label="Сколько недель подряд"
                description={`Считая первую дату; не больше ${EVENT_LIMITS.occurrences}`}
                min={2}
                max={EVENT_LIMITS.occurrences}
                allowDecimal={false}
                allowNegative={false}
                size="md"
                w={{ base: '100%', xs: 240 }}
                {...f.getInputProps('weeks')}
              />
            )}
            {values.repeat === 'dates' && (
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  В то же время, что и первая дата.
                </Text>
                {values.extraDates.map((extra, index) => (
                  <Group key={extra.key} align="flex-end" gap="sm">
                    <DayInput label={`Дата ${index + 2}`} {...f.getInputProps(`extraDates.${index}.date`)} />
                    <Button variant="subtle" color="red.9" aria-label={`Убрать дату ${index + 2}`} onClick={() => f.removeListItem('extraDates', index)}>
                      Убрать
                    </Button>
                  </Group>
                ))}
                {atLimit ? (
                  <Text size="sm">{`За один раз — не больше ${EVENT_LIMITS.occurrences} дат.`}</Text>
                ) : (
                  <Group>
                    <Button variant="outline" onClick={() => f.insertListItem('extraDates', { key: randomId(), date: null })}>
                      Добавить дату
                    </Button>
                  </Group>
                )}
              </Stack>
            )}
            {values.repeat !== 'none' && starts.length > 0 && <SchedulePreview starts={starts} />}
          </>
        )}
      </Stack>
    </Fieldset>
  );
}
