import { Link } from 'react-router';
import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { SupportQueueItem } from '@common/schemas/support.js';
import { SUPPORT_STATUS_LABELS, SUPPORT_TOPIC_LABELS } from '@common/support/requests.js';
import { StatusBadge } from '@web/lib/components/status-badge';
import { formatDateTime } from '@web/lib/format';
import { slaState } from './sla';
import { statusColor } from './status';

interface Props {
  items: SupportQueueItem[];
  /** The rules' names by code, for the «rule» column. */
  ruleLabels: ReadonlyMap<string, string>;
  now: Date;
}

const ruleOf = (item: SupportQueueItem, labels: ReadonlyMap<string, string>) => (item.intakeRule ? (labels.get(item.intakeRule) ?? item.intakeRule) : null);

function Due({ item, now, named = false }: { item: SupportQueueItem; now: Date; named?: boolean }) {
  const sla = slaState(item, now);
  return (
    <Text size="sm" c={sla.overdue ? 'red.9' : undefined} fw={sla.overdue ? 700 : undefined}>
      {named ? `Срок ответа: ${sla.label}` : sla.label}
    </Text>
  );
}

const requestLink = (item: SupportQueueItem) => (
  <Anchor component={Link} to={`/staff/support/${item.id}`}>
    № {item.number}
  </Anchor>
);

/**
 * On a phone each request is a card: nine columns do not fit 360 px, and an operator on duty must
 * see the status and the deadline without scrolling sideways.
 */
function QueueCards({ items, ruleLabels, now }: Props) {
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Очередь обращений, новые сверху">
      {items.map((item) => {
        const rule = ruleOf(item, ruleLabels);
        return (
          <Paper component="li" withBorder p="sm" key={item.id}>
            <Stack gap={4}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text fw={600}>{requestLink(item)}</Text>
                <StatusBadge label={SUPPORT_STATUS_LABELS[item.status]} color={statusColor(item.status)} />
              </Group>
              <Text>
                {item.requesterName}
                {item.channel === 'email' ? ' · по почте' : ''}
              </Text>
              <Text size="sm">{SUPPORT_TOPIC_LABELS[item.topic]}</Text>
              <Text size="sm" c="dimmed">
                {[item.regionName ?? 'Регион не указан', `поступило ${formatDateTime(item.createdAt)}`].join(' · ')}
              </Text>
              {rule && <Text size="sm">{`Правило: ${rule}`}</Text>}
              {item.assigneeName && <Text size="sm">{`Исполнитель: ${item.assigneeName}`}</Text>}
              <Due item={item} now={now} named />
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

function QueueTable({ items, ruleLabels, now }: Props) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover>
        <Table.Caption>Очередь обращений, новые сверху</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Номер</Table.Th>
            <Table.Th>Заявитель</Table.Th>
            <Table.Th>Тема</Table.Th>
            <Table.Th>Регион</Table.Th>
            <Table.Th>Статус</Table.Th>
            <Table.Th>Правило</Table.Th>
            <Table.Th>Исполнитель</Table.Th>
            <Table.Th>Поступило</Table.Th>
            <Table.Th>Срок ответа</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{requestLink(item)}</Table.Td>
              <Table.Td>
                {item.requesterName}
                {item.channel === 'email' && (
                  <Text size="xs" c="dimmed">
                    по почте
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{SUPPORT_TOPIC_LABELS[item.topic]}</Table.Td>
              <Table.Td>{item.regionName ?? 'Регион не указан'}</Table.Td>
              <Table.Td>
                <StatusBadge label={SUPPORT_STATUS_LABELS[item.status]} color={statusColor(item.status)} />
              </Table.Td>
              <Table.Td>{ruleOf(item, ruleLabels) ?? '—'}</Table.Td>
              <Table.Td>{item.assigneeName ?? '—'}</Table.Td>
              <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
              <Table.Td>
                <Due item={item} now={now} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The queue as a table, or as cards on a phone. */
export function QueueList(props: Props) {
  const phone = useMediaQuery('(max-width: 48em)');
  return phone ? <QueueCards {...props} /> : <QueueTable {...props} />;
}
