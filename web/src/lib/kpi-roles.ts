import { PERMISSIONS } from '@common/permissions.js';
import type { Role } from '@common/roles.js';

/**
 * Who sees the KPI dashboards: the router, the staff navigation and the home page all ask here.
 * Its own module, so the router does not pull the KPI catalogue into every page's first load.
 */
export const KPI_READ_ROLES: readonly Role[] = PERMISSIONS['kpi.read'];
