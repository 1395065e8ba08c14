import { z } from 'zod';
import { answerValueSchema } from '../diagnostics/answers.js';
import { MAX_DEFINITION_BYTES, slugSchema } from '../diagnostics/definition.js';
import { idSchema, serialIdParamSchema } from './fields.js';

export const testSlugParamsSchema = z.strictObject({ slug: slugSchema });
export const attemptParamsSchema = z.strictObject({ attemptId: idSchema });
export const answerParamsSchema = z.strictObject({
  attemptId: idSchema,
  itemId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { error: 'В этом тесте нет такого задания' }),
});
export const answerBodySchema = z.strictObject({ value: answerValueSchema });
/** The engine checks the events' shape per game; here only that they are there. */
export const gameBodySchema = z.strictObject({ events: z.unknown() });

export const pupilParamsSchema = z.strictObject({ pupilId: idSchema });
export const pupilAttemptParamsSchema = z.strictObject({ pupilId: idSchema, attemptId: idSchema });

export const definitionSourceSchema = z.strictObject({
  source: z
    .string({ error: 'Вставьте текст определения' })
    .min(1, { error: 'Вставьте текст определения' })
    .max(MAX_DEFINITION_BYTES, { error: 'Определение больше 1 МБ: разделите тест на несколько' }),
});
const testIdSchema = serialIdParamSchema('Такого теста нет');
export const testParamsSchema = z.strictObject({ testId: testIdSchema });
export const versionParamsSchema = z.strictObject({ testId: testIdSchema, versionId: serialIdParamSchema('Такой версии нет') });
export const statisticsQuerySchema = z.strictObject({ versionId: serialIdParamSchema('Такой версии нет').optional() });
