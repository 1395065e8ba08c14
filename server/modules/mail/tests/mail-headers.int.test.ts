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

  beforeAll(async () => {
    // A relay of our own stands in for the real SMTP server, so the letter is read as a mail client would.
    const port = await freePort();
    relay = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
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

  it('leaves the headers to nodemailer when none are given', async () => {
    await inTransaction(t.app.ctx.db, (tx, afterCommit) => t.app.ctx.mail.queue(tx, afterCommit, 'papa@example.ru', content()));
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2);
    const mail = received[1]!;
    expect(mail.replyTo).toBeUndefined();
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.messageId).toMatch(/^<.+@.+>$/);
  });
});
