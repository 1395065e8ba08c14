/** Every role an account can hold. Parents sign in only through ESIA; the rest use e-mail and password. */
export const ROLES = [
  'participant',
  'parent',
  'issuer_admin',
  'regional_coordinator',
  'school',
  'venue',
  'mentor',
  'navigator',
  'methodologist',
  'support_operator',
] as const;

export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ROLES.filter((r) => r !== 'participant' && r !== 'parent');

export const ROLE_LABELS: Record<Role, string> = {
  participant: 'Участник',
  parent: 'Родитель',
  issuer_admin: 'Администратор эмитента',
  regional_coordinator: 'Региональный координатор',
  school: 'Школа',
  venue: 'Площадка',
  mentor: 'Наставник',
  navigator: 'Педагог-навигатор',
  methodologist: 'Методолог',
  support_operator: 'Оператор поддержки',
};

/** Roles that sign in with an e-mail and a password (parents use ESIA only). */
export function signsInWithPassword(role: Role): boolean {
  return role !== 'parent';
}
