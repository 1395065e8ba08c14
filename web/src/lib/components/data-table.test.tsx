import { screen } from '@testing-library/react';
import type { UseQueryResult } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { ListPage } from '@common/schemas/lists.js';
import { renderPage } from '@web/test/render';
import { DataTable } from './data-table';

interface Row {
  id: string;
  name: string;
}

const query = { data: { items: [{ id: 'a', name: 'Иванов Иван' }, { id: 'b', name: 'Петрова Анна' }], total: 2, page: 1, pageSize: 20 } } as UseQueryResult<ListPage<Row>>;

describe('data table', () => {
  it('names each row’s checkbox by the row, so a screen reader tells them apart', () => {
    renderPage(
      <DataTable
        caption="Ученики"
        columns={[{ key: 'name', label: 'Ученик', render: (r: Row) => r.name }]}
        rowKey={(r) => r.id}
        query={query}
        state={{ q: '', sort: 'name', order: 'asc', page: 1, filters: {} }}
        onChange={vi.fn()}
        empty="Никого нет"
        selection={{ selected: new Set(), onChange: vi.fn() }}
      />,
      { path: '/' },
    );

    expect(screen.getByRole('checkbox', { name: 'Выбрать строку Иванов Иван' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Выбрать строку Петрова Анна' })).toBeInTheDocument();
  });
});
