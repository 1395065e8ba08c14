export { supportRoutes } from './support.routes.js';
export { startSupportSmtp } from './support.smtp.js';
