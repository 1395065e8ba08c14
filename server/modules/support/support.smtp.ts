import type { FastifyBaseLogger } from 'fastify';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { AppContext } from '@server/context.js';
import { AppError } from '@server/lib/errors.js';
import { findRequestByEmailMessageIds, findRequestByReplyHash } from './support.repository.js';
import { hashReplyToken, registerLetter, threadLetter } from './support.service.js';

/** A letter larger than this is refused before it is read whole. */
export const SUPPORT_MAIL_MAX_BYTES = 2 * 1024 * 1024;

type SmtpError = Error & { responseCode: number };

function smtpError(code: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode: code });
}

/** The recipient's +token when the letter is addressed to the programme's address; null for the plain address. */
export function replyTokenOf(recipient: string, supportAddress: string): { ours: boolean; token: string | null } {
  const [local, domain] = supportAddress.toLowerCase().split('@');
  const match = /^([^@+]+)(?:\+([a-z0-9]+))?@(.+)$/.exec(recipient.trim().toLowerCase());
  if (!match || match[1] !== local || match[3] !== domain) return { ours: false, token: null };
  return { ours: true, token: match[2] ?? null };
}

function firstAddress(field: AddressObject | AddressObject[] | undefined): { address: string; name: string } | null {
  const list = ([] as AddressObject[]).concat(field ?? []).flatMap((a) => a.value);
  const first = list.find((a) => a.address);
  return first?.address ? { address: first.address, name: first.name ?? '' } : null;
}

async function readLetter(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  if (stream.sizeExceeded) throw smtpError(552, `Письмо больше ${SUPPORT_MAIL_MAX_BYTES / 1024 / 1024} МБ`);
  return Buffer.concat(chunks);
}

/** A letter the MIME parser could read but that cannot be a request: no sender, or no structure at all. */
function checkParsed(mail: ParsedMail, raw: Buffer) {
  const from = firstAddress(mail.from);
  if (!from) throw smtpError(550, 'В письме нет адреса отправителя (From)');
  if (mail.headers.size === 0 || !/\r?\n\r?\n/.test(raw.toString('latin1'))) throw smtpError(554, 'Письмо повреждено: не удалось разобрать заголовки');
  return from;
}

/** What a letter becomes: a message of the request it answers, or a new request. */
async function receiveLetter(ctx: AppContext, session: SMTPServerSession, raw: Buffer): Promise<void> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true });
  } catch {
    throw smtpError(554, 'Письмо повреждено: не удалось разобрать MIME');
  }
  const from = checkParsed(mail, raw);
  const text = (mail.text ?? '').replace(/\r\n/g, '\n').trim();
  const messageId = mail.messageId ?? null;
  const files = mail.attachments.map((a) => ({ data: a.content, fileName: a.filename }));
  const tokens = session.envelope.rcptTo.map((r) => replyTokenOf(r.address, ctx.config.supportAddress).token).filter((t): t is string => t !== null);
  for (const token of tokens) {
    const row = await findRequestByReplyHash(ctx.db, hashReplyToken(token));
    if (row) return threadLetter(ctx, row, { text, messageId, files });
  }
  const references = ([] as string[]).concat(mail.inReplyTo ?? [], mail.references ?? []);
  const earlier = await findRequestByEmailMessageIds(ctx.db, references);
  if (earlier) return threadLetter(ctx, earlier, { text, messageId, files });
  await registerLetter(ctx, { fromAddress: from.address, fromName: from.name, subject: mail.subject ?? '', text, messageId, files });
}

/**
 * Receives mail for the programme's address on a port of its own: only that address (and its
 * +token sub-addresses) is accepted, the size is capped before reading, broken MIME is refused
 * with a permanent error, and a flood gets a temporary one so the sender's server tries later.
 */
export function startSupportSmtp(ctx: AppContext, log: FastifyBaseLogger, port: number, host: string): { ready: Promise<void>; close: () => Promise<void> } {
  const server = new SMTPServer({
    name: new URL(ctx.config.publicUrl).hostname,
    banner: 'Билет в будущее: приём обращений',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: SUPPORT_MAIL_MAX_BYTES,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!replyTokenOf(address.address, ctx.config.supportAddress).ours) return callback(smtpError(550, 'Здесь принимается почта только для адреса поддержки'));
      callback();
    },
    onData(stream, session, callback) {
      readLetter(stream)
        .then((raw) => receiveLetter(ctx, session, raw))
        .then(() => callback())
        .catch((err: unknown) => {
          if ((err as Partial<SmtpError>).responseCode) return callback(err as SmtpError);
          if (err instanceof AppError && err.status === 429) return callback(smtpError(451, err.message));
          if (err instanceof AppError && err.status < 500) return callback(smtpError(550, err.message));
          log.error({ err }, 'support letter failed');
          callback(smtpError(451, 'Временная ошибка, попробуйте позже'));
        });
    },
  });
  server.on('error', (err) => log.error({ err }, 'support SMTP server error'));
  const ready = new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { ready, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
