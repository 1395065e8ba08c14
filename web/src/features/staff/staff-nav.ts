import type { Role } from '../../../../common/roles.js';

export interface StaffLink {
  to: string;
  label: string;
}

const PROFILE: StaffLink[] = [
  { to: '/staff/profile', label: 'Профиль' },
  { to: '/staff/security', label: 'Вход и безопасность' },
];

/** The sections of each staff cabinet, in the order people reach for them. */
export const STAFF_NAV: Partial<Record<Role, StaffLink[]>> = {
  issuer_admin: [
    { to: '/staff', label: 'Главная' },
    { to: '/staff/regions', label: 'Регионы' },
    { to: '/staff/team', label: 'Координаторы и сотрудники' },
    { to: '/staff/organisations', label: 'Школы и площадки' },
    { to: '/staff/places', label: 'Места проведения' },
    { to: '/staff/participants', label: 'Участники' },
    ...PROFILE,
  ],
  regional_coordinator: [
    { to: '/staff', label: 'Главная' },
    { to: '/staff/region', label: 'Мой регион' },
    { to: '/staff/organisations', label: 'Школы и площадки' },
    { to: '/staff/places', label: 'Места проведения' },
    { to: '/staff/participants', label: 'Участники' },
    { to: '/staff/paper-consents', label: 'Бумажные согласия' },
    ...PROFILE,
  ],
  school: [
    { to: '/staff', label: 'Главная' },
    { to: '/staff/organisation', label: 'Школа' },
    { to: '/staff/participants', label: 'Участники' },
    { to: '/staff/imports', label: 'Импорт из файла' },
    { to: '/staff/paper-consents', label: 'Бумажные согласия' },
    { to: '/staff/team', label: 'Навигаторы и сотрудники' },
    ...PROFILE,
  ],
  venue: [
    { to: '/staff', label: 'Главная' },
    { to: '/staff/organisation', label: 'Площадка' },
    { to: '/staff/places', label: 'Места проведения' },
    { to: '/staff/team', label: 'Наставники и сотрудники' },
    ...PROFILE,
  ],
  navigator: [
    { to: '/staff', label: 'Главная' },
    { to: '/staff/organisation', label: 'Школа' },
    { to: '/staff/participants', label: 'Мои участники' },
    ...PROFILE,
  ],
  mentor: [{ to: '/staff', label: 'Главная' }, { to: '/staff/organisation', label: 'Площадка' }, { to: '/staff/places', label: 'Места проведения' }, ...PROFILE],
  methodologist: [{ to: '/staff', label: 'Главная' }, ...PROFILE],
};

/** Where a gated session is sent before anything else opens. */
export const GATE_PATHS = {
  pd_consent: '/staff/consent',
  totp_setup: '/staff/second-factor',
  suspended: '/staff/suspended',
} as const;
