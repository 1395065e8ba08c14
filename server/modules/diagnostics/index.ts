export { diagnosticsRoutes } from './diagnostics.routes.js';
export { workbenchRoutes } from './workbench.routes.js';
export { syncCatalogue } from './definitions.service.js';
