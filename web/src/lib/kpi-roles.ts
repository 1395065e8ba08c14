import type { Role } from '@common/roles.js';

/**
 * Who sees the KPI dashboards: the router, the staff navigation and the home page all ask here.
 * The 'kpi.read' permission will say the same; once it is in common/permissions.ts this list
 * becomes PERMISSIONS['kpi.read']. Its own module, so the router does not pull the KPI catalogue
 * into every page's first load.
 */
export const KPI_READ_ROLES: readonly Role[] = ['issuer_admin', 'regional_coordinator', 'school', 'venue', 'navigator', 'mentor'];
