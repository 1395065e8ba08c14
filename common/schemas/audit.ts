import { z } from 'zod';
import { isoDateSchema, queryIntSchema } from './fields.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person named by its account id or its e-mail. */
const personSchema = z
  .string()
  .trim()
  .max(254, { error: 'Не длиннее 254 символов' })
  .refine((v) => UUID.test(v) || /^[^\s@]+@[^\s@]+$/.test(v), { error: 'Укажите идентификатор или адрес электронной почты' })
  .transform((v) => (UUID.test(v) ? { id: v.toLowerCase() } : { email: v.toLowerCase() }));

const filters = {
  person: personSchema.optional(),
  actor: personSchema.optional(),
  action: z
    .string()
    .trim()
    .max(60, { error: 'Не длиннее 60 символов' })
    .regex(/^[a-z_]+(\.[a-z_]+)+$/, { error: 'Действие вида «pd.viewed»' })
    .optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
};
const periodInOrder = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
const periodError = { error: 'Начало периода позже его конца', path: ['to'] };

/** A bigint id of the last row shown: the next page starts after it. */
const cursorSchema = z.string().regex(/^\d{1,18}$/, { error: 'Неверная страница' });

/** GET /api/audit/events: filters (a period by Moscow days, both ends included) and a page. */
export const auditSearchQuerySchema = z
  .object({ ...filters, cursor: cursorSchema.optional(), limit: queryIntSchema(1, 200, 'От 1 до 200 строк').default(50) })
  .refine(periodInOrder, periodError);
export type AuditSearchQuery = z.infer<typeof auditSearchQuerySchema>;

export const AUDIT_EXPORT_FORMATS = ['xlsx', 'csv'] as const;

/** GET /api/audit/export: the same filters, every row up to the export limit. */
export const auditExportQuerySchema = z
  .object({ ...filters, format: z.enum(AUDIT_EXPORT_FORMATS, { error: 'Формат: xlsx или csv' }) })
  .refine(periodInOrder, periodError);
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

export type AuditFilters = Omit<AuditSearchQuery, 'cursor' | 'limit'>;

/** GET /api/audit/alerts: newest first, a page at a time. */
export const auditAlertsQuerySchema = z.object({ cursor: z.uuid({ error: 'Неверная страница' }).optional(), limit: queryIntSchema(1, 100, 'От 1 до 100 строк').default(20) });

export interface AuditPersonRef {
  id: string;
  /** Surname and name of an account; null for what is not a person (an event, an organisation) or an erased account. */
  name: string | null;
}

export interface AuditRow {
  id: string;
  at: string;
  action: string;
  actorRole: string | null;
  actor: AuditPersonRef | null;
  subject: AuditPersonRef | null;
  ip: string | null;
  details: Record<string, string | number | boolean | null>;
}

export interface AuditPage {
  rows: AuditRow[];
  nextCursor: string | null;
}

export interface AuditAlert {
  id: string;
  createdAt: string;
  actor: AuditPersonRef;
  actorRole: string | null;
  revealed: number;
  threshold: number;
  windowStart: string;
}

export interface AuditAlertsPage {
  alerts: AuditAlert[];
  nextCursor: string | null;
  threshold: number;
}
