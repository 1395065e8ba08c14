import { useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { StaffEventDetail } from '@common/schemas/events.js';
import { errorMessage } from '@web/lib/api-client';
import { ConfirmDialog } from '@web/lib/components/confirm-dialog';
import { formatDateTime } from '@web/lib/format';
import { useIssueLink, useRevokeLink } from '../api/events-staff-api';

interface Props {
  event: StaffEventDetail;
  /** The venue issues and revokes the link; the school only passes it on. */
  manage: boolean;
}

/**
 * A lesson's registration link: the school sends it to the parents, who enrol their child by it.
 * The QR code is for a printed notice or a parents' meeting.
 */
export function RegistrationLink({ event, manage }: Props) {
  const issue = useIssueLink(event.id);
  const revoke = useRevokeLink(event.id);
  const [confirming, setConfirming] = useState<null | 'issue' | 'revoke'>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const link = event.link;

  const run = (which: 'issue' | 'revoke') => {
    setFailure(null);
    (which === 'issue' ? issue : revoke).mutate(undefined, {
      onSuccess: () => {
        setConfirming(null);
        notifications.show({ color: 'green', title: which === 'issue' ? 'Выпущена новая ссылка' : 'Ссылка отозвана', message: event.title });
      },
      onError: (e) => {
        setConfirming(null);
        setFailure(errorMessage(e));
      },
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="registration-link-title">
      <Stack gap="sm">
        <Title order={2} id="registration-link-title">
          Ссылка для регистрации
        </Title>
        <Text size="sm">
          {manage
            ? 'Ссылку получают ответственные в школе и рассылают родителям. Родитель входит на платформу по ссылке, видит карточку урока и записывает ребёнка.'
            : 'Перешлите эту ссылку родителям учеников: по ней родитель входит на платформу, видит карточку урока и записывает ребёнка. QR-код можно распечатать для родительского собрания.'}
        </Text>
        {link ? (
          <>
            <Group gap="sm" align="center" wrap="wrap">
              <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{link.url}</Code>
              <CopyButton value={link.url}>
                {({ copied, copy }) => (
                  <Button variant="light" size="sm" onClick={copy}>
                    {copied ? 'Скопировано' : 'Скопировать ссылку'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Image
              src={`data:image/svg+xml;utf8,${encodeURIComponent(link.qrSvg)}`}
              alt="QR-код ссылки для записи на урок"
              w={200}
              h={200}
              fit="contain"
              bg="white"
            />
            <Text size="sm" c="dimmed">{`Выпущена ${formatDateTime(link.createdAt)}`}</Text>
          </>
        ) : (
          <Text>{manage ? 'Действующей ссылки нет: выпустите её, чтобы школа могла записывать учеников.' : 'Площадка ещё не выпустила ссылку или отозвала её.'}</Text>
        )}
        {manage && (
          <Group gap="sm">
            <Button variant={link ? 'outline' : 'filled'} onClick={() => (link ? setConfirming('issue') : run('issue'))} loading={!link && issue.isPending}>
              {link ? 'Выпустить новую ссылку' : 'Выпустить ссылку'}
            </Button>
            {link && (
              <Button variant="outline" color="red.9" onClick={() => setConfirming('revoke')}>
                Отозвать ссылку
              </Button>
            )}
          </Group>
        )}
        {failure && (
          <Alert color="red" title="Не получилось" role="alert">
            {failure}
          </Alert>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming === 'issue'}
        title="Выпустить новую ссылку?"
        confirmLabel="Выпустить новую"
        loading={issue.isPending}
        onConfirm={() => run('issue')}
        onClose={() => setConfirming(null)}
        danger={false}
      >
        Старая ссылка перестанет работать сразу. Уже записанные дети останутся записаны, но школе нужно будет разослать родителям новую ссылку.
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirming === 'revoke'}
        title="Отозвать ссылку?"
        confirmLabel="Отозвать"
        loading={revoke.isPending}
        onConfirm={() => run('revoke')}
        onClose={() => setConfirming(null)}
      >
        По ссылке больше нельзя будет записаться. Уже записанные дети останутся записаны.
      </ConfirmDialog>
    </Paper>
  );
}
