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

export interface ListPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Escapes % and _ so a user's search text matches itself literally in ILIKE. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
