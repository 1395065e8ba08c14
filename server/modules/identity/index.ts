export { LIVE_SESSION_CTE, accountOfSession, touchSessionIfStale } from './live-session.js';
export { childrenOfParent, parentsOfChild } from './family-members.service.js';
