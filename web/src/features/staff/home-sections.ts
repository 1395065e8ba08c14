import type { Role } from '../../../../common/roles.js';

const HINTS: Record<string, string> = {
  '/staff/regions': 'Все субъекты: сроки сезона, города и назначенные координаторы.',
  '/staff/region': 'Сроки сезона, список городов и координаторы вашего региона.',
  '/staff/organisations': 'Карточки школ и площадок, их сотрудники, цели и статус работы.',
  '/staff/participants': 'Школьники, их активация, связь с родителем и согласия.',
  '/staff/imports': 'Загрузка класса из CSV или XLSX с проверкой каждой строки до записи.',
  '/staff/paper-consents': 'Сканы бумажных согласий родителей и к кому из детей они относятся.',
  '/staff/places': 'Адреса, аудитории и доступность для детей с ОВЗ.',
  '/staff/reference': 'Сферы и компетенции, гибкие навыки и уровни осведомлённости с текстами для школьника и родителя.',
  '/staff/profile': 'Ваши ФИО, телефон и должность.',
  '/staff/security': 'Пароль и вход с кодом из приложения.',
};

const ROLE_HINTS: Partial<Record<Role, Record<string, string>>> = {
  issuer_admin: { '/staff/team': 'Назначайте региональных координаторов и приглашайте методологов.' },
  school: {
    '/staff/organisation': 'Данные школы, её сотрудники и показатели сезона.',
    '/staff/team': 'Пригласите педагогов-навигаторов, которые будут сопровождать учеников.',
  },
  venue: {
    '/staff/organisation': 'Данные площадки, её компетенции и показатели сезона.',
    '/staff/team': 'Пригласите наставников и укажите, по каким компетенциям они ведут пробы.',
  },
  navigator: { '/staff/participants': 'Ученики, которых вам поручила школа, и их шаги в программе.' },
  mentor: { '/staff/profile': 'Ваши данные и компетенции, по которым вы проводите пробы.' },
};

/** One line under each section's link on the home page, saying what is inside. */
export function sectionHint(role: Role, path: string): string | undefined {
  return ROLE_HINTS[role]?.[path] ?? HINTS[path];
}
