import { sql } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '@server/db/transaction.js';
import { freePort } from '@server/test/http-browser.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { mailTemplates } from '../index.js';

describe('outgoing mail headers', () => {
  let t: TestApp;
  let relay: SMTPServer;
  const received: ParsedMail[] = [];
  let refusedOnce = false;

  beforeAll(async () => {
    // A relay of our own stands in for the real SMTP server, so the letter is read as a mail client would.
    const port = await freePort();
    relay = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      // The first letter to this address is refused, as a relay refuses a mailbox that is briefly full.
      onRcptTo(address, _session, callback) {
        if (address.address === 'full@example.ru' && !refusedOnce) {
          refusedOnce = true;
          callback(Object.assign(new Error('Mailbox full, try later'), { responseCode: 452 }));
          return;
        }
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => received.push(mail))
          .then(() => callback(), callback);
      },
    });
    await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Билет <no-reply@bilet.test>' });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => relay.close(() => resolve()));
  });

  const content = () => mailTemplates.notification({ firstName: 'Мария', title: 'Ответ', body: 'Текст', url: 'http://localhost/' });

  it('delivers Reply-To, Message-ID, In-Reply-To and References as stored', async () => {
    await inTransaction(t.app.ctx.db, (tx, afterCommit) =>
      t.app.ctx.mail.queue(tx, afterCommit, 'mama@example.ru', content(), {
        replyTo: 'bilet+abc123@bilet.test',
        messageId: '<support.1@bilet.test>',
        inReplyTo: '<letter.2@example.ru>',
        references: ['<letter.1@example.ru>', '<letter.2@example.ru>'],
      }),
    );
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);
    const mail = received[0]!;
    expect(mail.replyTo?.value[0]?.address).toBe('bilet+abc123@bilet.test');
    expect(mail.messageId).toBe('<support.1@bilet.test>');
    expect(mail.inReplyTo).toBe('<letter.2@example.ru>');
    expect(mail.references).toEqual(['<letter.1@example.ru>', '<letter.2@example.ru>']);
    expect(mail.from?.value[0]?.address).toBe('no-reply@bilet.test');
    // Once delivered, the stored copy keeps no live token: the reply address goes with the text.
    await expect
      .poll(async () => (await t.rows<{ reply_to: string | null; sent: boolean }>(sql`select reply_to, sent_at is not null as sent from outgoing_mail where message_id = '<support.1@bilet.test>'`))[0])
      .toEqual({ reply_to: null, sent: true });
  });

  it('sends a batch side by side, keeps a refused letter for its retry and never sends a delivered one twice', async () => {
    const before = received.length;
    await inTransaction(t.app.ctx.db, (tx, afterCommit) =>
      t.app.ctx.mail.queueMany(tx, afterCommit, ['one@example.ru', 'full@example.ru', 'two@example.ru'].map((to) => ({ to, content: content() }))),
    );
    const stored = () =>
      t.rows<{ id: string; to: string; sent: boolean; attempts: number; last_error: string | null }>(
        sql`select id, "to", sent_at is not null as sent, attempts, last_error from outgoing_mail where "to" in ('one@example.ru', 'full@example.ru', 'two@example.ru') order by "to"`,
      );
    await expect.poll(async () => (await stored()).map((m) => [m.to, m.sent, m.attempts]), { timeout: 10_000 }).toEqual([
      ['full@example.ru', false, 1],
      ['one@example.ru', true, 0],
      ['two@example.ru', true, 0],
    ]);
    expect((await stored())[0]!.last_error).toMatch(/Mailbox full/);
    expect(received.length - before).toBe(2);
    // What the queue's retry of the batch does: only the refused letter goes out, once.
    await t.app.ctx.mail.deliver((await stored()).map((m) => m.id));
    expect(received.slice(before).map((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address).sort()).toEqual(['full@example.ru', 'one@example.ru', 'two@example.ru']);
    expect((await stored()).every((m) => m.sent)).toBe(true);
  });

  it('leaves the headers to nodemailer when none are given', async () => {
    const before = received.length;
    await inTransaction(t.app.ctx.db, (tx, afterCommit) => t.app.ctx.mail.queue(tx, afterCommit, 'papa@example.ru', content()));
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(before + 1);
    const mail = received[before]!;
    expect(mail.replyTo).toBeUndefined();
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.messageId).toMatch(/^<.+@.+>$/);
  });
});
