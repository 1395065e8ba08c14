import { useState } from 'react';
import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router';
import { HELP_AUDIENCE_LABELS, HELP_TOPIC_LABELS } from '@common/help.js';
import { LoadError, PageLoader, PageTitle } from '@web/lib/components/page';
import { formatDateTime } from '@web/lib/format';
import { useSession } from '@web/lib/session';
import { useStaffArticles, type StaffArticleRow } from '../api/help-api';

function State({ row }: { row: StaffArticleRow }) {
  return (
    <Group gap={4}>
      {row.publishedVersion !== null && (
        <Badge color="green.9" variant="light">
          Опубликована, в. {row.publishedVersion}
        </Badge>
      )}
      {row.hasDraft && (
        <Badge color="orange.9" variant="light">
          {row.publishedVersion === null ? 'Черновик' : 'Есть правки'}
        </Badge>
      )}
    </Group>
  );
}

/** The support operator's list of articles: drafts and published ones, newest change first. */
export function StaffHelpPage() {
  const session = useSession();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<'' | 'draft' | 'published'>('');
  const [debounced] = useDebouncedValue(q, 300);
  const list = useStaffArticles({ q: debounced, status });
  const editor = session.data?.role === 'support_operator';
  return (
    <Stack gap="md">
      <PageTitle lead="Статьи для участников, родителей и сотрудников: черновики, публикация и версии">Справочный центр</PageTitle>
      <Group gap="sm" align="flex-end">
        {editor && (
          <Button component={Link} to="/staff/help/new">
            Новая статья
          </Button>
        )}
        {editor && (
          <Button component={Link} to="/staff/help/contacts" variant="outline">
            Контакты регионов
          </Button>
        )}
      </Group>
      <Group gap="sm" align="flex-end">
        <TextInput label="Поиск по заголовку или адресу" value={q} onChange={(e) => setQ(e.currentTarget.value)} maxLength={200} w={{ base: '100%', sm: 320 }} />
        <Select
          label="Состояние"
          data={[
            { value: 'draft', label: 'С неопубликованными правками' },
            { value: 'published', label: 'Опубликованные' },
          ]}
          clearable
          placeholder="Все"
          clearButtonProps={{ 'aria-label': 'Сбросить фильтр' }}
          value={status || null}
          onChange={(v) => setStatus((v ?? '') as '' | 'draft' | 'published')}
          w={{ base: '100%', sm: 280 }}
        />
      </Group>
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {!list.data && !list.isError && <PageLoader />}
      {list.data && list.data.length === 0 && <Text>Статей не нашлось.</Text>}
      {list.data && list.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>Статьи справочного центра</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Статья</Table.Th>
                <Table.Th>Для кого и тема</Table.Th>
                <Table.Th>Состояние</Table.Th>
                <Table.Th>Изменена</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/staff/help/${row.id}`}>
                      {row.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      /help/{row.slug}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {HELP_AUDIENCE_LABELS[row.audience]} · {HELP_TOPIC_LABELS[row.topic]}
                  </Table.Td>
                  <Table.Td>
                    <State row={row} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(row.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
