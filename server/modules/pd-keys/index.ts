export { pdKeysRoutes } from './pd-keys.routes.js';
export { registerPdKeyJobs } from './pd-keys.jobs.js';
export { PD_KEY_ROTATION_JOB, keysReport, runRotation, startRotation, type PdKeyUsage, type PdKeysReport } from './pd-keys.service.js';
export { assertIndexRoot } from './index-root.js';
