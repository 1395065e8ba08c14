import { Link } from 'react-router';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { LoadError } from '../components/page';
import { usePupilEvents } from './pupil-events-api';
import { EnrolmentItem } from './enrolment-item';

/**
 * A child's «Запланированные» in the parent cabinet: the child's requests waiting for the parent's
 * agreement come first, since their seat is lost when the time runs out.
 */
export function ChildEventsBlock({ childId, childName }: { childId: string; childName: string }) {
  const events = usePupilEvents(childId);
  const planned = events.data?.planned ?? [];
  const ordered = [...planned.filter((e) => e.status === 'held'), ...planned.filter((e) => e.status !== 'held')];
  return (
    <Stack gap="xs">
      <Title order={4}>Запланированные</Title>
      {events.isError ? (
        <LoadError error={events.error} onRetry={() => void events.refetch()} />
      ) : events.isPending ? (
        <Text size="sm">Загружаем…</Text>
      ) : ordered.length === 0 ? (
        <Text>Ребёнок пока никуда не записан.</Text>
      ) : (
        ordered.map((item) => <EnrolmentItem key={item.id} item={item} viewer="parent" headingOrder={5} />)
      )}
      <Group>
        <Button component={Link} to={`/parent/children/${childId}/events`} variant="light" aria-label={`Все мероприятия: ${childName}`}>
          Все мероприятия
        </Button>
      </Group>
    </Stack>
  );
}
