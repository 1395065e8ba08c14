export { referenceRoutes } from './reference.routes.js';
export { referenceEditingRoutes } from './reference-editing.routes.js';
export { cityInRegion, schoolInRegion } from './reference.service.js';
