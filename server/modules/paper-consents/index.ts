export { paperConsentRoutes } from './paper-consents.routes.js';
export { erasePaperConsentsOf, paperConsentsDataOf } from './person-data.repository.js';
export { removePaperConsentScans } from './person-data.service.js';
