import { z } from 'zod';
import { SUPPORT_LIMITS, SUPPORT_SETTABLE_STATUSES, SUPPORT_STATUSES, SUPPORT_TOPICS, type SupportStatus, type SupportTopic } from '../support/requests.js';
import { emailSchema, idSchema, personNameSchema, queryIntSchema, serialIdParamSchema, tokenSchema } from './fields.js';
import { SUPPORT_INTAKE_RULE_CODES } from '../support/requests.js';

/** The request's text: kept as plain text whatever it holds (markup is shown, never run). */
export const supportTextSchema = z
  .string({ error: 'Опишите вопрос' })
  .trim()
  .min(1, { error: 'Опишите вопрос' })
  .max(SUPPORT_LIMITS.textMax, { error: `Текст обращения — не длиннее ${SUPPORT_LIMITS.textMax} символов` });

const optionalId = z.preprocess((v) => (v === '' ? undefined : v), idSchema.optional());

/**
 * The request form's fields. They arrive as multipart text fields (the form may carry files), so
 * numbers come as text.
 */
export const supportRequestFieldsSchema = z.strictObject({
  regionId: serialIdParamSchema('Выберите регион'),
  lastName: personNameSchema,
  firstName: personNameSchema,
  email: emailSchema,
  topic: z.enum(SUPPORT_TOPICS, { error: 'Выберите тему обращения' }),
  text: supportTextSchema,
  childId: optionalId,
  eventId: optionalId,
  organisationId: optionalId,
  /** The chat-bot conversation carried into the request, as the bot left it (JSON text). */
  conversation: z.string().max(20_000, { error: 'Переписка с чат-ботом слишком длинная' }).optional(),
});
export type SupportRequestFields = z.infer<typeof supportRequestFieldsSchema>;

export const supportReplySchema = z.strictObject({ text: supportTextSchema });
export const supportTokenParamsSchema = z.strictObject({ token: tokenSchema });

export const supportQueueQuerySchema = z.strictObject({
  status: z.enum(SUPPORT_STATUSES, { error: 'Неизвестный статус' }).optional(),
  topic: z.enum(SUPPORT_TOPICS, { error: 'Неизвестная тема' }).optional(),
  regionId: serialIdParamSchema('Неизвестный регион').optional(),
  /** 'none' picks requests whose region is not known (letters). */
  region: z.literal('none').optional(),
  rule: z.enum(SUPPORT_INTAKE_RULE_CODES, { error: 'Неизвестное правило' }).optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), idSchema]).optional(),
  cursor: z.string().max(200).regex(/^[A-Za-z0-9_-]*$/, { error: 'Неверная страница' }).optional(),
  limit: queryIntSchema(1, 100, 'Не больше 100 на странице').default(30),
});
export type SupportQueueQuery = z.infer<typeof supportQueueQuerySchema>;

export const supportAnswerSchema = z.strictObject({
  text: supportTextSchema,
  /** What the request becomes after the answer: answered, or waiting for the requester. */
  status: z.enum(['answered', 'waiting_requester']).default('answered'),
});
export const supportNoteSchema = z.strictObject({ text: supportTextSchema });
export const supportStatusSchema = z.strictObject({ status: z.enum(SUPPORT_SETTABLE_STATUSES, { error: 'Этот статус нельзя поставить вручную' }) });
export const supportAssignSchema = z.strictObject({ assigneeId: idSchema.nullable() });
export const supportMergeSchema = z.strictObject({ intoId: idSchema });
export const supportIntakeOverrideSchema = z.strictObject({
  /** accept: answer it after all; protected_secret: leave it without an answer for that reason. */
  decision: z.enum(['accept', 'protected_secret']),
  reason: z.string().trim().min(3, { error: 'Напишите, почему вы меняете решение' }).max(1000),
});
export const supportTemplateSchema = z.strictObject({
  title: z.string().trim().min(1, { error: 'Назовите шаблон' }).max(200),
  body: supportTextSchema,
});
export const supportStatsQuerySchema = z.strictObject({ days: queryIntSchema(1, 366, 'Период — от 1 до 366 дней').default(30) });

export interface SupportMessageView {
  id: string;
  kind: 'requester' | 'answer' | 'note';
  text: string;
  authorName: string | null;
  createdAt: string;
}

/** What the requester sees: never notes, assignees or the evidence an intake rule found. */
export interface SupportRequestView {
  id: string;
  number: string;
  topic: SupportTopic;
  topicLabel: string;
  status: SupportStatus;
  statusLabel: string;
  /** The plain reason a request was left without an answer. */
  noAnswerReason: string | null;
  text: string;
  createdAt: string;
  messages: SupportMessageView[];
  attachments: Array<{ id: string; fileName: string; sizeBytes: number }>;
}

export interface SupportQueueItem {
  id: string;
  number: string;
  topic: SupportTopic;
  status: SupportStatus;
  regionId: number | null;
  regionName: string | null;
  requesterName: string;
  channel: 'form' | 'email';
  intakeRule: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: string;
  dueAt: string;
  firstAnsweredAt: string | null;
}

export interface SupportDeskView extends SupportQueueItem {
  email: string;
  text: string;
  intakeOutcome: 'accepted' | 'no_answer';
  intakeRuleLabel: string | null;
  intakeEvidence: string;
  intakeOverridden: boolean;
  repeatOf: string | null;
  mergedInto: string | null;
  childName: string | null;
  eventTitle: string | null;
  organisationName: string | null;
  messages: SupportMessageView[];
  attachments: Array<{ id: string; fileName: string; sizeBytes: number }>;
  /** What the caller may do with it. */
  may: { answer: boolean; manage: boolean };
}

export interface SupportStats {
  days: number;
  volume: number;
  medianFirstAnswerHours: number | null;
  byRule: Array<{ rule: string; label: string; count: number; share: number }>;
}
