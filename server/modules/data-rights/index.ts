export { dataRightsRoutes } from './data-rights.routes.js';
export { registerDataRightsJobs } from './data-rights.jobs.js';
export { DATA_RIGHTS_SCHEDULES } from './data-rights.schedule.js';
export { eraseDueAccounts } from './erasure.service.js';
export { retentionJobName, runRetention } from './retention.service.js';
