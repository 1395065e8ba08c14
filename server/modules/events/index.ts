export { eventsRoutes } from './events.routes.js';
export { mentorRoutes } from './mentor.routes.js';
export { enrolmentRoutes } from './enrolment.routes.js';
export { linkSummaryRoutes } from './link-summary.routes.js';
export { ENROLMENT_HOLDS_JOB, registerEnrolmentJobs } from './enrolment.jobs.js';
export { EVENT_REMINDERS_JOB, registerEventJobs } from './events.jobs.js';
export { issueLink } from './events.service.js';
export { admissibleEvents, attendedTrials, type AdmissibleEventRow, type AttendedTrialRow } from './enrolment.repository.js';
export { toEventCard } from './event-cards.repository.js';
