export { findPupilRelation, type PupilRelation } from './pupil-relation.js';
