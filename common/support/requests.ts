/** Support requests: topics, statuses and the service level, shared by the server and the web app. */

export const SUPPORT_TOPICS = [
  'registration',
  'linking',
  'consents',
  'diagnostics',
  'events',
  'recommendations',
  'personal_data',
  'organisations',
  'other',
] as const;
export type SupportTopic = (typeof SUPPORT_TOPICS)[number];

export const SUPPORT_TOPIC_LABELS: Record<SupportTopic, string> = {
  registration: 'Регистрация и вход',
  linking: 'Связка кабинетов родителя и ребёнка',
  consents: 'Согласия на обработку данных',
  diagnostics: 'Онлайн-диагностика',
  events: 'Практические мероприятия',
  recommendations: 'Рекомендации и учебный план',
  personal_data: 'Персональные данные',
  organisations: 'Работа школы, площадки или региона',
  other: 'Другое',
};

export const SUPPORT_STATUSES = ['new', 'in_progress', 'waiting_requester', 'escalated', 'answered', 'closed', 'no_answer'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

export const SUPPORT_STATUS_LABELS: Record<SupportStatus, string> = {
  new: 'Новое',
  in_progress: 'В работе',
  waiting_requester: 'Ждём ответа заявителя',
  escalated: 'Передано в регион',
  answered: 'Дан ответ',
  closed: 'Закрыто',
  no_answer: 'Оставлено без ответа',
};

/** Statuses an operator may set by hand; «no answer» comes only from an intake rule or a flag. */
export const SUPPORT_SETTABLE_STATUSES = ['in_progress', 'waiting_requester', 'escalated', 'closed'] as const;
export type SupportSettableStatus = (typeof SUPPORT_SETTABLE_STATUSES)[number];

/** Statuses after which nothing more is due. */
export const SUPPORT_FINAL_STATUSES: readonly SupportStatus[] = ['closed', 'no_answer'];

/**
 * The service level: the first answer is due within this many working hours (Monday to Friday,
 * 9:00–18:00 Moscow time) after the request arrived.
 */
export const SUPPORT_FIRST_ANSWER_SLA = { workingHours: 24, label: 'Первый ответ — в течение 24 рабочих часов' } as const;

/** Limits on what a request may carry. */
export const SUPPORT_LIMITS = {
  textMax: 5000,
  topicTextMax: 200,
  maxAttachments: 3,
  maxAttachmentBytes: 5 * 1024 * 1024,
  attachmentMimeTypes: ['application/pdf', 'image/jpeg', 'image/png'],
} as const;

export const SUPPORT_INTAKE_RULE_CODES = ['foreign_language', 'obscene', 'threat', 'no_question', 'repeat_resolved', 'protected_secret'] as const;
