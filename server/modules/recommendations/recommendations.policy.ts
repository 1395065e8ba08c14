import type { PupilRelation } from '../participants/index.js';

export type RecommendationAudience = 'pupil' | 'parent' | 'staff';

/**
 * Who reads a pupil's recommendations: the pupil, a linked parent, and the navigator it is
 * assigned to while a parent's consent to process its data is in force; a mentor never (its
 * relation covers the event's roster, not the pupil's future). Null means 404 — the caller must
 * not learn that the pupil exists.
 */
export function recommendationAudience(relation: PupilRelation | null, consentInForce: boolean): RecommendationAudience | null {
  switch (relation) {
    case 'self':
      return 'pupil';
    case 'parent':
      return 'parent';
    case 'navigator':
      return consentInForce ? 'staff' : null;
    default:
      return null;
  }
}
