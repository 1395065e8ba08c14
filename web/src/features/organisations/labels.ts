import type { Role } from '../../../../common/roles.js';

export type StaffStatus = 'pending' | 'active' | 'disabled';
export type OrganisationStatus = 'active' | 'suspended';

export const STAFF_STATUS: Record<StaffStatus, { label: string; color: string }> = {
  pending: { label: 'Приглашение отправлено', color: 'yellow' },
  active: { label: 'Работает', color: 'green' },
  disabled: { label: 'Доступ закрыт', color: 'gray' },
};

export const ORGANISATION_STATUS: Record<OrganisationStatus, { label: string; color: string }> = {
  active: { label: 'Работает', color: 'green' },
  suspended: { label: 'Приостановлена', color: 'red' },
};

/**
 * Whose access a role may close or whose invitation it may send again. The server's staff policy
 * decides; this copy only keeps buttons that would be refused off the screen.
 */
const MANAGED_ROLES: Partial<Record<Role, readonly Role[]>> = {
  issuer_admin: ['regional_coordinator', 'methodologist', 'issuer_admin'],
  regional_coordinator: ['school', 'venue', 'navigator', 'mentor'],
  school: ['school', 'navigator'],
  venue: ['venue', 'mentor'],
};

export function mayManageStaff(viewer: { id: string; role: Role }, member: { id: string; role: Role }): boolean {
  return viewer.id !== member.id && (MANAGED_ROLES[viewer.role] ?? []).includes(member.role);
}
