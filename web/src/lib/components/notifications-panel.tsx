import { Link, useLocation } from 'react-router';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '../api-client';
import { formatDateTime } from '../format';
import { useMarkNotificationRead, useNotifications } from '../notifications';
import { LoadError, PageLoader } from './page';

export function NotificationsPanel() {
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const { pathname } = useLocation();

  return (
    <Stack gap="sm" component="section" aria-labelledby="notifications-title">
      <Title order={2} id="notifications-title">
        Уведомления
      </Title>
      {notifications.isPending && <PageLoader label="Загружаем уведомления…" />}
      {notifications.isError && <LoadError error={notifications.error} onRetry={() => void notifications.refetch()} />}
      {notifications.data?.length === 0 && <Text>Пока уведомлений нет. Здесь появятся новости о кабинете.</Text>}
      {markRead.isError && (
        <Text c="red.9" size="sm" role="alert">
          {errorMessage(markRead.error)}
        </Text>
      )}
      {notifications.data?.map((n) => (
        <Card key={n.id} withBorder padding="md" bg={n.readAt ? undefined : 'bilet.0'}>
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text fw={700}>{n.title}</Text>
              {!n.readAt && (
                <Badge color="bilet" variant="filled" tt="none">
                  Новое
                </Badge>
              )}
            </Group>
            <Text>{n.body}</Text>
            {n.link && n.link !== pathname && (
              <Anchor component={Link} to={n.link} fw={600}>
                Подробнее
              </Anchor>
            )}
            <Group justify="space-between" gap="xs">
              <Text size="sm" c="dimmed">
                {formatDateTime(n.createdAt)}
              </Text>
              {!n.readAt && (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  loading={markRead.isPending && markRead.variables === n.id}
                  onClick={() => markRead.mutate(n.id)}
                  aria-label={`Отметить прочитанным: ${n.title}`}
                >
                  Отметить прочитанным
                </Button>
              )}
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
