import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';

/** The scanned paper consents filed under a pupil (the list, not the scans): for its own archive. */
export async function paperConsentsDataOf(executor: Executor, participantId: string) {
  const rows = await queryRows<{ file_name: string; mime_type: string; size_bytes: number; uploaded_at: Date; school: string }>(
    executor,
    sql`select pc.file_name, pc.mime_type, pc.size_bytes, pc.uploaded_at, s.name as school
      from paper_consents pc join schools s on s.id = pc.school_id where pc.participant_id = ${participantId} order by pc.uploaded_at`,
  );
  return rows.map((r) => ({ fileName: r.file_name, mimeType: r.mime_type, sizeBytes: r.size_bytes, uploadedAt: new Date(r.uploaded_at).toISOString(), school: r.school }));
}

/** Deletes the rows of a pupil's scans; the caller removes the sealed files (by the ids returned) after commit. */
export async function erasePaperConsentsOf(executor: Executor, participantId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(executor, sql`delete from paper_consents where participant_id = ${participantId} returning id`);
  return rows.map((r) => r.id);
}
