import { z } from 'zod';
import { OPPORTUNITY_KINDS, PLAN_STAGES, SCHOOL_PROFILES, type StudyPlanContent } from '../guidance.js';
import { idSchema, isoDateSchema, plainTextSchema, queryIntSchema } from './fields.js';
import { listQuerySchema } from './lists.js';

/** How much a plan may hold: enough for a quarter's work, short enough to print on a few pages. */
export const PLAN_LIMITS = {
  items: 10,
  steps: 10,
  name: 150,
  reason: 500,
  stepText: 300,
  navigatorNote: 2000,
  bulk: 100,
} as const;

const codeSchema = z.string({ error: 'Неверный код' }).regex(/^[a-z0-9:_-]{1,60}$/, { error: 'Неверный код' });
const stepIdSchema = z.string({ error: 'Неверный шаг' }).regex(/^[a-z0-9-]{1,40}$/, { error: 'Неверный шаг' });
const list = <T extends z.ZodType>(item: T, what: string, max: number = PLAN_LIMITS.items) =>
  z.array(item, { error: `Раздел «${what}» — список` }).max(max, { error: `В разделе «${what}» — не больше ${max} пунктов` });

const named = (what: string) =>
  z.strictObject({
    code: codeSchema,
    name: plainTextSchema(1, PLAN_LIMITS.name, `${what}: название`),
    evidence: plainTextSchema(1, PLAN_LIMITS.reason, `${what}: на чём основано`),
  });
const reasoned = (what: string) =>
  z.strictObject({ name: plainTextSchema(1, PLAN_LIMITS.name, `${what}: название`), reason: plainTextSchema(1, PLAN_LIMITS.reason, `${what}: почему`) });

/**
 * The plan as the navigator sends it from the editor: every section of StudyPlanContent but the
 * grade, which is the pupil's own. A step without an id is new and gets one on saving.
 */
export const studyPlanEditSchema = z.strictObject({
  strengths: list(named('Сильная сторона'), 'Сильные стороны'),
  interests: list(named('Интерес'), 'Интересы'),
  profile: z
    .strictObject({
      code: z.enum(SCHOOL_PROFILES, { error: 'Выберите профиль обучения' }),
      reason: plainTextSchema(1, PLAN_LIMITS.reason, 'Профиль: почему'),
    })
    .nullable(),
  subjects: list(reasoned('Предмет'), 'Предметы'),
  activities: list(reasoned('Занятие'), 'Чем заняться'),
  opportunities: list(
    z.strictObject({
      id: idSchema,
      title: plainTextSchema(1, PLAN_LIMITS.name, 'Возможность: название'),
      kind: z.enum(OPPORTUNITY_KINDS, { error: 'Неизвестный вид возможности' }),
      reason: plainTextSchema(1, PLAN_LIMITS.reason, 'Возможность: почему'),
    }),
    'Кружки и курсы',
  ),
  trials: list(
    z.strictObject({
      eventId: idSchema,
      title: plainTextSchema(1, PLAN_LIMITS.name, 'Проба: название'),
      startsAt: z.iso.datetime({ offset: true, error: 'Дата пробы — в формате ISO 8601' }),
      reason: plainTextSchema(1, PLAN_LIMITS.reason, 'Проба: почему'),
    }),
    'Следующие пробы',
  ),
  steps: list(
    z.strictObject({
      id: stepIdSchema.optional(),
      text: plainTextSchema(3, PLAN_LIMITS.stepText, 'Шаг'),
      due: isoDateSchema.nullable(),
    }),
    'Цели на четверть',
    PLAN_LIMITS.steps,
  ).refine((steps) => new Set(steps.flatMap((s) => (s.id ? [s.id] : []))).size === steps.filter((s) => s.id).length, {
    error: 'Шаг указан дважды',
  }),
  navigatorNote: plainTextSchema(0, PLAN_LIMITS.navigatorNote, 'Слово навигатора')
    .nullable()
    .transform((v) => (v ? v : null)),
});
export type StudyPlanEdit = z.infer<typeof studyPlanEditSchema>;

export const planQueueQuerySchema = listQuerySchema(['name', 'grade', 'stage'] as const).extend({
  stage: z.enum(PLAN_STAGES, { error: 'Неизвестный этап' }).optional(),
});
export type PlanQueueQuery = z.infer<typeof planQueueQuerySchema>;

export const PLAN_BULK_ACTIONS = ['draft', 'publish'] as const;
export type PlanBulkAction = (typeof PLAN_BULK_ACTIONS)[number];

export const planBulkSchema = z.strictObject({
  action: z.enum(PLAN_BULK_ACTIONS, { error: 'Неизвестное действие' }),
  participantIds: z
    .array(idSchema, { error: 'Выберите учеников' })
    .min(1, { error: 'Выберите хотя бы одного ученика' })
    .max(PLAN_LIMITS.bulk, { error: `Не больше ${PLAN_LIMITS.bulk} учеников за раз` })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Ученик выбран дважды' }),
});

export const pupilParamsSchema = z.object({ pupilId: idSchema });
export const planVersionParamsSchema = z.object({ version: queryIntSchema(1, 1_000_000, 'Неверный номер версии') });
export const pupilPlanVersionParamsSchema = pupilParamsSchema.extend(planVersionParamsSchema.shape);
export const planStepParamsSchema = z.object({ stepId: stepIdSchema });
export const planStepSchema = z.strictObject({ done: z.boolean({ error: 'Укажите, выполнен ли шаг' }) });
export const planPdfQuerySchema = z.object({ version: queryIntSchema(1, 1_000_000, 'Неверный номер версии').optional() });

/** One pupil on the navigator's queue. */
export interface PlanQueueItem {
  participantId: string;
  name: string;
  grade: number;
  schoolName: string | null;
  stage: (typeof PLAN_STAGES)[number];
  /** A parent's consent to process the pupil's data is in force; without it the plan stays closed to staff. */
  consentInForce: boolean;
  /** The navigator changed the plan after its last publication, or a draft waits to be published. */
  draftPending: boolean;
  publishedVersion: number | null;
  updatedAt: string | null;
}

export interface PlanQueuePage {
  items: PlanQueueItem[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<(typeof PLAN_STAGES)[number], number>;
}

export type PlanBulkOutcome = 'drafted' | 'published' | 'not_due' | 'kept' | 'no_draft' | 'no_consent' | 'not_found';

export interface PlanBulkResult {
  results: Array<{ participantId: string; outcome: PlanBulkOutcome }>;
}

/** What the navigator's editor opens: the working draft (or the last published content) and the plan's state. */
export interface StudyPlanEditorView {
  participantId: string;
  name: string;
  grade: number;
  stage: (typeof PLAN_STAGES)[number];
  /** The working copy: the draft if there is one, else the published content, else null (nothing drafted yet). */
  content: StudyPlanContent | null;
  /** The draft is the system's own, not yet touched by a navigator. */
  systemDraft: boolean;
  draftedAt: string | null;
  draftPending: boolean;
  publishedVersion: number | null;
  versions: Array<{ version: number; publishedAt: string }>;
  stepsDone: Array<{ stepId: string; doneAt: string }>;
}
