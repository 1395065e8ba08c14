export { kpiRoutes } from './kpi.routes.js';
export { KPI_DIGEST_JOB, KPI_REFRESH_JOB, registerKpiJobs } from './kpi.jobs.js';
export { KPI_DIGEST_CRON, KPI_REFRESH_SECONDS } from './kpi.schedule.js';
export { sendWeeklyDigests } from './kpi-digest.service.js';
export { refreshFigures, rebuildFigures } from './refresh.service.js';
export { dashboardFor, listDigestScopes, type DashboardOptions, type DigestScope } from './kpi.service.js';
export type { KpiCaller } from './kpi.policy.js';
export { detachPupilFigures } from './person-data.repository.js';
export { lastSeasonEndBefore } from './kpi.repository.js';
