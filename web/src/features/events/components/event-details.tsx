import { Alert, Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import { DIFFICULTY_LABELS, EVENT_FORMAT_LABELS } from '@common/events.js';
import type { EventCard } from '@common/schemas/events.js';
import { Fact } from '@web/lib/components/fact';
import { formatDuration, formatGrades, formatPlace, formatSeats, formatWhen } from '@web/lib/event-format';

/** Everything a family needs to decide and to get there; the page's title carries the event's name. */
export function EventDetails({ event }: { event: EventCard }) {
  const place = formatPlace(event);
  return (
    <Stack gap="md">
      {event.status === 'cancelled' && (
        <Alert color="red" title="Мероприятие отменено" role="status">
          {event.changeReason ?? 'Организаторы отменили это мероприятие.'}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <Fact label="Когда (время московское)" value={formatWhen(event)} />
        <Fact label="Продолжительность" value={formatDuration(event.durationMinutes)} />
        <Fact label="Компетенция" value={`${event.competency.name} (${event.competency.sphereName})`} />
        <Fact label="Формат" value={EVENT_FORMAT_LABELS[event.format]} />
        {event.school && <Fact label="Школа" value={event.school.name} />}
        {place && event.format !== 'school_lesson' && <Fact label="Место" value={place} />}
        <Fact label={event.format === 'in_person' ? 'Площадка' : 'Площадка наставника'} value={event.venue.name} />
        <Fact label={event.mentors.length > 1 ? 'Наставники' : 'Наставник'} value={event.mentors.map((m) => m.name).join(', ') || 'Будет назначен'} />
        <Fact label="Для кого" value={`${formatGrades(event)}, ${DIFFICULTY_LABELS[event.difficulty].toLowerCase()}`} />
        <Fact label="Места" value={formatSeats(event)} />
      </SimpleGrid>
      {event.ovzSuitable && (
        <Text size="sm">
          <b>Подходит для детей с ОВЗ.</b> {event.ovzNotes}
        </Text>
      )}
      {event.videoUrl && (
        <Text size="sm">
          Видеосвязь:{' '}
          <Anchor href={event.videoUrl} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
            {event.videoUrl}
          </Anchor>
        </Text>
      )}
      <Text style={{ whiteSpace: 'pre-line' }}>{event.description}</Text>
    </Stack>
  );
}
