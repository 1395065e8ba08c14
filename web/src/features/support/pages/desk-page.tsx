import { useState } from 'react';
import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { SUPPORT_FIRST_ANSWER_SLA, SUPPORT_STATUSES, SUPPORT_STATUS_LABELS, SUPPORT_TOPICS, SUPPORT_TOPIC_LABELS } from '@common/support/requests.js';
import { filterSelectProps } from '@web/lib/components/data-table';
import { ListSelect } from '@web/lib/components/list-select';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { useRegions } from '@web/lib/reference';
import { useSession } from '@web/lib/session';
import { useDeskReference, useFigures, useQueue, type DeskFilters } from '../api/support-api';
import { QueueList } from '../components/queue-list';

const FIGURE_DAYS = 30;

function FiguresPanel() {
  const figures = useFigures(FIGURE_DAYS);
  if (figures.isPending) return <PageLoader label="Считаем показатели…" />;
  if (figures.isError) return <LoadError error={figures.error} />;
  const f = figures.data;
  return (
    <Card withBorder component="section" aria-labelledby="support-figures">
      <Title order={2} size="h4" id="support-figures" mb="sm">
        Показатели за {FIGURE_DAYS} дней
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <div>
          <Text size="sm" c="dimmed">
            Обращений
          </Text>
          <Text fz="xl" fw={700}>
            {f.volume}
          </Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            Медиана до первого ответа
          </Text>
          <Text fz="xl" fw={700}>
            {f.medianFirstAnswerHours === null ? '—' : `${f.medianFirstAnswerHours.toLocaleString('ru-RU')} ч`}
          </Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            Оставлено без ответа по правилам
          </Text>
          {f.byRule.length === 0 ? (
            <Text>Нет</Text>
          ) : (
            <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {f.byRule.map((r) => (
                <Text component="li" key={r.rule} size="sm">
                  {r.label}: {r.count} ({Math.round(r.share * 1000) / 10} %)
                </Text>
              ))}
            </Stack>
          )}
        </div>
      </SimpleGrid>
    </Card>
  );
}

const NO_FILTERS: DeskFilters = { status: null, topic: null, region: null, rule: null, assignee: null };

/** The operator's desk: the queue with filters and the service-level timer, and the figures. */
export function DeskPage() {
  const session = useSession();
  const [filters, setFilters] = useState<DeskFilters>(NO_FILTERS);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const queue = useQueue(filters, cursor);
  const reference = useDeskReference();
  const regions = useRegions();
  const coordinator = session.data?.role === 'regional_coordinator';
  const setFilter = (key: keyof DeskFilters) => (value: string | null) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setCursors([null]);
  };
  const now = new Date();
  const ruleLabels = new Map((reference.data?.rules ?? []).map((r) => [r.code, r.label]));

  return (
    <Stack>
      <PageTitle lead={coordinator ? 'Обращения вашего региона. Отвечаете вы на те, что переданы в регион.' : SUPPORT_FIRST_ANSWER_SLA.label}>Обращения</PageTitle>
      <FiguresPanel />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <ListSelect label="Статус" {...filterSelectProps} data={SUPPORT_STATUSES.map((s) => ({ value: s, label: SUPPORT_STATUS_LABELS[s] }))} value={filters.status} onChange={setFilter('status')} />
        <ListSelect label="Тема" {...filterSelectProps} data={SUPPORT_TOPICS.map((t) => ({ value: t, label: SUPPORT_TOPIC_LABELS[t] }))} value={filters.topic} onChange={setFilter('topic')} />
        {!coordinator && (
          <ListSelect
            label="Регион"
            searchable
            {...filterSelectProps}
            data={[{ value: 'none', label: 'Регион не указан' }, ...(regions.data ?? []).map((r) => ({ value: String(r.id), label: r.name }))]}
            value={filters.region}
            onChange={setFilter('region')}
          />
        )}
        <ListSelect label="Правило" {...filterSelectProps} data={(reference.data?.rules ?? []).map((r) => ({ value: r.code, label: r.label }))} value={filters.rule} onChange={setFilter('rule')} />
        <ListSelect
          label="Исполнитель"
          {...filterSelectProps}
          data={[{ value: 'me', label: 'Мне' }, { value: 'none', label: 'Не назначен' }, ...(reference.data?.operators ?? []).map((o) => ({ value: o.id, label: o.name }))]}
          value={filters.assignee}
          onChange={setFilter('assignee')}
        />
      </Group>
      {queue.isPending ? (
        <PageLoader />
      ) : queue.isError ? (
        <LoadError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <Text>Обращений с такими условиями нет.</Text>
      ) : (
        <QueueList items={queue.data.items} ruleLabels={ruleLabels} now={now} />
      )}
      <Group>
        <Button variant="default" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Назад
        </Button>
        <Button variant="default" disabled={!queue.data?.nextCursor} onClick={() => setCursors((c) => [...c, queue.data!.nextCursor])}>
          Дальше
        </Button>
      </Group>
    </Stack>
  );
}
