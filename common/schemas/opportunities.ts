import { z } from 'zod';
import { EDUCATION_LEVELS, OPPORTUNITY_KINDS, OPPORTUNITY_STATUSES } from '../guidance.js';
import { idSchema, isoDateSchema, plainTextSchema, serialIdParamSchema, serialIdSchema } from './fields.js';
import { listQuerySchema } from './lists.js';
import { referenceCodeSchema } from './reference.js';

/** Bounds of an opportunity's fields; the form's hints quote the same numbers. */
export const OPPORTUNITY_LIMITS = {
  title: { min: 3, max: 200 },
  provider: { min: 2, max: 200 },
  description: { min: 10, max: 3000 },
  programme: 200,
  programmes: 20,
  spheres: 15,
  competencies: 30,
  address: 300,
  notes: 500,
  url: 500,
  contact: 300,
} as const;

/** «09.02.07 — Информационные системы и программирование»: an ОКСО-style code, a dash, the name. */
export const PROGRAMME_PATTERN = /^(\d{2}\.\d{2}\.\d{2})\s*[—–-]\s*(\S.*)$/;

/** One programme, written the one way cards show it whatever dash the person typed. */
export const programmeSchema = plainTextSchema(3, OPPORTUNITY_LIMITS.programme, 'Программа').transform((v, ctx) => {
  const m = PROGRAMME_PATTERN.exec(v);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: 'Программа — в виде «код — название», например «09.02.07 — Информационные системы и программирование»' });
    return z.NEVER;
  }
  return `${m[1]} — ${m[2]!.trim()}`;
});

/** Only a web page may be linked: a javascript: or data: link on a family's card would run in its browser. */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** An optional text: an empty field is no value. */
const optionalText = (max: number, what: string) =>
  plainTextSchema(0, max, what)
    .nullish()
    .transform((v) => (v ? v : null));

const grade = z
  .number({ error: 'Классы — с 6 по 11' })
  .int({ error: 'Классы — с 6 по 11' })
  .min(6, { error: 'Классы — с 6 по 11' })
  .max(11, { error: 'Классы — с 6 по 11' });

const distinctIds = (error: string, max: number, tooMany: string) =>
  z
    .array(serialIdSchema(error), { error })
    .max(max, { error: tooMany })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Одно и то же значение выбрано дважды' });

export const opportunityInputSchema = z
  .strictObject({
    kind: z.enum(OPPORTUNITY_KINDS, { error: 'Выберите вид возможности' }),
    title: plainTextSchema(OPPORTUNITY_LIMITS.title.min, OPPORTUNITY_LIMITS.title.max, 'Название'),
    provider: plainTextSchema(OPPORTUNITY_LIMITS.provider.min, OPPORTUNITY_LIMITS.provider.max, 'Организация'),
    description: plainTextSchema(OPPORTUNITY_LIMITS.description.min, OPPORTUNITY_LIMITS.description.max, 'Описание'),
    programmes: z
      .array(programmeSchema, { error: 'Программы — списком' })
      .max(OPPORTUNITY_LIMITS.programmes, { error: `Не больше ${OPPORTUNITY_LIMITS.programmes} программ` })
      .default([]),
    sphereIds: distinctIds('Выберите сферу', OPPORTUNITY_LIMITS.spheres, `Не больше ${OPPORTUNITY_LIMITS.spheres} сфер`).default([]),
    competencyIds: distinctIds('Выберите компетенцию', OPPORTUNITY_LIMITS.competencies, `Не больше ${OPPORTUNITY_LIMITS.competencies} компетенций`).default([]),
    gradeFrom: grade,
    gradeTo: grade,
    online: z.boolean({ error: 'Укажите, проходит ли это онлайн' }).default(false),
    cityId: serialIdSchema('Выберите город').nullish().transform((v) => v ?? null),
    address: optionalText(OPPORTUNITY_LIMITS.address, 'Адрес'),
    ovzAccessible: z.boolean({ error: 'Укажите, доступно ли это детям с ОВЗ' }).default(false),
    ovzNotes: optionalText(OPPORTUNITY_LIMITS.notes, 'Условия для детей с ОВЗ'),
    free: z.boolean({ error: 'Укажите, бесплатно ли это' }).default(true),
    priceNote: optionalText(OPPORTUNITY_LIMITS.notes, 'Стоимость'),
    startsOn: isoDateSchema.nullish().transform((v) => v ?? null),
    endsOn: isoDateSchema.nullish().transform((v) => v ?? null),
    url: z
      .string({ error: 'Ссылка — текстом' })
      .trim()
      .max(OPPORTUNITY_LIMITS.url, { error: `Ссылка — не длиннее ${OPPORTUNITY_LIMITS.url} символов` })
      .nullish()
      .transform((v, ctx) => {
        if (!v) return null;
        if (!isWebLink(v)) {
          ctx.addIssue({ code: 'custom', message: 'Ссылка должна начинаться с http:// или https://' });
          return z.NEVER;
        }
        return v;
      }),
    contact: optionalText(OPPORTUNITY_LIMITS.contact, 'Контакт'),
    status: z.enum(['draft', 'published'], { error: 'Статус: черновик или опубликована' }).default('published'),
  })
  .superRefine((o, ctx) => {
    if (o.gradeTo < o.gradeFrom) ctx.addIssue({ code: 'custom', path: ['gradeTo'], message: 'Последний класс не может быть меньше первого' });
    if (!o.online && o.cityId === null) ctx.addIssue({ code: 'custom', path: ['cityId'], message: 'Выберите город или отметьте, что это онлайн' });
    if (o.sphereIds.length === 0 && o.competencyIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['competencyIds'], message: 'Укажите хотя бы одну сферу или компетенцию' });
    }
    if (!o.free && !o.priceNote) ctx.addIssue({ code: 'custom', path: ['priceNote'], message: 'Укажите стоимость или условия оплаты' });
    if (o.startsOn && o.endsOn && o.endsOn < o.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Окончание не может быть раньше начала' });
  });
export type OpportunityInput = z.infer<typeof opportunityInputSchema>;

export const opportunityParamsSchema = z.object({ opportunityId: idSchema });

export const staffOpportunitiesQuerySchema = listQuerySchema(['title'] as const).extend({
  kind: z.enum(OPPORTUNITY_KINDS, { error: 'Неизвестный вид возможности' }).optional(),
  status: z.enum(OPPORTUNITY_STATUSES, { error: 'Неизвестный статус' }).optional(),
});
export type StaffOpportunitiesQuery = z.output<typeof staffOpportunitiesQuerySchema>;

/** The confirmation names the file it saw, so a file changed after its preview is not imported unseen. */
export const opportunityImportConfirmQuerySchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Сначала проверьте файл' }),
});

export const PROFESSION_LIMITS = { name: 150, description: 600, programmes: 5, competencies: 5 } as const;

export const professionInputSchema = z.strictObject({
  code: referenceCodeSchema,
  name: plainTextSchema(2, PROFESSION_LIMITS.name, 'Название'),
  description: plainTextSchema(10, PROFESSION_LIMITS.description, 'Описание'),
  education: z
    .array(z.enum(EDUCATION_LEVELS, { error: 'Уровень образования: колледж или вуз' }))
    .min(1, { error: 'Укажите, где этому учат: в колледже, в вузе или там и там' })
    .refine((v) => new Set(v).size === v.length, { error: 'Уровень указан дважды' }),
  programmes: z
    .array(programmeSchema)
    .min(1, { error: 'Укажите хотя бы одну программу' })
    .max(PROFESSION_LIMITS.programmes, { error: `Не больше ${PROFESSION_LIMITS.programmes} программ` }),
  competencyIds: distinctIds('Выберите компетенцию', PROFESSION_LIMITS.competencies, `Не больше ${PROFESSION_LIMITS.competencies} компетенций`).refine(
    (v) => v.length > 0,
    { error: 'Выберите хотя бы одну компетенцию' },
  ),
});
export type ProfessionInput = z.infer<typeof professionInputSchema>;

/** The code never changes once given: recommendations and dismissals refer to it. */
export const professionUpdateSchema = professionInputSchema.omit({ code: true });
export type ProfessionUpdate = z.infer<typeof professionUpdateSchema>;

export const professionParamsSchema = z.strictObject({ id: serialIdParamSchema('Профессия не найдена') });

/** The columns of an opportunities file, in the template's order; a list cell holds items separated by «;» or line breaks. */
export const OPPORTUNITY_IMPORT_COLUMNS = [
  { key: 'kind', label: 'Вид', required: true, aliases: ['тип'] },
  { key: 'title', label: 'Название', required: true, aliases: [] },
  { key: 'provider', label: 'Организация', required: true, aliases: ['учреждение', 'кто проводит'] },
  { key: 'description', label: 'Описание', required: true, aliases: [] },
  { key: 'programmes', label: 'Программы', required: false, aliases: ['специальности', 'направления'] },
  { key: 'spheres', label: 'Сферы', required: false, aliases: ['сфера'] },
  { key: 'competencies', label: 'Компетенции', required: false, aliases: ['компетенция'] },
  { key: 'gradeFrom', label: 'Класс с', required: true, aliases: ['с класса'] },
  { key: 'gradeTo', label: 'Класс по', required: true, aliases: ['по класс'] },
  { key: 'city', label: 'Город', required: false, aliases: [] },
  { key: 'address', label: 'Адрес', required: false, aliases: [] },
  { key: 'online', label: 'Онлайн', required: false, aliases: [] },
  { key: 'ovzAccessible', label: 'Доступно детям с ОВЗ', required: false, aliases: ['овз'] },
  { key: 'ovzNotes', label: 'Условия для детей с ОВЗ', required: false, aliases: ['условия для овз'] },
  { key: 'free', label: 'Бесплатно', required: false, aliases: [] },
  { key: 'priceNote', label: 'Стоимость', required: false, aliases: ['цена'] },
  { key: 'startsOn', label: 'Начало', required: false, aliases: ['дата начала'] },
  { key: 'endsOn', label: 'Окончание', required: false, aliases: ['дата окончания'] },
  { key: 'url', label: 'Ссылка', required: false, aliases: ['сайт'] },
  { key: 'contact', label: 'Контакт', required: false, aliases: ['контакты'] },
] as const;
export type OpportunityImportColumn = (typeof OPPORTUNITY_IMPORT_COLUMNS)[number]['key'];
