import { Link } from 'react-router';
import { Anchor, Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { DataTable, filterSelectProps, type Column } from '@web/lib/components/data-table';
import { PageTitle } from '@web/lib/components/page';
import { useListState } from '@web/lib/list-state';
import { useWorkbenchTests, type TestStatus, type WorkbenchTest } from '../api/workbench-api';
import { FormatLinks } from '../components/format-help';
import { TestStatusBadge } from '../components/status-badge';
import { TEST_STATUS, gradeBandsLabel } from '../labels';
import { pageOfTests } from '../tests-list';

const STATUS_OPTIONS = (Object.keys(TEST_STATUS) as TestStatus[]).map((value) => ({ value, label: TEST_STATUS[value].label }));

function TitleCell({ test }: { test: WorkbenchTest }) {
  return (
    <Stack gap={2} align="flex-start">
      <Anchor component={Link} to={`/staff/diagnostics/${test.id}`} fw={600}>
        {test.title}
      </Anchor>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          {test.slug}
        </Text>
        {test.kind === 'game' && (
          <Badge size="xs" variant="outline" tt="none">
            Игра
          </Badge>
        )}
        {test.ovzVariantOf && (
          <Badge size="xs" variant="outline" tt="none">
            {`Вариант для ОВЗ: ${test.ovzVariantOf}`}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

function VersionCell({ test }: { test: WorkbenchTest }) {
  return (
    <Stack gap={2}>
      <Text size="sm">{`${test.publishedVersion ?? '—'} / ${test.latestVersion}`}</Text>
      {test.latestStatus === 'draft' && test.publishedVersion !== null && (
        <Text size="xs" c="dimmed">
          есть черновик
        </Text>
      )}
    </Stack>
  );
}

const columns: Column<WorkbenchTest>[] = [
  { key: 'title', label: 'Название', sortable: true, render: (t) => <TitleCell test={t} /> },
  { key: 'bands', label: 'Параллели', render: (t) => gradeBandsLabel(t.gradeBands) },
  { key: 'items', label: 'Заданий', render: (t) => (t.kind === 'game' ? '—' : t.itemCount) },
  { key: 'version', label: 'Версия: опубликованная / последняя', render: (t) => <VersionCell test={t} /> },
  { key: 'attempts', label: 'Прохождений', sortable: true, render: (t) => t.completedAttempts },
  { key: 'status', label: 'Статус', render: (t) => <TestStatusBadge status={t.status} /> },
];

/** /staff/diagnostics — every test and game of the programme, for the methodologist to open and edit. */
export function WorkbenchTestsPage() {
  const { state, update } = useListState('title', ['status']);
  const tests = useWorkbenchTests((all) => pageOfTests(all, state));
  return (
    <Stack gap="lg">
      <PageTitle lead="Определения тестов и игр в YAML или JSON: проверка, черновики, публикация и статистика заданий.">Тесты и игры</PageTitle>
      <Group justify="space-between" gap="md">
        <Button component={Link} to="/staff/diagnostics/new">
          Новый тест
        </Button>
        <FormatLinks />
      </Group>
      <DataTable
        caption="Тесты и игры"
        columns={columns}
        rowKey={(t) => String(t.id)}
        query={tests}
        state={state}
        onChange={update}
        searchLabel="Поиск по названию"
        filters={
          <Select
            {...filterSelectProps}
            label="Статус"
            data={STATUS_OPTIONS}
            value={state.filters.status || null}
            onChange={(value) => update({ filters: { status: value ?? '' } })}
          />
        }
        empty={state.q || state.filters.status ? 'Ничего не нашлось — измените запрос или фильтр.' : 'Тестов пока нет. Создайте первый.'}
      />
    </Stack>
  );
}
