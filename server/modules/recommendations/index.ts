export { recommendationsRoutes } from './recommendations.routes.js';
export { recommendationsFor } from './recommendations.service.js';
export type { RecommendationAudience } from './recommendations.policy.js';
export { eraseRecommendationsOf } from './person-data.repository.js';
