export { studyPlansRoutes } from './study-plans.routes.js';
export { draftPlanIfDue, type DraftOutcome } from './drafting.service.js';
export { planDraftingListener } from './drafting.listener.js';
export { navigatorStageCounts } from './study-plans.repository.js';
export { eraseStudyPlanOf, studyPlanDataOf } from './person-data.repository.js';
