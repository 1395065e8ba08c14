import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CorrectionStatus, CorrectionView } from '@common/schemas/corrections.js';
import { ApiError, errorMessage } from '@web/lib/api-client';
import { describeRequested } from '@web/lib/components/correction-request';
import { Fact } from '@web/lib/components/fact';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useDecideCorrection, useSchoolCorrections } from '@web/lib/corrections';
import { formatDate, formatDateTime } from '@web/lib/format';

const STATUS_TABS: Array<{ value: CorrectionStatus; label: string }> = [
  { value: 'pending', label: 'Ждут ответа' },
  { value: 'confirmed', label: 'Исправлены' },
  { value: 'refused', label: 'Отказано' },
];

const REQUESTER: Record<CorrectionView['requestedBy']['role'], string> = { participant: 'ученик', parent: 'родитель' };

function RefuseDialog({ item, onClose }: { item: CorrectionView; onClose: () => void }) {
  const decide = useDecideCorrection();
  const [reason, setReason] = useState('');
  const fieldError = decide.error instanceof ApiError ? decide.error.fields.reason : undefined;
  return (
    <Modal opened onClose={onClose} title="Отказать в исправлении" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          decide.mutate(
            { id: item.id, decision: 'refuse', reason },
            {
              onSuccess: () => {
                notifications.show({ title: 'Отказ отправлен', message: item.pupil.name });
                onClose();
              },
            },
          );
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">Семья прочитает причину в кабинете: напишите, что не так и что делать дальше.</Text>
          <Textarea label="Причина отказа" required rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError} />
          {decide.isError && !fieldError && (
            <Text size="sm" c="red.9" role="alert">
              {errorMessage(decide.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            <Button type="submit" color="red.9" loading={decide.isPending}>
              Отказать
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RequestCard({ item, onRefuse }: { item: CorrectionView; onRefuse: () => void }) {
  const decide = useDecideCorrection();
  const current = [
    `${item.current.lastName} ${item.current.firstName}`,
    item.current.birthDate ? formatDate(item.current.birthDate) : null,
    item.current.school?.name ?? null,
  ].filter(Boolean);
  return (
    <Card withBorder padding="md" component="article" aria-label={`Запрос: ${item.pupil.name}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {item.pupil.name}, {item.pupil.grade} класс
            </Title>
            <Text size="sm" c="dimmed">
              {`Просит ${REQUESTER[item.requestedBy.role]} ${item.requestedBy.name}, ${formatDateTime(item.createdAt)}`}
            </Text>
          </Stack>
          {item.status !== 'pending' && (
            <Badge color={item.status === 'confirmed' ? 'green' : 'red'} variant="light" tt="none">
              {item.status === 'confirmed' ? 'Исправлено' : 'Отказано'}
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label={item.status === 'confirmed' ? 'Данные сейчас' : 'Записано сейчас'} value={current.join(', ')} />
          <Fact label="Просят исправить" value={describeRequested(item.requested)} />
        </SimpleGrid>
        {item.comment && <Fact label="Комментарий семьи" value={item.comment} />}
        {item.refusalReason && <Fact label="Причина отказа" value={item.refusalReason} />}
        {decide.isError && (
          <Text size="sm" c="red.9" role="alert">
            {errorMessage(decide.error)}
          </Text>
        )}
        {item.status === 'pending' && (
          <Group gap="sm">
            <Button
              loading={decide.isPending}
              onClick={() =>
                decide.mutate({ id: item.id, decision: 'confirm' }, { onSuccess: () => notifications.show({ color: 'green', title: 'Данные исправлены', message: item.pupil.name }) })
              }
            >
              Подтвердить исправление
            </Button>
            <Button variant="outline" color="red.9" onClick={onRefuse}>
              Отказать
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** The school's queue of families' requests to correct a pupil's surname, name, date of birth or school. */
export function CorrectionsPage() {
  const [status, setStatus] = useState<CorrectionStatus>('pending');
  const list = useSchoolCorrections(status);
  const [refusing, setRefusing] = useState<CorrectionView | null>(null);
  return (
    <Stack gap="lg">
      <PageTitle lead="Семьи просят исправить фамилию, имя, дату рождения или школу ученика. Сверьте с документами и подтвердите или откажите с причиной — семья увидит ответ в кабинете.">
        Исправление данных
      </PageTitle>
      <SegmentedControl value={status} onChange={(v) => setStatus(v as CorrectionStatus)} data={STATUS_TABS} aria-label="Какие запросы показать" />
      {list.isPending && <PageLoader />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <Text>{status === 'pending' ? 'Новых запросов нет.' : 'Здесь пока пусто.'}</Text>}
      {list.data?.items.map((item) => <RequestCard key={item.id} item={item} onRefuse={() => setRefusing(item)} />)}
      {refusing && <RefuseDialog item={refusing} onClose={() => setRefusing(null)} />}
    </Stack>
  );
}
