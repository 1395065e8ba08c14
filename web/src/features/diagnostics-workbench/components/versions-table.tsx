import { Table, Text } from '@mantine/core';
import { formatDateTime } from '@web/lib/format';
import type { WorkbenchVersion } from '../api/workbench-api';
import { PublishButton } from './publish-button';
import { VersionStatusBadge } from './status-badge';

interface Props {
  testId: number;
  kind: 'test' | 'game';
  versions: WorkbenchVersion[];
  unsaved: boolean;
  onPublished: (version: number) => void;
}

/** Every version of a test, newest first; the draft, if there is one, can be published from here. */
export function VersionsTable({ testId, kind, versions, unsaved, onPublished }: Props) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>Версии</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Версия</Table.Th>
            <Table.Th>Статус</Table.Th>
            {kind === 'test' && <Table.Th>Заданий</Table.Th>}
            <Table.Th>Сохранена</Table.Th>
            <Table.Th>Опубликована</Table.Th>
            <Table.Th>Прохождений</Table.Th>
            <Table.Th>Откуда</Table.Th>
            <Table.Th>Действия</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>
                <VersionStatusBadge status={v.status} />
              </Table.Td>
              {kind === 'test' && <Table.Td>{v.itemCount}</Table.Td>}
              <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
              <Table.Td>{v.publishedAt ? formatDateTime(v.publishedAt) : '—'}</Table.Td>
              <Table.Td>{v.completedAttempts}</Table.Td>
              <Table.Td>{v.fromCatalogue ? 'Каталог платформы' : 'Методолог'}</Table.Td>
              <Table.Td>
                {v.status === 'draft' ? (
                  <PublishButton testId={testId} version={v} unsaved={unsaved} onPublished={onPublished} />
                ) : (
                  <Text size="sm" c="dimmed">
                    —
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
