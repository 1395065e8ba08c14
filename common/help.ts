/** Who a help-centre article is written for; «everyone» articles show under every audience. */
export const HELP_AUDIENCES = ['everyone', 'participant', 'parent', 'school', 'regional_coordinator', 'venue', 'mentor', 'navigator'] as const;
export type HelpAudience = (typeof HELP_AUDIENCES)[number];

export const HELP_AUDIENCE_LABELS: Record<HelpAudience, string> = {
  everyone: 'Всем',
  participant: 'Участникам',
  parent: 'Родителям',
  school: 'Школам',
  regional_coordinator: 'Региональным операторам',
  venue: 'Площадкам',
  mentor: 'Наставникам',
  navigator: 'Педагогам-навигаторам',
};

export const HELP_TOPICS = [
  'programme',
  'registration',
  'linking',
  'diagnostics',
  'events',
  'recommendations',
  'consents',
  'work',
  'methodical',
  'links',
  'faq',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

export const HELP_TOPIC_LABELS: Record<HelpTopic, string> = {
  programme: 'О программе и её целях',
  registration: 'Регистрация и вход',
  linking: 'Связь кабинетов',
  diagnostics: 'Онлайн-диагностика',
  events: 'Запись на практические мероприятия',
  recommendations: 'Рекомендации и план',
  consents: 'Согласия и правовые вопросы',
  work: 'Работа в кабинете',
  methodical: 'Методические рекомендации',
  links: 'Полезные ссылки',
  faq: 'Частые вопросы',
};

/** Bounds of an article; the editor's hints quote the same numbers. */
export const HELP_LIMITS = {
  slug: 80,
  title: { min: 3, max: 200 },
  summary: { min: 10, max: 500 },
  body: { min: 20, max: 60_000 },
  query: 200,
  botMessage: 1000,
  botHistory: 20,
  imageBytes: 2 * 1024 * 1024,
} as const;

/** A piece of a matching passage; `hit` marks the words the search matched. */
export interface HelpPassagePart {
  text: string;
  hit: boolean;
}

export interface HelpSearchHit {
  slug: string;
  title: string;
  summary: string;
  audience: HelpAudience;
  topic: HelpTopic;
  passage: HelpPassagePart[];
}
