import { Link } from 'react-router';
import { Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { LoadError } from '../components/page';
import { useSession } from '../session';
import { usePupilEvents } from './pupil-events-api';
import { formatWhen } from '../event-format';
import { StatusBadge } from './status-badge';

const SHOWN = 3;

/** The pupil cabinet's way to its events: the next few under «Запланированные», the catalogue one click away. */
export function PlannedEventsCard() {
  const session = useSession();
  const events = usePupilEvents(session.data?.id);
  const planned = events.data?.planned ?? [];
  const attention = planned.filter((e) => e.reconfirmRequired).length;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="events-title">
      <Stack gap="sm">
        <Title order={2} id="events-title">
          Мероприятия
        </Title>
        <Text>Профессиональные пробы: попробуйте профессию вместе с наставником.</Text>
        <Title order={3}>Запланированные</Title>
        {events.isError ? (
          <LoadError error={events.error} onRetry={() => void events.refetch()} />
        ) : events.isPending ? (
          <Text size="sm">Загружаем…</Text>
        ) : planned.length === 0 ? (
          <Text size="sm">Пока ничего не запланировано. Выберите пробу в каталоге.</Text>
        ) : (
          <List spacing="sm" listStyleType="none">
            {planned.slice(0, SHOWN).map((item) => (
              <List.Item key={item.id}>
                <Stack gap={2}>
                  <Anchor component={Link} to={`/participant/events/${item.event.id}`} fw={600}>
                    {item.event.title}
                  </Anchor>
                  <Group gap="xs">
                    <Text size="sm">{formatWhen(item.event)}</Text>
                    <StatusBadge status={item.status} />
                  </Group>
                </Stack>
              </List.Item>
            ))}
          </List>
        )}
        {planned.length > SHOWN && <Text size="sm">{`И ещё ${planned.length - SHOWN} — в разделе «Мои мероприятия».`}</Text>}
        {attention > 0 && <Text size="sm" fw={600}>Одно из мероприятий перенесли — подтвердите участие в разделе «Мои мероприятия».</Text>}
        <Group gap="sm">
          <Button component={Link} to="/participant/events/catalogue">
            К каталогу мероприятий
          </Button>
          <Button component={Link} to="/participant/events" variant="outline">
            Мои мероприятия
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
