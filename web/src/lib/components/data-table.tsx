import { useEffect, useId, useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Checkbox, Group, Pagination, Stack, Table, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { ListPage } from '@common/schemas/lists.js';
import { plural } from '../format';
import type { ListState } from '../list-state';
import { LoadError, PageLoader } from './page';

export interface Column<T> {
  key: string;
  label: string;
  sortable?: boolean;
  render: (row: T) => ReactNode;
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  query: UseQueryResult<ListPage<T>>;
  state: ListState;
  onChange: (change: Partial<ListState>) => void;
  searchLabel?: string;
  filters?: ReactNode;
  empty: ReactNode;
  /** Rows that can be picked for an action on many at once. */
  selection?: { selected: ReadonlySet<string>; onChange: (next: Set<string>) => void };
}

/** For the selects passed as `filters`: each one clears with a named button to show the whole list again. */
export const filterSelectProps = { clearable: true, placeholder: 'Все', clearButtonProps: { 'aria-label': 'Сбросить фильтр' }, w: { base: '100%', sm: 220 } } as const;

function SortHeader({ label, active, order, onClick }: { label: string; active: boolean; order: 'asc' | 'desc'; onClick: () => void }) {
  return (
    <UnstyledButton onClick={onClick} fw={700} fz="sm">
      {label} {active ? (order === 'asc' ? '↑' : '↓') : ''}
      <VisuallyHidden>{active ? (order === 'asc' ? ', по возрастанию' : ', по убыванию') : ', сортировать'}</VisuallyHidden>
    </UnstyledButton>
  );
}

/** A staff list paged, searched and sorted on the server; the state lives in the address bar. */
export function DataTable<T>({ caption, columns, rowKey, query, state, onChange, searchLabel, filters, empty, selection }: Props<T>) {
  const tableId = useId();
  const [search, setSearch] = useState(state.q);
  useEffect(() => setSearch(state.q), [state.q]);
  // Without dependencies on purpose: each render restarts the wait with the latest onChange, whose
  // list state may have moved on meanwhile (a filter picked while the search was being typed).
  useEffect(() => {
    if (search === state.q) return;
    const timer = setTimeout(() => onChange({ q: search }), 350);
    return () => clearTimeout(timer);
  });

  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const keys = data?.items.map(rowKey) ?? [];
  const allSelected = selection && keys.length > 0 && keys.every((k) => selection.selected.has(k));

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={searchLabel ?? 'Поиск'}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        {filters}
      </Group>
      {query.isPending && <PageLoader />}
      {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      {data && data.total === 0 && <Text c="dimmed">{empty}</Text>}
      {data && data.total > 0 && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {`Найдено: ${data.total} ${plural(data.total, ['запись', 'записи', 'записей'])}`}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Caption>{caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {selection && (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label="Выбрать все на странице"
                        checked={Boolean(allSelected)}
                        onChange={(e) => {
                          const next = new Set(selection.selected);
                          for (const k of keys) {
                            if (e.currentTarget.checked) next.add(k);
                            else next.delete(k);
                          }
                          selection.onChange(next);
                        }}
                      />
                    </Table.Th>
                  )}
                  {columns.map((c) => (
                    <Table.Th
                      key={c.key}
                      aria-sort={c.sortable && state.sort === c.key ? (state.order === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      {c.sortable ? (
                        <SortHeader
                          label={c.label}
                          active={state.sort === c.key}
                          order={state.order}
                          onClick={() => onChange({ sort: c.key, order: state.sort === c.key && state.order === 'asc' ? 'desc' : 'asc' })}
                        />
                      ) : (
                        c.label
                      )}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((row) => {
                  const key = rowKey(row);
                  const pickId = `${tableId}-pick-${key}`;
                  const rowNameId = `${tableId}-row-${key}`;
                  return (
                    <Table.Tr key={key}>
                      {selection && (
                        <Table.Td>
                          {/* Named by the row's first cell as well, so rows do not all read the same. */}
                          <Checkbox
                            id={pickId}
                            aria-label="Выбрать строку"
                            aria-labelledby={`${pickId} ${rowNameId}`}
                            checked={selection.selected.has(key)}
                            onChange={(e) => {
                              const next = new Set(selection.selected);
                              if (e.currentTarget.checked) next.add(key);
                              else next.delete(key);
                              selection.onChange(next);
                            }}
                          />
                        </Table.Td>
                      )}
                      {columns.map((c, index) => (
                        <Table.Td key={c.key} id={index === 0 ? rowNameId : undefined}>
                          {c.render(row)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={state.page}
              onChange={(page) => onChange({ page })}
              getControlProps={(control) => ({ 'aria-label': { first: 'Первая страница', previous: 'Предыдущая страница', next: 'Следующая страница', last: 'Последняя страница' }[control] })}
              getItemProps={(page) => ({ 'aria-label': `Страница ${page}` })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
