import type { Principal } from '@server/plugins/session.js';

/** The parts of a principal the places rules look at. */
export type PlaceViewer = Pick<Principal, 'role' | 'regionId' | 'venueId'>;

/** Which places a caller may see: everything, one region's venues, one venue, or nothing. */
export type PlaceScope = { kind: 'all' } | { kind: 'region'; regionId: number } | { kind: 'venue'; venueId: string } | { kind: 'none' };

/** A place as the rules see it: whose it is and where that venue works. */
export interface PlaceRef {
  venueId: string;
  regionId: number;
}

/** The issuer sees every place, a coordinator its region's, a venue's staff and mentors their venue's. */
export function placeScopeOf(viewer: PlaceViewer): PlaceScope {
  switch (viewer.role) {
    case 'issuer_admin':
      return { kind: 'all' };
    case 'regional_coordinator':
      return viewer.regionId === null ? { kind: 'none' } : { kind: 'region', regionId: viewer.regionId };
    case 'venue':
    case 'mentor':
      return viewer.venueId === null ? { kind: 'none' } : { kind: 'venue', venueId: viewer.venueId };
    default:
      return { kind: 'none' };
  }
}

/** Whether one place falls inside what the caller may see. */
export function canSeePlace(viewer: PlaceViewer, place: PlaceRef): boolean {
  const scope = placeScopeOf(viewer);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'region':
      return scope.regionId === place.regionId;
    case 'venue':
      return scope.venueId === place.venueId;
    case 'none':
      return false;
  }
}

/** The venue whose places the caller registers: only a venue's own main account does, and only for itself. */
export function managedVenueOf(viewer: PlaceViewer): string | null {
  return viewer.role === 'venue' ? viewer.venueId : null;
}

/** Editing a place is its own venue's business; a mentor of the venue only reads. */
export function canEditPlace(viewer: PlaceViewer, place: PlaceRef): boolean {
  const venueId = managedVenueOf(viewer);
  return venueId !== null && venueId === place.venueId;
}
