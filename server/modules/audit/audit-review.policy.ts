import type { Principal } from '@server/plugins/session.js';
import { forbidden } from '@server/lib/errors.js';

/** Which part of the log a reviewer reads: the issuer all of it, a coordinator what concerns its region. */
export function reviewRegion(caller: Pick<Principal, 'role' | 'regionId'>): number | null {
  if (caller.role === 'issuer_admin') return null;
  if (caller.role === 'regional_coordinator' && caller.regionId !== null) return caller.regionId;
  throw forbidden();
}
