import { describe, expect, it } from 'vitest';
import { instructionOrganisation } from './instruction.policy.js';

describe('instructionOrganisation', () => {
  it('is the caller’s school or venue', () => {
    expect(instructionOrganisation({ schoolId: 's', venueId: null })).toEqual({ kind: 'school', id: 's' });
    expect(instructionOrganisation({ schoolId: null, venueId: 'v' })).toEqual({ kind: 'venue', id: 'v' });
  });

  it('is nobody’s for staff without an organisation', () => {
    expect(() => instructionOrganisation({ schoolId: null, venueId: null })).toThrow(/не работаете/);
  });
});
