import { z } from 'zod';

export const DISMISSAL_KINDS = ['test', 'event', 'opportunity', 'profession'] as const;
export type DismissalKind = (typeof DISMISSAL_KINDS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ITEM_FORMATS: Record<DismissalKind, { pattern: RegExp; message: string }> = {
  test: { pattern: /^[a-z0-9-]{1,80}$/, message: 'Тест называется кодом из латинских букв, цифр и дефисов' },
  event: { pattern: UUID, message: 'Неверный идентификатор мероприятия' },
  opportunity: { pattern: UUID, message: 'Неверный идентификатор возможности' },
  profession: { pattern: /^[1-9][0-9]{0,8}$/, message: 'Неверный номер профессии' },
};

const kindSchema = z.enum(DISMISSAL_KINDS, { error: 'Вид рекомендации: test, event, opportunity или profession' });
const itemIdSchema = z.string({ error: 'Укажите, от какой рекомендации отказаться' }).max(80, { error: 'Слишком длинный идентификатор' });

/** The item id must have the form its kind's ids have, so a lookup never meets a malformed id. */
function itemIdFitsKind(v: { kind: DismissalKind; itemId: string }, ctx: z.RefinementCtx) {
  const format = ITEM_FORMATS[v.kind];
  if (!format.pattern.test(v.itemId)) ctx.addIssue({ code: 'custom', path: ['itemId'], message: format.message });
}

/** «Не интересно»: a recommendation the pupil turns down, by its kind and the id the recommendation carries. */
export const dismissalSchema = z.strictObject({ kind: kindSchema, itemId: itemIdSchema }).superRefine(itemIdFitsKind);

export type DismissalInput = z.infer<typeof dismissalSchema>;

/** The same, as the path of the dismissal to take back. */
export const dismissalParamsSchema = z.object({ kind: kindSchema, itemId: itemIdSchema }).superRefine(itemIdFitsKind);
