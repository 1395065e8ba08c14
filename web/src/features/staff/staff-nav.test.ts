import { describe, expect, it } from 'vitest';
import { STAFF_NAV } from './staff-nav';

describe('staff navigation', () => {
  it('puts «Показатели» right after the home page for those who follow KPIs, and only for them', () => {
    for (const role of ['issuer_admin', 'regional_coordinator', 'school', 'venue', 'navigator', 'mentor'] as const) {
      expect(STAFF_NAV[role]?.[1]).toEqual({ to: '/staff/kpi', label: 'Показатели' });
    }
    for (const role of ['methodologist', 'support_operator'] as const) {
      expect(STAFF_NAV[role]?.some((link) => link.to === '/staff/kpi')).toBe(false);
    }
  });
});
