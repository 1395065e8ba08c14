import { z } from 'zod';
import { queryIntSchema } from './fields.js';

/** Server-side paging for every staff list: ?q=&sort=&order=&page=&pageSize= */
export const PAGE_SIZE = { default: 20, max: 100 } as const;

export function listQuerySchema<const S extends readonly [string, ...string[]]>(sortFields: S) {
  return z.object({
    q: z.string().trim().max(100, { error: 'Слишком длинный запрос' }).optional(),
    sort: z.enum(sortFields, { error: 'Нельзя сортировать по этому полю' }).default(sortFields[0]),
    order: z.enum(['asc', 'desc'], { error: 'Порядок: asc или desc' }).default('asc'),
    page: queryIntSchema(1, 100_000, 'Номер страницы — число от 1 до 100 000').default(1),
    pageSize: queryIntSchema(1, PAGE_SIZE.max, `Размер страницы — число от 1 до ${PAGE_SIZE.max}`).default(PAGE_SIZE.default),
  });
}

/** An opaque keyset cursor: where the previous page ended, in the list's own order. */
export const listCursorSchema = z
  .string()
  .max(1000, { error: 'Неверная ссылка на страницу списка' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'Неверная ссылка на страницу списка' });

/**
 * A page of a list too long to count or to number its pages: `nextCursor` goes back as `after`
 * for the next page (null on the last); `total` is known only where a counter keeps it, and only
 * on the first page: the pages after it do not count again.
 */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  total: number | null;
}

export interface ListPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Escapes % and _ so a user's search text matches itself literally in ILIKE. */
export function likePattern(q: string): string {
  return `%${escapeLike(q)}%`;
}

/** The same, for text that starts with the search. */
export function likePrefix(q: string): string {
  return `${escapeLike(q)}%`;
}
