import { PAGE_SIZE, type ListPage } from '@common/schemas/lists.js';
import type { ListState } from '@web/lib/list-state';
import type { WorkbenchTest } from './api/workbench-api';

const SORTS: Record<string, (a: WorkbenchTest, b: WorkbenchTest) => number> = {
  title: (a, b) => a.title.localeCompare(b.title, 'ru'),
  attempts: (a, b) => a.completedAttempts - b.completedAttempts,
  updated: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
};

/**
 * The workbench gets every test at once (there are tens, not thousands), so search, the status
 * filter, sorting and paging happen here, in the same list state the server-paged lists use.
 */
export function pageOfTests(tests: WorkbenchTest[], state: ListState, pageSize: number = PAGE_SIZE.default): ListPage<WorkbenchTest> {
  const q = state.q.trim().toLocaleLowerCase('ru');
  const status = state.filters.status;
  const found = tests.filter(
    (t) => (!q || t.title.toLocaleLowerCase('ru').includes(q) || t.slug.includes(q)) && (!status || t.status === status),
  );
  const compare = SORTS[state.sort] ?? SORTS.title!;
  found.sort((a, b) => (state.order === 'asc' ? compare(a, b) : compare(b, a)));
  const start = (state.page - 1) * pageSize;
  return { items: found.slice(start, start + pageSize), total: found.length, page: state.page, pageSize };
}
