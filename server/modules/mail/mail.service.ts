import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Executor } from '@server/db/client.js';
import type { AfterCommit } from '@server/db/transaction.js';
import type { JobQueue } from '@server/jobs/queue.js';
import { findUnsentMails, insertMail, insertMails, listDevMailbox, listStaleUnsentMailIds, markMailFailed, markMailsSent } from './mail.repository.js';
import type { MailContent, MailHeaders } from './templates.js';

export const MAIL_DELIVER_JOB = 'mail-deliver';
export const MAIL_SWEEP_JOB = 'mail-sweep';
/** Letters one process takes per poll (two a second) and sends at once over its SMTP connections. */
const DELIVERY_BATCH = 100;
const SMTP_CONNECTIONS = 5;

/**
 * Outgoing mail goes through an outbox: the message is stored in the caller's transaction and a job
 * delivers it after commit, with retries. A failed delivery never fails the request that caused it.
 */
/** The messages kept for the development mailbox, newest first. */
export function devMailboxMessages(executor: Executor, to: string | undefined, limit: number) {
  return listDevMailbox(executor, to, limit);
}

export class MailService {
  private readonly transport: Transporter | null;

  constructor(
    private readonly db: Db,
    private readonly jobs: JobQueue,
    private readonly log: FastifyBaseLogger,
    private readonly opts: { smtpUrl: string | undefined; from: string },
  ) {
    // A few connections kept open and reused: a rush of enrolments mails thousands of families.
    this.transport = opts.smtpUrl ? nodemailer.createTransport({ url: opts.smtpUrl, pool: true, maxConnections: SMTP_CONNECTIONS }) : null;
    // Delivery is idempotent (a sent message is skipped), so a school's import of thousands of
    // pupils can be mailed in batches, side by side, rather than one message per poll.
    jobs.defineBatch<{ mailId: string }>(
      MAIL_DELIVER_JOB,
      (batch) => this.deliver(batch.map((d) => d.mailId)),
      { retryLimit: 10, retryDelay: 30, retryBackoff: true },
      DELIVERY_BATCH,
    );
    jobs.define(MAIL_SWEEP_JOB, () => this.sweep());
  }

  /** Stores the message now and queues its delivery once the transaction commits. */
  async queue(executor: Executor, afterCommit: AfterCommit, to: string, content: MailContent, headers?: MailHeaders): Promise<void> {
    const mailId = await insertMail(executor, to, content, headers);
    afterCommit(() => this.jobs.send(MAIL_DELIVER_JOB, { mailId }, { singletonKey: mailId }));
  }

  /** queue() for many messages at once (a bulk import): one insert, and one batch of delivery jobs after commit. */
  async queueMany(executor: Executor, afterCommit: AfterCommit, messages: ReadonlyArray<{ to: string; content: MailContent }>): Promise<void> {
    const ids = await insertMails(executor, messages);
    if (ids.length === 0) return;
    afterCommit(() => this.queueDeliveries(ids));
  }

  /**
   * Delivers stored messages side by side, with one read and one write for all of them; a message
   * sent before (a retried batch) is skipped. Throws when any failed, so the queue retries the batch.
   */
  async deliver(mailIds: readonly string[]): Promise<void> {
    const mails = await findUnsentMails(this.db, mailIds);
    if (!this.transport) {
      await markMailsSent(
        this.db,
        mails.map((m) => m.id),
        true,
      );
      return;
    }
    const transport = this.transport;
    const outcomes = await Promise.allSettled(
      mails.map((mail) =>
        // A QR code travels as a data: URL in the stored HTML; as an inline attachment every mail client shows it.
        transport.sendMail({
          from: this.opts.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          attachDataUrls: true,
          ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
          ...(mail.messageId ? { messageId: mail.messageId } : {}),
          ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
          ...(mail.references ? { references: mail.references } : {}),
        }),
      ),
    );
    await markMailsSent(
      this.db,
      mails.filter((_, i) => outcomes[i]!.status === 'fulfilled').map((m) => m.id),
      false,
    );
    const failures = mails.flatMap((mail, i) => {
      const outcome = outcomes[i]!;
      return outcome.status === 'rejected' ? [{ mail, reason: outcome.reason as unknown }] : [];
    });
    for (const { mail, reason } of failures) {
      await markMailFailed(this.db, mail.id, reason instanceof Error ? reason.message : String(reason), mail.attempts + 1);
      this.log.warn({ mailId: mail.id }, 'mail delivery failed, will retry');
    }
    if (failures.length > 0) throw failures[0]!.reason;
  }

  /** Closes the kept SMTP connections; after the job queue stopped, so no delivery is cut short. */
  close(): void {
    this.transport?.close();
  }

  /** Re-queues messages whose delivery job was lost (say, the process stopped right after commit). */
  async sweep(): Promise<void> {
    const ids = await listStaleUnsentMailIds(this.db, new Date(Date.now() - 5 * 60_000));
    if (ids.length > 0) await this.queueDeliveries(ids);
  }

  private queueDeliveries(mailIds: string[]): Promise<void> {
    return this.jobs.sendMany(MAIL_DELIVER_JOB, mailIds.map((mailId) => ({ data: { mailId }, singletonKey: mailId })));
  }
}
