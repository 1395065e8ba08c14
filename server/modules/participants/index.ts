export { participantsRoutes } from './participants.routes.js';
export { importsRoutes } from './import/imports.routes.js';
export { IMPORT_CLEANUP_JOB, registerImportJobs } from './import/imports.jobs.js';
export { findPupilRelation, relationToPupil, type PupilRelation } from './pupil-relation.js';
export { eraseNavigatorAssignmentOf, navigatorOf, purgeImportFiles } from './person-data.repository.js';
