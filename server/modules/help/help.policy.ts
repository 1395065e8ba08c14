import type { Principal } from '@server/plugins/session.js';

export type HelpViewer = Pick<Principal, 'role' | 'regionId'>;

/** Which region's contacts a staff member may change: support any, a coordinator only its own. */
export function editsRegionContacts(viewer: HelpViewer, regionId: number): boolean {
  if (viewer.role === 'support_operator') return true;
  return viewer.role === 'regional_coordinator' && viewer.regionId === regionId;
}

/** The public sees only what was published; a draft is for the help centre's staff alone. */
export function articleIsPublic(article: { publishedVersion: number | null }): boolean {
  return article.publishedVersion !== null;
}
