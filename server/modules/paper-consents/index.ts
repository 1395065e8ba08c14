export { paperConsentRoutes } from './paper-consents.routes.js';
