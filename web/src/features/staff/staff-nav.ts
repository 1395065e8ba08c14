import type { Role } from '@common/roles.js';
import { KPI_READ_ROLES } from '@web/lib/kpi-roles';

export interface StaffLink {
  to: string;
  label: string;
}

const HOME: StaffLink = { to: '/staff', label: 'Главная' };

const PROFILE: StaffLink[] = [
  { to: '/staff/my-requests', label: 'Мои обращения' },
  { to: '/staff/profile', label: 'Профиль' },
  { to: '/staff/security', label: 'Вход и безопасность' },
];

const KPI: StaffLink = { to: '/staff/kpi', label: 'Показатели' };

/** The operator's instruction (поручение): the school's and the venue's administrators accept it here. */
export const INSTRUCTION_PATH = '/staff/instruction';
const INSTRUCTION: StaffLink = { to: INSTRUCTION_PATH, label: 'Поручение оператора' };

/**
 * Every cabinet opens on its home page, then the KPI dashboard for those who follow one, and ends
 * with the person's own profile and sign-in settings.
 */
const cabinet = (role: Role, ...sections: StaffLink[]): StaffLink[] => [HOME, ...(KPI_READ_ROLES.includes(role) ? [KPI] : []), ...sections, ...PROFILE];

/** The sections of each staff cabinet, in the order people reach for them. */
export const STAFF_NAV: Partial<Record<Role, StaffLink[]>> = {
  issuer_admin: cabinet(
    'issuer_admin',
    { to: '/staff/regions', label: 'Регионы' },
    { to: '/staff/team', label: 'Координаторы и сотрудники' },
    { to: '/staff/organisations', label: 'Школы и площадки' },
    { to: '/staff/places', label: 'Места проведения' },
    { to: '/staff/participants', label: 'Участники' },
    { to: '/staff/opportunities', label: 'Возможности' },
    { to: '/staff/reference', label: 'Справочники' },
    { to: '/staff/support', label: 'Обращения' },
    { to: '/staff/help', label: 'Справочный центр' },
    { to: '/staff/audit', label: 'Журнал аудита' },
  ),
  regional_coordinator: cabinet(
    'regional_coordinator',
    { to: '/staff/region', label: 'Мой регион' },
    { to: '/staff/events', label: 'Мероприятия' },
    { to: '/staff/opportunities', label: 'Возможности' },
    { to: '/staff/organisations', label: 'Школы и площадки' },
    { to: '/staff/places', label: 'Места проведения' },
    { to: '/staff/participants', label: 'Участники' },
    { to: '/staff/paper-consents', label: 'Бумажные согласия' },
    { to: '/staff/support', label: 'Обращения' },
    { to: '/staff/help/contacts', label: 'Контакты для семей' },
    { to: '/staff/audit', label: 'Журнал аудита' },
  ),
  school: cabinet(
    'school',
    { to: '/staff/organisation', label: 'Школа' },
    { to: '/staff/participants', label: 'Участники' },
    { to: '/staff/events', label: 'Мероприятия' },
    { to: '/staff/imports', label: 'Импорт из файла' },
    { to: '/staff/paper-consents', label: 'Бумажные согласия' },
    { to: '/staff/corrections', label: 'Исправление данных' },
    { to: '/staff/team', label: 'Навигаторы и сотрудники' },
    INSTRUCTION,
  ),
  venue: cabinet(
    'venue',
    { to: '/staff/events', label: 'Мероприятия' },
    { to: '/staff/organisation', label: 'Площадка' },
    { to: '/staff/places', label: 'Места проведения' },
    { to: '/staff/team', label: 'Наставники и сотрудники' },
    INSTRUCTION,
  ),
  navigator: cabinet(
    'navigator',
    { to: '/staff/organisation', label: 'Школа' },
    { to: '/staff/participants', label: 'Мои участники' },
    { to: '/staff/plans', label: 'Индивидуальные планы' },
    { to: '/staff/events', label: 'Мероприятия' },
  ),
  mentor: cabinet(
    'mentor',
    { to: '/staff/events', label: 'Мероприятия' },
    { to: '/staff/organisation', label: 'Площадка' },
    { to: '/staff/places', label: 'Места проведения' },
  ),
  methodologist: cabinet('methodologist', { to: '/staff/diagnostics', label: 'Тесты и игры' }),
  support_operator: cabinet(
    'support_operator',
    { to: '/staff/support', label: 'Обращения' },
    { to: '/staff/support/templates', label: 'Шаблоны ответов' },
    { to: '/staff/help', label: 'Справочный центр' },
    { to: '/staff/help/contacts', label: 'Контакты регионов' },
  ),
};

/** Where a gated session is sent before anything else opens. */
export const GATE_PATHS = {
  pd_consent: '/staff/consent',
  totp_setup: '/staff/second-factor',
  suspended: '/staff/suspended',
} as const;
