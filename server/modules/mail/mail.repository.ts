import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import { outgoingMail } from '@server/db/schema/index.js';
import type { Executor } from '@server/db/client.js';
import type { MailContent, MailHeaders } from './templates.js';

const headerColumns = (h: MailHeaders | undefined) => ({
  replyTo: h?.replyTo ?? null,
  messageId: h?.messageId ?? null,
  inReplyTo: h?.inReplyTo ?? null,
  references: h?.references?.length ? h.references.join(' ') : null,
});

export async function insertMail(executor: Executor, to: string, content: MailContent, headers?: MailHeaders): Promise<string> {
  const [row] = await executor.insert(outgoingMail).values({ to, ...content, ...headerColumns(headers) }).returning({ id: outgoingMail.id });
  return row!.id;
}

/** Many messages in one statement; the ids come back in the order of the messages. */
export async function insertMails(executor: Executor, messages: ReadonlyArray<{ to: string; content: MailContent }>): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = await executor
    .insert(outgoingMail)
    .values(messages.map((m) => ({ to: m.to, ...m.content })))
    .returning({ id: outgoingMail.id });
  return rows.map((r) => r.id);
}

/** The messages of these ids not sent yet, in one read (a delivery job's batch). */
export async function findUnsentMails(executor: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return executor
    .select()
    .from(outgoingMail)
    .where(and(inArray(outgoingMail.id, [...ids]), isNull(outgoingMail.sentAt)));
}

export async function markMailsSent(executor: Executor, ids: readonly string[], keptInDevMailbox: boolean): Promise<void> {
  if (ids.length === 0) return;
  await executor
    .update(outgoingMail)
    .set(
      keptInDevMailbox
        ? { sentAt: new Date(), devMailbox: true }
        : // A delivered message's links and reply address are live tokens; the copy here is no longer needed.
          { sentAt: new Date(), text: '', html: '', replyTo: null },
    )
    .where(inArray(outgoingMail.id, [...ids]));
}

export async function markMailFailed(executor: Executor, id: string, error: string, attempts: number): Promise<void> {
  await executor.update(outgoingMail).set({ attempts, lastError: error.slice(0, 500) }).where(eq(outgoingMail.id, id));
}

export async function listStaleUnsentMailIds(executor: Executor, olderThan: Date): Promise<string[]> {
  const rows = await executor
    .select({ id: outgoingMail.id })
    .from(outgoingMail)
    .where(and(isNull(outgoingMail.sentAt), lt(outgoingMail.createdAt, olderThan)))
    .limit(500);
  return rows.map((r) => r.id);
}

export async function listDevMailbox(executor: Executor, to: string | undefined, limit: number) {
  return executor
    .select({
      id: outgoingMail.id,
      to: outgoingMail.to,
      subject: outgoingMail.subject,
      text: outgoingMail.text,
      html: outgoingMail.html,
      createdAt: outgoingMail.createdAt,
      replyTo: outgoingMail.replyTo,
      messageId: outgoingMail.messageId,
      inReplyTo: outgoingMail.inReplyTo,
      references: outgoingMail.references,
    })
    .from(outgoingMail)
    .where(and(eq(outgoingMail.devMailbox, true), to ? eq(outgoingMail.to, to) : undefined))
    .orderBy(desc(outgoingMail.createdAt))
    .limit(limit);
}
