import { z } from 'zod';
import { idSchema } from './fields.js';

/** Whose data: the caller's own without it, a parent's linked child with it. */
export const dataSubjectQuerySchema = z.object({ subjectId: idSchema.optional() });
export type DataSubjectQuery = z.infer<typeof dataSubjectQuerySchema>;

export const archiveQuerySchema = dataSubjectQuerySchema.extend({
  format: z.enum(['json', 'pdf'], { error: 'Формат архива: json или pdf' }).default('json'),
});
export type ArchiveQuery = z.infer<typeof archiveQuerySchema>;

export const erasureInputSchema = z.object({ subjectId: idSchema.optional() }).strict();
export type ErasureInput = z.infer<typeof erasureInputSchema>;

export interface ErasureState {
  /** Set while the account is frozen and waiting for erasure. */
  pending: { requestedAt: string; dueAt: string; requestedByCaller: boolean } | null;
  /** Whether the caller may ask for erasure now, and why not when it may not. */
  mayRequest: boolean;
  refusal: string | null;
}

export interface RetentionRunView {
  job: string;
  dataClass: string;
  startedAt: string;
  finishedAt: string | null;
  rowsAffected: number | null;
  error: string | null;
}
