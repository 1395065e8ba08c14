import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { DIFFICULTY_LABELS, EVENT_FORMAT_LABELS } from '../../../../../common/events.js';
import type { StaffEventDetail } from '../../../../../common/schemas/events.js';
import { Fact } from '../../../lib/components/fact';
import { formatDateTime, plural } from '../../../lib/format';

function where(event: StaffEventDetail): { label: string; value: string } {
  if (event.format === 'in_person' && event.place) {
    return { label: 'Место проведения', value: `${event.place.name}, ${event.place.cityName}, ${event.place.address}` };
  }
  if (event.format === 'school_lesson' && event.school) return { label: 'Школа', value: event.school.name };
  return { label: 'Где', value: 'Онлайн, по видеосвязи' };
}

const people = (n: number) => `${n} ${plural(n, ['ученик', 'ученика', 'учеников'])}`;

/** Everything an event's card says, as the staff read it. */
export function EventFacts({ event }: { event: StaffEventDetail }) {
  const place = where(event);
  const taken = event.capacity - event.seatsLeft;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        <Fact label="Компетенция" value={`${event.competency.name} (${event.competency.sphereName})`} />
        <Fact label="Формат" value={EVENT_FORMAT_LABELS[event.format]} />
        <Fact label="Начало" value={formatDateTime(event.startsAt)} />
        <Fact label="Продолжительность" value={`${event.durationMinutes} мин, до ${dayjs(event.endsAt).format('HH:mm')}`} />
        <Fact label={place.label} value={place.value} />
        <Fact label="Площадка" value={event.venue.name} />
        <Fact label="Классы" value={`С ${event.gradeFrom} по ${event.gradeTo}`} />
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
