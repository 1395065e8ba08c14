import type { Principal } from '@server/plugins/session.js';

/**
 * Who may see a scanned paper consent: the school that uploaded it, the coordinator of that school's
 * region, and a parent linked to the child it was marked for. Nobody else learns it exists (404).
 */

export type Reader = Pick<Principal, 'accountId' | 'role' | 'regionId' | 'schoolId'>;

export interface PaperConsentFacts {
  schoolId: string;
  /** The region of the uploading school, not of the child: the scan is the school's record. */
  schoolRegionId: number;
  participantId: string | null;
  /** The reader is a parent linked to participantId. */
  readerIsLinkedParent: boolean;
}

export type PaperConsentScope =
  | { kind: 'school'; schoolId: string }
  | { kind: 'region'; regionId: number }
  | { kind: 'parent'; parentId: string };

/** The part of all scans a reader's lists cover; null when it covers none. */
export function paperConsentScope(reader: Reader): PaperConsentScope | null {
  if (reader.role === 'school' && reader.schoolId) return { kind: 'school', schoolId: reader.schoolId };
  if (reader.role === 'regional_coordinator' && reader.regionId !== null) return { kind: 'region', regionId: reader.regionId };
  if (reader.role === 'parent') return { kind: 'parent', parentId: reader.accountId };
  return null;
}

/** Whether the reader may list this scan and download its file. */
export function mayReadPaperConsent(reader: Reader, consent: PaperConsentFacts): boolean {
  const scope = paperConsentScope(reader);
  if (!scope) return false;
  switch (scope.kind) {
    case 'school':
      return consent.schoolId === scope.schoolId;
    case 'region':
      return consent.schoolRegionId === scope.regionId;
    case 'parent':
      // An unmarked scan belongs to no family yet, whatever the parent is linked to.
      return consent.participantId !== null && consent.readerIsLinkedParent;
  }
}

/** Only the uploading school says whose scan it is; the coordinator and parents only read. */
export function mayAssignPaperConsent(reader: Reader, consent: Pick<PaperConsentFacts, 'schoolId'>): boolean {
  return reader.role === 'school' && reader.schoolId !== null && reader.schoolId === consent.schoolId;
}
