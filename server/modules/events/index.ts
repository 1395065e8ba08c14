export { eventsRoutes } from './events.routes.js';
export { mentorRoutes } from './mentor.routes.js';
export { enrolmentRoutes } from './enrolment.routes.js';
export { linkSummaryRoutes } from './link-summary.routes.js';
