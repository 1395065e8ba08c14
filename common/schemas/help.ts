import { z } from 'zod';
import { HELP_AUDIENCES, HELP_LIMITS, HELP_TOPICS } from '../help.js';
import { emailSchema, idSchema, plainTextSchema, serialIdParamSchema, serialIdSchema } from './fields.js';

export const helpSlugSchema = z
  .string({ error: 'Укажите адрес статьи' })
  .trim()
  .min(3, { error: 'Адрес статьи — не короче 3 символов' })
  .max(HELP_LIMITS.slug, { error: `Адрес статьи — не длиннее ${HELP_LIMITS.slug} символов` })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Адрес статьи — латинские буквы, цифры и дефисы, например «kak-zapisatsya»' });

export const helpSlugParamsSchema = z.object({ slug: helpSlugSchema });
export const helpArticleParamsSchema = z.object({ articleId: idSchema });
export const helpVersionParamsSchema = z.object({ articleId: idSchema, version: serialIdParamSchema('Неверный номер версии') });

export const helpAudienceSchema = z.enum(HELP_AUDIENCES, { error: 'Выберите, для кого статья' });
export const helpTopicSchema = z.enum(HELP_TOPICS, { error: 'Выберите тему статьи' });

/**
 * The article as the operator writes it. The body is Markdown: HTML in it is not an error (people
 * paste it) but never reaches a page — the renderer drops it; a body past the limit is refused.
 */
export const helpArticleInputSchema = z.object({
  slug: helpSlugSchema,
  audience: helpAudienceSchema,
  topic: helpTopicSchema,
  title: plainTextSchema(HELP_LIMITS.title.min, HELP_LIMITS.title.max, 'Заголовок'),
  summary: plainTextSchema(HELP_LIMITS.summary.min, HELP_LIMITS.summary.max, 'Кратко'),
  body: z
    .string({ error: 'Напишите текст статьи' })
    .trim()
    .min(HELP_LIMITS.body.min, { error: `Текст статьи — не короче ${HELP_LIMITS.body.min} символов` })
    .max(HELP_LIMITS.body.max, { error: `Текст статьи слишком большой: не длиннее ${HELP_LIMITS.body.max.toLocaleString('ru-RU')} символов. Разделите его на несколько статей` }),
});
export type HelpArticleInput = z.infer<typeof helpArticleInputSchema>;

export const helpPreviewSchema = z.object({ body: helpArticleInputSchema.shape.body });

const queryText = z.string().trim().max(HELP_LIMITS.query, { error: `Запрос — не длиннее ${HELP_LIMITS.query} символов` });

export const helpSearchQuerySchema = z.object({
  q: queryText.min(2, { error: 'Напишите хотя бы два символа' }),
  audience: helpAudienceSchema.optional(),
});

export const helpListQuerySchema = z.object({
  audience: helpAudienceSchema.optional(),
  topic: helpTopicSchema.optional(),
});

export const staffHelpQuerySchema = z.object({
  q: queryText.optional(),
  status: z.enum(['draft', 'published'], { error: 'Статус: draft или published' }).optional(),
});

export const helpBotSchema = z.object({
  message: z
    .string({ error: 'Напишите вопрос' })
    .trim()
    .min(1, { error: 'Напишите вопрос' })
    .max(HELP_LIMITS.botMessage, { error: `Вопрос — не длиннее ${HELP_LIMITS.botMessage} символов` }),
  history: z
    .array(z.object({ author: z.enum(['person', 'bot']), text: z.string().max(4000, { error: 'Слишком длинная переписка' }) }), { error: 'Неверная переписка' })
    .max(HELP_LIMITS.botHistory, { error: 'Слишком длинная переписка' })
    .optional(),
});
export type HelpBotInput = z.infer<typeof helpBotSchema>;

export const helpContactsQuerySchema = z.object({ regionId: serialIdParamSchema('Выберите регион').optional() });

export const helpRegionContactsInputSchema = z.object({
  regionId: serialIdSchema('Выберите регион'),
  organisation: plainTextSchema(3, 300, 'Организация'),
  phone: plainTextSchema(0, 60, 'Телефон').optional(),
  email: z.union([emailSchema, z.literal('')]).optional(),
  hours: plainTextSchema(0, 200, 'Часы работы').optional(),
});
