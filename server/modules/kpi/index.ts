export { kpiRoutes } from './kpi.routes.js';
export { KPI_REFRESH_JOB, KPI_REFRESH_SECONDS, registerKpiJobs } from './kpi.jobs.js';
export { refreshFigures, rebuildFigures } from './refresh.service.js';
export { dashboardFor, listDigestScopes, type DashboardOptions, type DigestScope } from './kpi.service.js';
export type { KpiCaller } from './kpi.policy.js';
