/** Reference lists and texts of the organisations feature that both the server and the pages use. */

export const ORGANISATION_KINDS = ['school', 'venue'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = { school: 'Школа', venue: 'Площадка' };

export const ACCESSIBILITY_FEATURES = {
  step_free: 'Вход без ступенек или с пандусом',
  elevator: 'Лифт или подъёмник',
  wide_doors: 'Широкие двери и проходы',
  accessible_toilet: 'Доступный санузел',
  adapted_equipment: 'Адаптированное оборудование',
  hearing_loop: 'Индукционная петля',
  sign_language: 'Сопровождение на жестовом языке',
  tactile_guides: 'Тактильные указатели',
  quiet_room: 'Тихая комната',
  assistant: 'Сопровождающий сотрудник',
} as const;
export type AccessibilityFeature = keyof typeof ACCESSIBILITY_FEATURES;
export const ACCESSIBILITY_FEATURE_CODES = Object.keys(ACCESSIBILITY_FEATURES) as [AccessibilityFeature, ...AccessibilityFeature[]];

/** The consent every staff member gives at first sign-in; a new version asks everyone again. */
export const STAFF_CONSENT = {
  version: '2026-11',
  title: 'Согласие сотрудника на обработку персональных данных',
  body:
    'Я разрешаю оператору программы «Билет» обрабатывать мои персональные данные — ФИО, должность, место работы, ' +
    'адрес электронной почты и телефон — для работы в платформе программы профориентации: регистрации участников, ' +
    'организации мероприятий и отчётности. Я обязуюсь использовать персональные данные детей и родителей, ' +
    'которые увижу в платформе, только для задач программы, не копировать их и не передавать третьим лицам, ' +
    'как требует Федеральный закон № 152-ФЗ «О персональных данных». Согласие действует, пока у меня есть ' +
    'доступ к платформе; отозвать его можно, обратившись к оператору — доступ при этом будет закрыт.',
} as const;

export const PAPER_CONSENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  mimeTypes: ['application/pdf', 'image/jpeg', 'image/png'],
} as const;

export const IMPORT_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 10_000,
} as const;
