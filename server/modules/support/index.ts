export { supportRoutes } from './support.routes.js';
export { startSupportSmtp } from './support.smtp.js';
export { storeAnswerTemplate, storePastRequest, type PastRequest } from './support.service.js';
