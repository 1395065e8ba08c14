import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import type { SupportRequestView } from '@common/schemas/support.js';
import { errorMessage } from '@web/lib/api-client';
import { formatDateTime } from '@web/lib/format';
import { StatusBadge } from '@web/lib/components/status-badge';
import { statusColor } from './status';

const AUTHOR: Record<'requester' | 'answer' | 'note', string> = { requester: 'Вы', answer: 'Поддержка', note: 'Заметка' };

/** One request as its requester sees it: status, the question, the answers, and a way to add to it. */
export function RequestThread({
  request,
  attachmentUrl,
  onReply,
  replying,
}: {
  request: SupportRequestView;
  attachmentUrl: (attachmentId: string) => string;
  onReply: (text: string) => Promise<unknown>;
  replying: boolean;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const closedByRule = request.status === 'no_answer';
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`request-${request.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={`request-${request.id}`}>
            Обращение № {request.number} · {request.topicLabel}
          </Title>
          <StatusBadge label={request.statusLabel} color={statusColor(request.status)} />
        </Group>
        <Text size="sm" c="dimmed">
          Отправлено {formatDateTime(request.createdAt)}
        </Text>
        {closedByRule && request.noAnswerReason && (
          <Alert color="gray" title="Оставлено без ответа">
            {request.noAnswerReason}. Так требует порядок работы с обращениями программы. Если у вас новый вопрос, отправьте новое обращение.
          </Alert>
        )}
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{request.text}</Text>
        {request.attachments.length > 0 && (
          <Group gap="sm">
            {request.attachments.map((a) => (
              <Anchor key={a.id} href={attachmentUrl(a.id)}>
                {a.fileName}
              </Anchor>
            ))}
          </Group>
        )}
        {request.messages.map((m) => (
          <Card key={m.id} withBorder padding="sm" bg={m.kind === 'answer' ? 'blue.0' : undefined}>
            <Text size="sm" fw={600}>
              {AUTHOR[m.kind]} · {formatDateTime(m.createdAt)}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.text}</Text>
          </Card>
        ))}
        {!closedByRule && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setError(null);
              if (!text.trim()) return setError('Напишите, что хотите добавить');
              onReply(text.trim()).then(
                () => setText(''),
                (err: unknown) => setError(errorMessage(err)),
              );
            }}
          >
            <Stack gap="xs">
              <Textarea label="Дополнить обращение" rows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} error={error} maxLength={5000} />
              <Group>
                <Button type="submit" variant="light" loading={replying}>
                  Отправить
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
