import type { Role } from '@common/roles.js';

/** Where each cabinet keeps «Мои обращения». */
export function myRequestsPath(role: Role): string {
  if (role === 'participant') return '/participant/support';
  if (role === 'parent') return '/parent/support';
  return '/staff/my-requests';
}
