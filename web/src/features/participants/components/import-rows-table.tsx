import { Table, Text } from '@mantine/core';

export interface RowNote {
  row: number;
  column: string;
  text: string;
}

/** Row-level notes of an import: what is wrong in which cell, or what became of a row. */
export function ImportRowsTable({ caption, columnLabel, rows, total }: { caption: string; columnLabel: string; rows: RowNote[]; total: number }) {
  return (
    <>
      <Table.ScrollContainer minWidth={480}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>Строка</Table.Th>
              <Table.Th w={220}>{columnLabel}</Table.Th>
              <Table.Th>Пояснение</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={`${r.row}-${r.column}-${i}`}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.column}</Table.Td>
                <Table.Td>{r.text}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > rows.length && (
        <Text size="sm" c="dimmed">
          {`Показаны первые ${rows.length} из ${total}. Полный список — в отчёте.`}
        </Text>
      )}
    </>
  );
}
