import { z } from 'zod';
import { PAPER_CONSENT_LIMITS } from '../organisations.js';
import { idSchema } from './fields.js';
import { listQuerySchema } from './lists.js';

export type PaperConsentMimeType = (typeof PAPER_CONSENT_LIMITS.mimeTypes)[number];

export const PAPER_CONSENT_TYPE_LABELS: Record<PaperConsentMimeType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

export const PAPER_CONSENT_SORTS = ['uploadedAt', 'fileName', 'child', 'school'] as const;

/** ?assigned=true|false narrows to scans with or without a child; participantId to one child's scans. */
export const paperConsentListQuerySchema = listQuerySchema(PAPER_CONSENT_SORTS).extend({
  assigned: z.enum(['true', 'false'], { error: 'Фильтр: true или false' }).optional(),
  participantId: idSchema.optional(),
});
export type PaperConsentListQuery = z.infer<typeof paperConsentListQuerySchema>;

/** The text fields sent with the file; the child may be chosen now or later. */
export const paperConsentUploadFieldsSchema = z.strictObject({ participantId: idSchema.optional() });

/** null takes the mark off a scan that was put on the wrong child. */
export const assignPaperConsentSchema = z.strictObject({
  participantId: idSchema.nullable(),
});
export type AssignPaperConsent = z.infer<typeof assignPaperConsentSchema>;

export interface PaperConsentView {
  id: string;
  fileName: string;
  mimeType: PaperConsentMimeType;
  sizeBytes: number;
  uploadedAt: string;
  child: { id: string; lastName: string; firstName: string; middleName: string | null } | null;
  school: { id: string; name: string };
}

/** "PDF, 1,2 МБ": what a person needs to know about a file before downloading it. */
export function describePaperConsentFile(file: Pick<PaperConsentView, 'mimeType' | 'sizeBytes'>): string {
  const kb = file.sizeBytes / 1024;
  const size = kb < 1 ? `${file.sizeBytes} Б` : kb < 1024 ? `${Math.ceil(kb)} КБ` : `${(kb / 1024).toFixed(1).replace('.', ',')} МБ`;
  return `${PAPER_CONSENT_TYPE_LABELS[file.mimeType]}, ${size}`;
}

export const paperConsentFileUrl = (id: string) => `/api/paper-consents/${id}/file`;
