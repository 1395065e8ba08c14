import { sql } from 'drizzle-orm';
import { countAffected, queryRows, type Executor } from '@server/db/client.js';

/** Requests the person made, signed in or not (then known by the address, as listResolvedOfRequester knows them). */
const madeBy = (person: { id: string; email: string }) =>
  sql`(requester_account_id = ${person.id} or (requester_account_id is null and lower(email) = lower(${person.email})))`;

/**
 * Requests the person made, and those about the child made by whoever reads the archive (another
 * parent's request is that parent's data, not the child's), with the conversation (operators'
 * internal notes left out).
 */
export async function supportDataOf(executor: Executor, person: { id: string; email: string }, readerId: string) {
  const requests = await queryRows<{ id: string; channel: string; topic: string; text: string; status: string; created_at: Date; closed_at: Date | null }>(
    executor,
    sql`select id, channel, topic, text, status, created_at, closed_at from support_requests
      where ${madeBy(person)} or (child_id = ${person.id} and requester_account_id = ${readerId}) order by created_at`,
  );
  const ids = requests.map((r) => r.id);
  const [messages, attachments] = ids.length === 0
    ? [[], []]
    : await Promise.all([
        queryRows<{ request_id: string; kind: string; text: string; created_at: Date }>(
          executor,
          sql`select request_id, kind, text, created_at from support_messages
            where request_id = any(${sql.param(ids)}::uuid[]) and kind <> 'note' order by created_at`,
        ),
        queryRows<{ request_id: string; file_name: string; mime_type: string; size_bytes: number; created_at: Date }>(
          executor,
          sql`select request_id, file_name, mime_type, size_bytes, created_at from support_attachments where request_id = any(${sql.param(ids)}::uuid[]) order by created_at`,
        ),
      ]);
  return {
    requests: requests.map((r) => ({
      channel: r.channel,
      topic: r.topic,
      text: r.text,
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
      closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
      messages: messages.filter((m) => m.request_id === r.id).map((m) => ({ kind: m.kind, text: m.text, at: new Date(m.created_at).toISOString() })),
    })),
    attachments: attachments.map((a) => ({ fileName: a.file_name, mimeType: a.mime_type, sizeBytes: a.size_bytes, uploadedAt: new Date(a.created_at).toISOString() })),
  };
}

/**
 * The pupil's own requests go whole, with their messages and attachments (whose sealed files the
 * caller removes after commit: their ids are returned); a parent's request about the child loses
 * only the link to it.
 */
export async function eraseSupportOf(executor: Executor, person: { id: string; email: string }): Promise<{ rows: number; fileIds: string[] }> {
  const accountId = person.id;
  const own = sql`select id from support_requests where ${madeBy(person)}`;
  const files = await queryRows<{ id: string }>(executor, sql`delete from support_attachments where request_id in (${own}) returning id`);
  const messages = await countAffected(executor, sql`delete from support_messages where request_id in (${own})`);
  const requests = await countAffected(executor, sql`delete from support_requests where ${madeBy(person)}`);
  const unlinked = await countAffected(executor, sql`update support_requests set child_id = null where child_id = ${accountId}`);
  return { rows: files.length + messages + requests + unlinked, fileIds: files.map((f) => f.id) };
}
