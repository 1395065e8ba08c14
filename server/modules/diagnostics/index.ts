export { diagnosticsRoutes } from './diagnostics.routes.js';
export { workbenchRoutes } from './workbench.routes.js';
export { syncCatalogue } from './definitions.service.js';
export { pupilsWithCompletedDiagnostics } from './attempts.repository.js';
export { recordFootprint } from './footprint.service.js';
