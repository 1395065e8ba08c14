import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import { DIFFICULTY_LABELS, EVENT_FORMAT_LABELS } from '@common/events.js';
import type { StaffEventDetail } from '@common/schemas/events.js';
import { Fact } from '@web/lib/components/fact';
import { formatDuration, formatGrades, formatPlace, formatWhen } from '@web/lib/event-format';
import { plural } from '@web/lib/format';

const PLACE_LABELS = { in_person: 'Место проведения', school_lesson: 'Школа', online: 'Где' } as const;

const people = (n: number) => `${n} ${plural(n, ['ученик', 'ученика', 'учеников'])}`;

/** Everything an event's card says, as the staff read it. */
export function EventFacts({ event }: { event: StaffEventDetail }) {
  const taken = event.capacity - event.seatsLeft;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        <Fact label="Компетенция" value={`${event.competency.name} (${event.competency.sphereName})`} />
        <Fact label="Формат" value={EVENT_FORMAT_LABELS[event.format]} />
        <Fact label="Когда" value={`${formatWhen(event)} (мск)`} />
        <Fact label="Продолжительность" value={formatDuration(event.durationMinutes)} />
        <Fact label={PLACE_LABELS[event.format]} value={formatPlace(event) ?? 'Онлайн, по видеосвязи'} />
        <Fact label="Площадка" value={event.venue.name} />
        <Fact label="Классы" value={formatGrades(event)} />
        <Fact label="Сложность" value={DIFFICULTY_LABELS[event.difficulty]} />
        <Fact label="Места" value={`Занято ${taken} из ${event.capacity}, свободно ${event.seatsLeft}`} />
        <Fact label="Записаны" value={people(event.counts.confirmed)} />
        <Fact label="Ждут согласия родителя" value={people(event.counts.held)} />
        <Fact label="В листе ожидания" value={people(event.counts.waitlisted)} />
        <Fact label="Для детей с ОВЗ" value={event.ovzSuitable ? (event.ovzNotes ?? 'Подходит') : 'Не приспособлено'} />
        <Fact label="Наставники" value={event.mentors.map((m) => m.name).join(', ') || 'Не назначены'} />
      </SimpleGrid>
      {event.videoUrl && (
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            Ссылка на видеосвязь
          </Text>
          <Anchor href={event.videoUrl} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
            {event.videoUrl}
          </Anchor>
        </Stack>
      )}
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          Описание
        </Text>
        <Text style={{ whiteSpace: 'pre-line' }}>{event.description}</Text>
      </Stack>
    </Stack>
  );
}
