import { z } from 'zod';
import type { DefinitionItem } from './definition.js';

/** A saved answer: an option id, several option ids (multiple choice, ranking in order), or a number. */
export type AnswerValue = string | string[] | number;

/** The shape any answer may have, checked before the item's own rules. */
export const answerValueSchema = z.union([
  z.string().max(64),
  z.array(z.string().max(64)).max(12),
  z.number().finite(),
]);

const NO_SUCH_OPTION = 'Такого варианта ответа в задании нет';

/** Each item's schema, built once: building one costs more than the check it makes on every saved answer. */
const schemas = new WeakMap<DefinitionItem, z.ZodType<AnswerValue>>();

/** The answers an item accepts: its own options, its scale's points, its numeric range. */
export function answerSchemaFor(item: DefinitionItem): z.ZodType<AnswerValue> {
  let schema = schemas.get(item);
  if (!schema) {
    schema = buildAnswerSchema(item);
    schemas.set(item, schema);
  }
  return schema;
}

function buildAnswerSchema(item: DefinitionItem): z.ZodType<AnswerValue> {
  switch (item.type) {
    case 'single':
    case 'forced':
      return z.enum(item.options.map((o) => o.id) as [string, ...string[]], { error: NO_SUCH_OPTION });
    case 'multiple': {
      const max = item.maxChoices ?? item.options.length;
      return z
        .array(z.enum(item.options.map((o) => o.id) as [string, ...string[]], { error: NO_SUCH_OPTION }))
        .min(1, { error: 'Выберите хотя бы один вариант' })
        .max(max, { error: `Можно выбрать не больше ${max}` })
        .refine((v) => new Set(v).size === v.length, { error: 'Вариант выбран дважды' });
    }
    case 'ranking': {
      const ids = item.options.map((o) => o.id);
      return z
        .array(z.string())
        .refine((v) => v.length === ids.length && new Set(v).size === ids.length && v.every((id) => ids.includes(id)), {
          error: 'Расставьте по порядку все варианты, каждый один раз',
        });
    }
    case 'likert':
      return z
        .number({ error: 'Ответ — число на шкале' })
        .int({ error: 'Ответ — целое число на шкале' })
        .min(1, { error: `Ответ от 1 до ${item.points}` })
        .max(item.points, { error: `Ответ от 1 до ${item.points}` });
    case 'numeric': {
      const base = z
        .number({ error: 'Ответ — число' })
        .min(item.min, { error: `Ответ от ${item.min} до ${item.max}` })
        .max(item.max, { error: `Ответ от ${item.min} до ${item.max}` });
      return item.integer ? base.int({ error: 'Ответ — целое число' }) : base;
    }
  }
}
