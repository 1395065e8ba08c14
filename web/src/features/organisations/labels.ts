import type { Role } from '@common/roles.js';
import { MANAGED_ROLES } from '@common/permissions.js';

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

/** Keeps buttons the server would refuse off the screen; the server's staff policy still decides. */
export function mayManageStaff(viewer: { id: string; role: Role }, member: { id: string; role: Role }): boolean {
  return viewer.id !== member.id && (MANAGED_ROLES[viewer.role] ?? []).includes(member.role);
}
