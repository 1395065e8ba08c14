export { opportunitiesRoutes } from './opportunities.routes.js';
export { storeOpportunity } from './opportunities.service.js';
export { cardIsOpen, editsOpportunity, keepsOpportunity, opportunityScopeOf } from './opportunities.policy.js';
