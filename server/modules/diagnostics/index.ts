export { diagnosticsRoutes } from './diagnostics.routes.js';
export { workbenchRoutes } from './workbench.routes.js';
export { syncCatalogue } from './definitions.service.js';
export { recordFootprint } from './footprint.service.js';
export type { Contribution } from './scoring.js';
export { footprintEvidence, type FootprintEvidence } from './footprint.service.js';
export { offeredTestsWithDimensions } from './attempts.service.js';
export { diagnosticsDataOf, eraseDiagnosticsOf, purgeStaleAttempts } from './person-data.repository.js';
export { NORMS_CRON, NORMS_JOB, registerDiagnosticsJobs } from './norms.jobs.js';
