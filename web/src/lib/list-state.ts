import { useSearchParams } from 'react-router';
import { PAGE_SIZE } from '@common/schemas/lists.js';

export interface ListState {
  q: string;
  sort: string;
  order: 'asc' | 'desc';
  page: number;
  /** Filters particular to a list, kept in the address like the rest. */
  filters: Record<string, string>;
}

/**
 * A server-paged list's search, sort, page and filters live in the address bar, so the back
 * button, a reload and a shared link all show the same page of the same list.
 */
export function useListState(defaultSort: string, filterNames: readonly string[] = [], defaultOrder: 'asc' | 'desc' = 'asc') {
  const [params, setParams] = useSearchParams();
  const order = params.get('order');
  const state: ListState = {
    q: params.get('q') ?? '',
    sort: params.get('sort') ?? defaultSort,
    order: order === 'asc' || order === 'desc' ? order : defaultOrder,
    page: Math.max(1, Number(params.get('page')) || 1),
    filters: Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])),
  };
  const update = (change: Partial<ListState>) => {
    const next = { ...state, ...change, filters: { ...state.filters, ...change.filters } };
    // A new search, sort or filter starts again from the first page.
    if (change.page === undefined) next.page = 1;
    const out = new URLSearchParams();
    if (next.q) out.set('q', next.q);
    if (next.sort !== defaultSort) out.set('sort', next.sort);
    if (next.order !== defaultOrder) out.set('order', next.order);
    if (next.page > 1) out.set('page', String(next.page));
    for (const [name, value] of Object.entries(next.filters)) if (value) out.set(name, value);
    setParams(out, { replace: true });
  };
  return { state, update };
}

/** The API query string for a list state. */
export function listQueryString(state: ListState, pageSize: number = PAGE_SIZE.default, paging: 'numbered' | 'cursor' = 'numbered'): string {
  const out = new URLSearchParams({ sort: state.sort, order: state.order });
  // A list paged by cursor has no page number: its pages follow the cursor (`after`).
  if (paging === 'numbered') out.set('page', String(state.page));
  out.set('pageSize', String(pageSize));
  if (state.q) out.set('q', state.q);
  for (const [name, value] of Object.entries(state.filters)) if (value) out.set(name, value);
  return out.toString();
}
