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

/**
 * The operator's instruction to process personal data on its behalf (152-FZ art. 6 part 3). A school
 * or venue accepts each version through its administrator before its staff reach pupils' data; a new
 * version asks again, like the consents.
 */
export const PROCESSING_INSTRUCTION = {
  version: '2026-12',
  title: 'Поручение оператора на обработку персональных данных',
  body:
    'Оператор программы «Билет» поручает организации обрабатывать персональные данные участников программы и их ' +
    'законных представителей от имени оператора и только для целей программы профориентации: регистрации и учёта ' +
    'учеников, проведения практических мероприятий, ведения списков и результатов. Организация обрабатывает лишь те ' +
    'данные, которые показывает ей платформа, не копирует и не передаёт их третьим лицам, допускает к ним только своих ' +
    'сотрудников, которым они нужны для работы, соблюдает конфиденциальность и требования статьи 19 Федерального закона ' +
    '№ 152-ФЗ «О персональных данных» к их защите, а об утечке или неправомерном доступе сообщает оператору в течение ' +
    'суток. Поручение действует, пока организация участвует в программе; по его окончании организация прекращает ' +
    'обработку и уничтожает копии данных, если они у неё оказались.',
} as const;

export const PAPER_CONSENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  mimeTypes: ['application/pdf', 'image/jpeg', 'image/png'],
} as const;

export const IMPORT_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 10_000,
} as const;
