import { sql, type SQL } from 'drizzle-orm';
import type { ListPage } from '@common/schemas/lists.js';
import { queryRows, type Executor } from './client.js';

interface PageRequest {
  page: number;
  pageSize: number;
}

/** LIMIT and OFFSET of the requested page. */
export const pageLimit = (query: PageRequest): SQL => sql`limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`;

/**
 * A list page from rows that carry `count(*) over()` as `total`, so a page and its total cost one
 * statement. A page past the end has no row to carry the total; only then is it counted apart,
 * over `countFrom` (the page's FROM and WHERE).
 */
export async function toListPage<T>(
  executor: Executor,
  rows: Array<T & { total: number }>,
  query: PageRequest,
  countFrom: SQL,
): Promise<ListPage<T>> {
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    const [row] = await queryRows<{ n: number }>(executor, sql`select count(*)::int as n from ${countFrom}`);
    total = row?.n ?? 0;
  }
  return { items: rows.map(({ total: _total, ...row }) => row as T), total, page: query.page, pageSize: query.pageSize };
}
