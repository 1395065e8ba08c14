import { useEffect, useId, useState, type ReactNode } from 'react';
import type { InfiniteData, UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import { Button, Checkbox, Group, Pagination, Stack, Table, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { CursorPage, ListPage } from '@common/schemas/lists.js';
import { plural } from '../format';
import type { ListState } from '../list-state';
import { LoadError, PageLoader } from './page';

export interface Column<T> {
  key: string;
  label: string;
  sortable?: boolean;
  render: (row: T) => ReactNode;
}

interface CommonProps<T> {
  caption: string;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  state: ListState;
  onChange: (change: Partial<ListState>) => void;
  searchLabel?: string;
  /** What the search matches or how it orders what it finds, under the field. */
  searchHint?: string;
  filters?: ReactNode;
  empty: ReactNode;
  /** Rows that can be picked for an action on many at once. */
  selection?: { selected: ReadonlySet<string>; onChange: (next: Set<string>) => void };
}

/**
 * A list paged by numbers, with its total; or one too long to count or number (a region's
 * pupils): its pages follow a cursor, «Показать ещё» adds the next below, and the total is shown
 * only when the server knows it.
 */
type Props<T> = CommonProps<T> &
  (
    | { query: UseQueryResult<ListPage<T>>; cursorQuery?: never }
    | { cursorQuery: UseInfiniteQueryResult<InfiniteData<CursorPage<T>>>; query?: never }
  );

const records = (n: number) => `${n} ${plural(n, ['запись', 'записи', 'записей'])}`;

/** What the count above the table says: how many there are, and how many are shown when not all are. */
function countText(shown: number, total: number | null, complete: boolean): string {
  if (total === null) return complete ? `Найдено: ${records(shown)}` : `Показано: ${records(shown)}`;
  return shown >= total ? `Найдено: ${records(total)}` : `Найдено: ${records(total)}, показано ${shown}`;
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
export function DataTable<T>({ caption, columns, rowKey, query, cursorQuery, state, onChange, searchLabel, searchHint, filters, empty, selection }: Props<T>) {
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

  const status = query ?? cursorQuery;
  const items = query ? query.data?.items : cursorQuery.data?.pages.flatMap((p) => p.items);
  const total = query ? (query.data?.total ?? null) : (cursorQuery.data?.pages[0]?.total ?? null);
  const pages = query?.data ? Math.max(1, Math.ceil(query.data.total / query.data.pageSize)) : 1;
  const keys = items?.map(rowKey) ?? [];
  const allSelected = selection && keys.length > 0 && keys.every((k) => selection.selected.has(k));

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={searchLabel ?? 'Поиск'}
          {...(searchHint ? { description: searchHint } : {})}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        {filters}
      </Group>
      {status.isPending && <PageLoader />}
      {status.isError && <LoadError error={status.error} onRetry={() => void status.refetch()} />}
      {items && items.length === 0 && <Text c="dimmed">{empty}</Text>}
      {items && items.length > 0 && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {query ? `Найдено: ${records(total ?? items.length)}` : countText(items.length, total, !cursorQuery.hasNextPage)}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Caption>{caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {selection && (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label={query ? 'Выбрать все на странице' : 'Выбрать все показанные'}
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
                {items.map((row) => {
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
          {cursorQuery?.hasNextPage && (
            <Group>
              <Button variant="outline" loading={cursorQuery.isFetchingNextPage} onClick={() => void cursorQuery.fetchNextPage()}>
                Показать ещё
              </Button>
            </Group>
          )}
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
