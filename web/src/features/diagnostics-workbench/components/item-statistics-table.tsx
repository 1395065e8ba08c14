import { Badge, Table, Text } from '@mantine/core';
import type { ItemStatistic } from '@common/diagnostics/statistics.js';
import { formatDecimal } from '../labels';

/** Each item of a scale with its facility, discrimination and whether it is weak. */
export function ItemStatisticsTable({ scaleTitle, items }: { scaleTitle: string; items: ItemStatistic[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{`Задания шкалы «${scaleTitle}»`}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Задание</Table.Th>
            <Table.Th>Трудность</Table.Th>
            <Table.Th>Дискриминативность</Table.Th>
            <Table.Th>Оценка</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.itemId}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {item.itemId}
                </Text>
                <Text size="sm">{item.text}</Text>
              </Table.Td>
              <Table.Td>{formatDecimal(item.facility)}</Table.Td>
              <Table.Td>{item.discrimination === null ? 'не считается' : formatDecimal(item.discrimination)}</Table.Td>
              <Table.Td>
                {item.weak ? (
                  <Badge color="red.9" variant="light" tt="none">
                    слабое
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    в норме
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
