import { z } from 'zod';
import { serialIdParamSchema, serialIdSchema } from './fields.js';

/** Bounds of the reference model's fields; the forms' hints quote the same numbers. */
export const REFERENCE_LIMITS = {
  name: 150,
  text: 2000,
  code: 60,
  /** Fewer than three clusters would not tell a beginner from someone who has chosen. */
  minLevels: 3,
  maxLevels: 10,
  minScore: 0,
  maxScore: 100,
} as const;

const text = (max: number, what: string) =>
  z
    .string({ error: `Заполните поле «${what}»` })
    .trim()
    .min(1, { error: `Заполните поле «${what}»` })
    .max(max, { error: `«${what}» — не длиннее ${max} символов` });

export const referenceNameSchema = text(REFERENCE_LIMITS.name, 'Название');

/**
 * A code is the stable identifier test definitions refer to, so it is plain: latin lowercase
 * letters and digits in words joined by single hyphens, like the seeded 'cnc-turning'.
 */
export const referenceCodeSchema = z
  .string({ error: 'Укажите код' })
  .trim()
  .min(1, { error: 'Укажите код' })
  .max(REFERENCE_LIMITS.code, { error: `Код — не длиннее ${REFERENCE_LIMITS.code} символов` })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Код — строчные латинские буквы и цифры, слова через один дефис' });

const sphereIdSchema = serialIdSchema('Выберите сферу');

/** The row in a path; an id beyond the integer range is refused here rather than by the database. */
export const referenceParamsSchema = (error: string) => z.strictObject({ id: serialIdParamSchema(error) });

/** Editable fields only: a code, once given, never changes. */
export const sphereUpdateSchema = z.strictObject({ name: referenceNameSchema });

export const competencyCreateSchema = z.strictObject({
  sphereId: sphereIdSchema,
  code: referenceCodeSchema,
  name: referenceNameSchema,
});
export type CompetencyCreate = z.infer<typeof competencyCreateSchema>;

const nothingToChange = { error: 'Укажите, что изменить' };

export const competencyUpdateSchema = z
  .strictObject({ name: referenceNameSchema.optional(), sphereId: sphereIdSchema.optional() })
  .refine((v) => v.name !== undefined || v.sphereId !== undefined, nothingToChange);
export type CompetencyUpdate = z.infer<typeof competencyUpdateSchema>;

export const softSkillUpdateSchema = z
  .strictObject({ name: referenceNameSchema.optional(), description: text(REFERENCE_LIMITS.text, 'Описание').optional() })
  .refine((v) => v.name !== undefined || v.description !== undefined, nothingToChange);
export type SoftSkillUpdate = z.infer<typeof softSkillUpdateSchema>;

const scoreError = `Целое число от ${REFERENCE_LIMITS.minScore} до ${REFERENCE_LIMITS.maxScore}`;
const scoreSchema = z
  .number({ error: scoreError })
  .int({ error: scoreError })
  .min(REFERENCE_LIMITS.minScore, { error: scoreError })
  .max(REFERENCE_LIMITS.maxScore, { error: scoreError });

export const awarenessLevelSchema = z
  .strictObject({
    /** The row being edited; a new level has none. */
    id: serialIdSchema('Неверный уровень').optional(),
    code: referenceCodeSchema,
    name: referenceNameSchema,
    minScore: scoreSchema,
    maxScore: scoreSchema,
    pupilText: text(REFERENCE_LIMITS.text, 'Текст для школьника'),
    parentText: text(REFERENCE_LIMITS.text, 'Текст для родителя'),
  })
  .refine((l) => l.minScore <= l.maxScore, { path: ['maxScore'], error: 'Верхняя граница не может быть меньше нижней' });
export type AwarenessLevelInput = z.infer<typeof awarenessLevelSchema>;

interface Bounds {
  code: string;
  name: string;
  minScore: number;
  maxScore: number;
}

export interface LevelIssue {
  /** Index in the list as given, not as sorted. */
  index: number;
  field: 'code' | 'minScore' | 'maxScore';
  message: string;
}

/**
 * Where a list of levels fails to cover 0–100 exactly once. A pupil's awareness is a whole number,
 * so the next level starts one above the previous one's (inclusive) top; a gap would leave some
 * pupils without a level, an overlap would give them two. Issues name the index the user typed,
 * so a form can put each message under its own input.
 */
export function awarenessLevelIssues(levels: readonly Bounds[]): LevelIssue[] {
  const issues: LevelIssue[] = [];
  const seen = new Map<string, number>();
  levels.forEach((level, index) => {
    if (seen.has(level.code)) issues.push({ index, field: 'code', message: 'Такой код уже есть в списке' });
    else seen.set(level.code, index);
  });
  // Per-level bounds (min ≤ max, 0–100) are the item schema's job; with them broken, coverage makes no sense yet.
  const sound = levels.every((l) => Number.isInteger(l.minScore) && Number.isInteger(l.maxScore) && l.minScore <= l.maxScore);
  if (!sound) return issues;
  const order = levels.map((_, index) => index).sort((a, b) => levels[a]!.minScore - levels[b]!.minScore || levels[a]!.maxScore - levels[b]!.maxScore);
  const first = order[0];
  if (first !== undefined && levels[first]!.minScore !== REFERENCE_LIMITS.minScore) {
    issues.push({ index: first, field: 'minScore', message: `Первый уровень начинается с ${REFERENCE_LIMITS.minScore}` });
  }
  for (let i = 1; i < order.length; i++) {
    const prev = levels[order[i - 1]!]!;
    const index = order[i]!;
    const expected = prev.maxScore + 1;
    const start = levels[index]!.minScore;
    if (start > expected) {
      const gap = start - 1 === expected ? `балл ${expected} не попадает` : `баллы ${expected}–${start - 1} не попадают`;
      issues.push({ index, field: 'minScore', message: `Разрыв: ${gap} ни в один уровень. Начните этот уровень с ${expected}` });
    } else if (start < expected) {
      const other = prev.name.trim() ? `уровнем «${prev.name.trim()}»` : 'предыдущим уровнем';
      issues.push({ index, field: 'minScore', message: `Пересекается с ${other}: начните этот уровень с ${expected}` });
    }
  }
  const last = order[order.length - 1];
  if (last !== undefined && levels[last]!.maxScore !== REFERENCE_LIMITS.maxScore) {
    issues.push({ index: last, field: 'maxScore', message: `Последний уровень заканчивается на ${REFERENCE_LIMITS.maxScore}` });
  }
  return issues;
}

/** The whole list at once: the bounds only make sense together, so they are saved together. */
export const awarenessLevelsUpdateSchema = z.strictObject({
  levels: z
    .array(awarenessLevelSchema, { error: 'Список уровней' })
    .min(REFERENCE_LIMITS.minLevels, { error: `Нужно не меньше ${REFERENCE_LIMITS.minLevels} уровней` })
    .max(REFERENCE_LIMITS.maxLevels, { error: `Не больше ${REFERENCE_LIMITS.maxLevels} уровней` })
    .superRefine((levels, ctx) => {
      for (const issue of awarenessLevelIssues(levels)) ctx.addIssue({ code: 'custom', path: [issue.index, issue.field], message: issue.message });
    }),
});
export type AwarenessLevelsUpdate = z.infer<typeof awarenessLevelsUpdateSchema>;
