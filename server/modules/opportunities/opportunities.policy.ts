import type { OpportunityStatus } from '@common/guidance.js';
import type { Principal } from '@server/plugins/session.js';

export type OpportunityViewer = Pick<Principal, 'role' | 'regionId'>;

/**
 * Whose opportunities a staff member keeps: the issuer all of them (it writes the federal ones),
 * a coordinator its region's. Anyone else keeps none.
 */
export type OpportunityScope = { kind: 'all' } | { kind: 'region'; regionId: number } | { kind: 'none' };

export function opportunityScopeOf(viewer: OpportunityViewer): OpportunityScope {
  if (viewer.role === 'issuer_admin') return { kind: 'all' };
  if (viewer.role === 'regional_coordinator' && viewer.regionId !== null) return { kind: 'region', regionId: viewer.regionId };
  return { kind: 'none' };
}

/** Whether the staff member sees the opportunity at all; one it does not see answers 404. */
export function keepsOpportunity(viewer: OpportunityViewer, opportunity: { regionId: number | null }): boolean {
  const scope = opportunityScopeOf(viewer);
  if (scope.kind === 'all') return true;
  return scope.kind === 'region' && opportunity.regionId === scope.regionId;
}

/**
 * Whether it may change the opportunity: the coordinator its region's, the issuer the federal ones.
 * The issuer reads a region's opportunities but leaves them to the region.
 */
export function editsOpportunity(viewer: OpportunityViewer, opportunity: { regionId: number | null }): boolean {
  if (viewer.role === 'issuer_admin') return opportunity.regionId === null;
  return keepsOpportunity(viewer, opportunity);
}

/** The region a new opportunity of this staff member belongs to: null is federal. */
export function regionOfNew(viewer: OpportunityViewer): number | null | undefined {
  const scope = opportunityScopeOf(viewer);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'region') return scope.regionId;
  return undefined;
}

/** Families open a published opportunity of any region; a draft or an archived one does not exist for them. */
export function cardIsOpen(status: OpportunityStatus): boolean {
  return status === 'published';
}
