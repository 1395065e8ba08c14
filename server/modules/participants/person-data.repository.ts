import { sql } from 'drizzle-orm';
import { countAffected, queryRows, type Executor } from '@server/db/client.js';

/** The pupil's navigator, if one is assigned: for its own archive. */
export async function navigatorOf(executor: Executor, participantId: string): Promise<{ name: string; assignedAt: string } | null> {
  const [row] = await queryRows<{ name: string; assigned_at: Date }>(
    executor,
    sql`select concat_ws(' ', a.last_name, a.first_name, a.middle_name) as name, na.assigned_at
      from navigator_assignments na join accounts a on a.id = na.navigator_id where na.participant_id = ${participantId}`,
  );
  return row ? { name: row.name, assignedAt: new Date(row.assigned_at).toISOString() } : null;
}

export async function eraseNavigatorAssignmentOf(executor: Executor, participantId: string): Promise<number> {
  return countAffected(executor, sql`delete from navigator_assignments where participant_id = ${participantId}`);
}

/** Retention: what a finished import kept of its file (the rows' report) once it is older than the cutoff; the counts stay. */
export async function purgeImportFiles(executor: Executor, before: Date): Promise<number> {
  return countAffected(executor, sql`update import_batches set payload_enc = null, row_errors = '[]'::jsonb, row_outcomes = '[]'::jsonb
        where created_at < ${before.toISOString()}::timestamptz and status not in ('queued', 'running')
          and (payload_enc is not null or row_errors <> '[]'::jsonb or row_outcomes <> '[]'::jsonb)`);
}
