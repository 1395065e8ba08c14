export { supportRoutes } from './support.routes.js';
export { startSupportSmtp } from './support.smtp.js';
export { onSupportRequest, type SupportRequestRegistered } from './request-signal.js';
export { storeAnswerTemplate, storePastRequest, type PastRequest } from './support.service.js';
export { eraseSupportOf, supportDataOf } from './person-data.repository.js';
export { removeSupportFiles } from './person-data.service.js';
