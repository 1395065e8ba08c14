import { useId, useState } from 'react';
import { Alert, Button, Checkbox, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ERASURE_GRACE_DAYS, erasureDueAt } from '@common/data-rights.js';
import type { ErasureState } from '@common/schemas/data-rights.js';
import { api, errorMessage, post } from '../api-client';
import { formatDate } from '../format';

interface Props {
  /** Whose data: a parent's child by id; the signed-in person itself without it. */
  subjectId?: string;
  /** Who reads the page, for the voice of the texts and whether erasure is offered here. */
  audience: 'parent' | 'pupil' | 'staff';
  headingOrder: 2 | 3 | 4;
}

const TEXTS = {
  parent: {
    lead: 'Всё, что платформа хранит о ребёнке, и кто из сотрудников и когда смотрел его данные.',
    erase: 'Удалить учётную запись ребёнка',
    warning: `Учётная запись будет заморожена сразу: ребёнок не сможет войти, его записи на мероприятия отменятся, сотрудники перестанут его видеть. Через ${ERASURE_GRACE_DAYS} дней все данные ребёнка — профиль, результаты тестов, цифровой след, план, сканы согласий — будут удалены без возможности восстановления. До этого дня вы можете отменить удаление здесь же.`,
    frozen: 'Учётная запись ребёнка заморожена',
  },
  pupil: {
    lead: 'Всё, что платформа хранит о тебе, и кто из сотрудников и когда смотрел твои данные.',
    erase: 'Удалить мою учётную запись',
    warning: `Учётная запись будет заморожена сразу: ты выйдешь из кабинета и больше не сможешь войти, твои записи на мероприятия отменятся. Через ${ERASURE_GRACE_DAYS} дней все твои данные — профиль, результаты тестов, цифровой след, план — будут удалены без возможности восстановления. Отменить удаление ты сам уже не сможешь.`,
    frozen: 'Учётная запись заморожена',
  },
  staff: { lead: 'Всё, что платформа хранит о вас, и кто и когда смотрел ваши данные.', erase: '', warning: '', frozen: '' },
} as const;

function archiveUrl(subjectId: string | undefined, format: 'json' | 'pdf'): string {
  const query = new URLSearchParams({ format, ...(subjectId ? { subjectId } : {}) });
  return `/api/data-rights/archive?${query}`;
}

function Erasure({ subjectId, audience }: { subjectId?: string; audience: 'parent' | 'pupil' }) {
  const queryClient = useQueryClient();
  const warningId = useId();
  const [asking, setAsking] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const key = ['data-rights', 'erasure', subjectId ?? 'self'];
  const path = `/data-rights/erasure${subjectId ? `?subjectId=${subjectId}` : ''}`;
  const state = useQuery({ queryKey: key, queryFn: () => api<ErasureState>(path) });
  const texts = TEXTS[audience];
  const onDone = (next: ErasureState) => {
    queryClient.setQueryData(key, next);
    setAsking(false);
    setUnderstood(false);
  };
  const request = useMutation({
    mutationFn: () => post<ErasureState>('/data-rights/erasure', subjectId ? { subjectId } : {}),
    onSuccess: (next) => {
      // The pupil's own session ends with the freeze.
      if (audience === 'pupil') window.location.assign('/');
      else onDone(next);
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const cancel = useMutation({
    mutationFn: () => post<ErasureState>('/data-rights/erasure/cancel', subjectId ? { subjectId } : {}),
    onSuccess: (next) => {
      onDone(next);
      notifications.show({ color: 'green', message: 'Удаление отменено, учётная запись снова действует' });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });

  if (state.isError) return <Text size="sm" c="red">Не удалось узнать, запрошено ли удаление учётной записи. Обновите страницу.</Text>;
  if (!state.data) return null;
  const { pending, mayRequest, refusal } = state.data;
  if (pending) {
    return (
      <Alert color="orange" title={texts.frozen} role="status">
        <Stack gap="xs">
          <Text size="sm">
            Удаление запрошено {formatDate(pending.requestedAt)}. Все данные будут удалены {formatDate(pending.dueAt)}.
          </Text>
          {pending.requestedByCaller && (
            <Group>
              <Button variant="default" onClick={() => cancel.mutate()} loading={cancel.isPending}>
                Отменить удаление
              </Button>
            </Group>
          )}
        </Stack>
      </Alert>
    );
  }
  if (!mayRequest) return refusal ? <Text size="sm" c="dimmed">{refusal}</Text> : null;
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="subtle" color="red" onClick={() => setAsking((v) => !v)} aria-expanded={asking} aria-controls={warningId}>
          {texts.erase}
        </Button>
      </Group>
      <Collapse expanded={asking} id={warningId}>
        <Alert color="red" title="Это действие нельзя будет отменить после срока">
          <Stack gap="sm">
            <Text size="sm">{texts.warning}</Text>
            <Text size="sm" fw={700}>
              Дата удаления: {formatDate(erasureDueAt(new Date()).toISOString())}
            </Text>
            <Checkbox
              label="Я понимаю, что данные будут удалены навсегда"
              checked={understood}
              onChange={(e) => setUnderstood(e.currentTarget.checked)}
            />
            <Group>
              <Button color="red" disabled={!understood} loading={request.isPending} onClick={() => request.mutate()}>
                Запросить удаление
              </Button>
            </Group>
          </Stack>
        </Alert>
      </Collapse>
    </Stack>
  );
}

/** «Скачать мои данные» (art. 14 of 152-FZ) and, for families, the request to erase the pupil's account (art. 21). */
export function DataRightsSection({ subjectId, audience, headingOrder }: Props) {
  const titleId = useId();
  const download = audience === 'parent' ? 'Скачать данные ребёнка' : 'Скачать мои данные';
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId}>
      <Title order={headingOrder} id={titleId}>
        {audience === 'parent' ? 'Данные ребёнка на платформе' : 'Мои данные на платформе'}
      </Title>
      <Text size="sm">{TEXTS[audience].lead}</Text>
      <Group>
        <Button component="a" href={archiveUrl(subjectId, 'json')} download variant="light">
          {download} (JSON)
        </Button>
        <Button component="a" href={archiveUrl(subjectId, 'pdf')} download variant="light">
          {download} (PDF)
        </Button>
      </Group>
      {audience !== 'staff' && <Erasure subjectId={subjectId} audience={audience} />}
    </Stack>
  );
}
