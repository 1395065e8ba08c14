import { notFound } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import type { OrganisationRef } from './instruction.repository.js';

/** The instruction concerns the caller's own organisation only; staff without one have none to see. */
export function instructionOrganisation(principal: Pick<Principal, 'schoolId' | 'venueId'>): OrganisationRef {
  if (principal.schoolId) return { kind: 'school', id: principal.schoolId };
  if (principal.venueId) return { kind: 'venue', id: principal.venueId };
  throw notFound('Вы не работаете в школе или на площадке');
}
