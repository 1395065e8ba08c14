export { diagnosticsRoutes } from './diagnostics.routes.js';
export { workbenchRoutes } from './workbench.routes.js';
export { syncCatalogue } from './definitions.service.js';
export { recordFootprint } from './footprint.service.js';
export { onAttemptCompleted, type AttemptCompletion } from './completion-signal.js';
export type { Contribution } from './scoring.js';
export { footprintEvidence, type FootprintEvidence } from './footprint.service.js';
export { offeredTestsWithDimensions } from './attempts.service.js';
export { diagnosticsDataOf, eraseDiagnosticsOf, purgeStaleAttempts } from './person-data.repository.js';
