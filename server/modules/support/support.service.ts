import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import type { AppContext } from '@server/context.js';
import type { Executor } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '@server/lib/errors.js';
import { sanitiseFileName } from '@server/lib/file-names.js';
import { FILE_KINDS } from '@server/lib/file-store/index.js';
import { hashToken } from '@server/lib/tokens.js';
import type { Principal } from '@server/plugins/session.js';
import type {
  SupportDeskView,
  SupportMessageView,
  SupportQueueItem,
  SupportQueueQuery,
  SupportRequestFields,
  SupportRequestView,
  SupportStats,
} from '@common/schemas/support.js';
import {
  SUPPORT_FIRST_ANSWER_SLA,
  SUPPORT_LIMITS,
  SUPPORT_STATUS_LABELS,
  SUPPORT_TOPIC_LABELS,
  type SupportSettableStatus,
  type SupportStatus,
  type SupportTopic,
} from '@common/support/requests.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { INTAKE_RULE_LABELS, applyIntakeRules, type IntakeRule } from './intake-rules/index.js';
import type { MailHeaders } from '../mail/index.js';
import { supportMail } from './support.mail.js';
import { addWorkingHours, deskScope, mayAnswerRequest, mayChangeStatus, mayManageRequests, mayReadRequest, statusAfterRequesterMessage } from './support.policy.js';
import * as repo from './support.repository.js';
import { announceSupportRequest } from './request-signal.js';

const requestNotFound = () => notFound('Обращение не найдено');

/** A file sent with a request, as received. */
export interface IncomingFile {
  data: Buffer;
  fileName: string | undefined;
}

/** Who sends a request: a signed-in account, or nobody (the form signed out, or a letter). */
export interface Requester {
  principal: Principal | null;
  /** The network address (form) or the sender's address (letter) the flood limit counts by. */
  source: string;
}

export const requestNumber = (id: string) => id.slice(0, 8).toUpperCase();

/**
 * The secret link and the reply address are derived from the request's id with a key of the
 * platform's, so an answer e-mail can carry them again while the database keeps only their hashes.
 */
function derivedToken(ctx: AppContext, purpose: 'link' | 'reply', id: string): string {
  const mac = crypto.createHmac('sha256', ctx.cookieSecret).update(`support-${purpose}:${id}`);
  return purpose === 'link' ? mac.digest('base64url') : mac.digest('hex').slice(0, 32);
}

export function requestLink(ctx: AppContext, id: string): string {
  return `${ctx.config.publicUrl}/support/r/${derivedToken(ctx, 'link', id)}`;
}

/** support+<token>@domain: the address that threads a letter to its request. */
export function replyAddress(ctx: AppContext, id: string): string {
  const [local, domain] = ctx.config.supportAddress.split('@');
  return `${local}+${derivedToken(ctx, 'reply', id)}@${domain}`;
}

/** A Message-ID of ours for an answer, in the support address's domain, so a reply's In-Reply-To finds its request. */
function newMessageId(ctx: AppContext): string {
  return `<support.${crypto.randomUUID()}@${ctx.config.supportAddress.split('@')[1]}>`;
}

/** Mail clients keep a thread together by References; a long one is cut to its first and latest letters, as RFC 5322 allows. */
const MAX_REFERENCES = 10;

/**
 * The headers of an answer: «Reply» goes to the request's own address, the answer gets an id of ours,
 * and it continues the thread of the letters and answers before it.
 */
async function answerHeaders(ctx: AppContext, ex: Executor, requestId: string, messageId: string): Promise<MailHeaders> {
  const thread = await repo.listThreadMessageIds(ex, requestId);
  const ids = thread.map((m) => m.emailMessageId);
  const lastLetter = thread.filter((m) => m.kind === 'requester').at(-1);
  const references = ids.length > MAX_REFERENCES ? [ids[0]!, ...ids.slice(-(MAX_REFERENCES - 1))] : ids;
  return {
    replyTo: replyAddress(ctx, requestId),
    messageId,
    ...(lastLetter ? { inReplyTo: lastLetter.emailMessageId } : {}),
    ...(references.length ? { references } : {}),
  };
}

export const hashReplyToken = (token: string) => hashToken(token.toLowerCase());

const tooMany = () =>
  new AppError('too_many_requests', 429, 'Вы отправили слишком много обращений за последний час. Подождите немного и отправьте снова — или дополните уже отправленное обращение');

/** Refuses a flood: per account, and per network or sender address (higher, as schools share one network). */
async function checkFloodLimits(ctx: AppContext, ex: Executor, accountId: string | null, sourceKey: string): Promise<void> {
  const since = new Date(Date.now() - 3_600_000);
  const limits = ctx.config.supportRequestsPerHour;
  if (accountId && (await repo.countRecentByAccount(ex, accountId, since)) >= limits.perAccount) throw tooMany();
  if ((await repo.countRecentBySource(ex, sourceKey, since)) >= limits.perAddress) throw tooMany();
}

type FileVerdict = { ok: true; mime: string; ext: string } | { ok: false; problem: 'empty' | 'too_large' | 'type' };

/** A file's real type by its content; anything but PDF, JPEG or PNG is refused whatever it is called. */
async function inspectFile(file: IncomingFile): Promise<FileVerdict> {
  if (file.data.length === 0) return { ok: false, problem: 'empty' };
  if (file.data.length > SUPPORT_LIMITS.maxAttachmentBytes) return { ok: false, problem: 'too_large' };
  const type = await fileTypeFromBuffer(file.data);
  if (!type || !(SUPPORT_LIMITS.attachmentMimeTypes as readonly string[]).includes(type.mime)) return { ok: false, problem: 'type' };
  return { ok: true, mime: type.mime, ext: type.ext };
}

type CheckedFile = IncomingFile & { mime: string; ext: string };

/** The form's files: all of them are kept, or the request is refused naming what is wrong. */
async function checkAttachments(files: IncomingFile[]): Promise<CheckedFile[]> {
  if (files.length > SUPPORT_LIMITS.maxAttachments) {
    throw badRequest('too_many_files', `Приложите не больше ${SUPPORT_LIMITS.maxAttachments} файлов`, { files: 'Слишком много файлов' });
  }
  const checked = [];
  for (const file of files) {
    const verdict = await inspectFile(file);
    if (!verdict.ok && verdict.problem === 'empty') throw badRequest('empty_file', 'Один из файлов пустой. Выберите его ещё раз', { files: 'Пустой файл' });
    if (!verdict.ok && verdict.problem === 'too_large') throw attachmentTooLarge();
    if (!verdict.ok) {
      throw new AppError(
        'unsupported_file_type',
        415,
        'Прикладывайте файлы PDF, JPEG или PNG. Формат определяется по содержимому файла, а не по его названию',
        { files: 'Недопустимый формат файла' },
      );
    }
    checked.push({ ...file, mime: verdict.mime, ext: verdict.ext });
  }
  return checked;
}

const DROP_REASONS = {
  empty: 'файл пустой',
  too_large: `больше ${SUPPORT_LIMITS.maxAttachmentBytes / 1024 / 1024} МБ`,
  type: 'не PDF, JPEG или PNG по содержимому',
  count: `сверх ${SUPPORT_LIMITS.maxAttachments} файлов на обращение`,
} as const;

/**
 * A letter's files: a letter cannot be refused for one bad attachment the way the form is, so the
 * files the form would take are kept (up to the room left in the request) and the rest are named,
 * with why, in a note for the operator.
 */
async function sortLetterFiles(files: IncomingFile[], room: number): Promise<{ kept: CheckedFile[]; droppedNote: string | null }> {
  const kept: CheckedFile[] = [];
  const dropped: string[] = [];
  for (const file of files) {
    const verdict = await inspectFile(file);
    const problem = !verdict.ok ? verdict.problem : kept.length >= room ? 'count' : null;
    const name = file.fileName?.trim() || 'без названия';
    if (problem) dropped.push(`«${name}» — ${DROP_REASONS[problem]}`);
    else if (verdict.ok) kept.push({ ...file, mime: verdict.mime, ext: verdict.ext });
  }
  return { kept, droppedNote: dropped.length ? `Вложения письма не сохранены:\n${dropped.join('\n')}` : null };
}

/** Seals the files into the file store before the transaction that records them; removeFiles() undoes it if that fails. */
async function sealFiles(ctx: AppContext, files: CheckedFile[]): Promise<string[]> {
  const saved: string[] = [];
  try {
    for (const file of files) {
      const fileId = crypto.randomUUID();
      await ctx.files.put(FILE_KINDS.support, fileId, ctx.pd.files.encrypt(file.data, fileId));
      saved.push(fileId);
    }
  } catch (err) {
    await removeFiles(ctx, saved);
    throw err;
  }
  return saved;
}

async function removeFiles(ctx: AppContext, fileIds: string[]): Promise<void> {
  for (const fileId of fileIds) await ctx.files.delete(FILE_KINDS.support, fileId);
}

async function recordFiles(tx: Executor, requestId: string, files: CheckedFile[], fileIds: string[]): Promise<void> {
  for (const [i, file] of files.entries()) {
    await repo.insertAttachment(tx, {
      id: fileIds[i]!,
      requestId,
      fileName: sanitiseFileName(file.fileName, file.ext, 'файл'),
      mimeType: file.mime,
      sizeBytes: file.data.length,
      sha256: crypto.createHash('sha256').update(file.data).digest('hex'),
    });
  }
}

export const attachmentTooLarge = () =>
  new AppError('file_too_large', 413, `Файл больше ${SUPPORT_LIMITS.maxAttachmentBytes / 1024 / 1024} МБ. Сожмите его или приложите другой`, { files: 'Слишком большой файл' });

const conversationSchema = z
  .array(z.strictObject({ author: z.enum(['person', 'bot']), text: z.string().max(4000) }))
  .max(60);

/** The chat-bot conversation as the bot left it, written out as plain text for the operator. */
function conversationTranscript(raw: string | undefined): string | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badRequest('invalid_conversation', 'Переписка с чат-ботом повреждена. Отправьте обращение без неё', { conversation: 'Повреждена' });
  }
  const result = conversationSchema.safeParse(parsed);
  if (!result.success) throw badRequest('invalid_conversation', 'Переписка с чат-ботом повреждена. Отправьте обращение без неё', { conversation: 'Повреждена' });
  if (result.data.length === 0) return null;
  return ['Переписка с чат-ботом:', ...result.data.map((m) => `${m.author === 'person' ? 'Вопрос' : 'Чат-бот'}: ${m.text}`)].join('\n');
}

/** Ties are only to the requester's own: its linked children, its events, its organisation. */
async function checkTies(ex: Executor, principal: Principal | null, f: Pick<SupportRequestFields, 'childId' | 'eventId' | 'organisationId'>): Promise<void> {
  if (!principal && (f.childId || f.eventId || f.organisationId)) {
    throw badRequest('tie_needs_sign_in', 'Чтобы связать обращение с ребёнком, мероприятием или организацией, войдите в кабинет');
  }
  if (!principal) return;
  if (f.childId && !(principal.role === 'parent' && (await repo.isLinkedChild(ex, principal.accountId, f.childId)))) {
    throw badRequest('tie_not_own', 'Этот ребёнок не связан с вашим кабинетом', { childId: 'Выберите своего ребёнка' });
  }
  if (f.eventId && !(await repo.isOwnEvent(ex, { accountId: principal.accountId, venueId: principal.venueId }, f.eventId))) {
    throw badRequest('tie_not_own', 'Это мероприятие не связано с вами', { eventId: 'Выберите своё мероприятие' });
  }
  if (f.organisationId && f.organisationId !== principal.schoolId && f.organisationId !== principal.venueId) {
    throw badRequest('tie_not_own', 'Это не ваша организация', { organisationId: 'Выберите свою организацию' });
  }
}

interface NewRequestInput {
  channel: 'form' | 'email';
  regionId: number | null;
  lastName: string;
  firstName: string;
  email: string;
  topic: SupportTopic;
  text: string;
  childId?: string | undefined;
  eventId?: string | undefined;
  organisationId?: string | undefined;
  transcript?: string | null;
  emailMessageId?: string | null;
  /** A letter's files that were not kept, named for the operator. */
  droppedNote?: string | null;
}

/**
 * Registers a request: ties and limits checked, files checked by content, the intake rules applied
 * and their decision kept; the row, its files, its first messages and the receipt e-mail are written
 * in one transaction (files removed again if it fails).
 */
async function registerRequest(ctx: AppContext, requester: Requester, input: NewRequestInput, files: IncomingFile[]): Promise<{ id: string; status: SupportStatus }> {
  const principal = requester.principal;
  const accountId = principal?.accountId ?? null;
  const sourceKey = hashToken(`support-source:${requester.source}`);
  await checkTies(ctx.db, principal, input);
  const checked = await checkAttachments(files);
  const id = crypto.randomUUID();
  const saved = await sealFiles(ctx, checked);
  try {
    return await inTransaction(ctx.db, async (tx, afterCommit) => {
      // The limit is counted inside the transaction that writes, under a lock per requester, so parallel sends cannot all slip under it.
      await repo.lockRequester(tx, accountId ?? sourceKey);
      await checkFloodLimits(ctx, tx, accountId, sourceKey);
      const resolved = await repo.listResolvedOfRequester(tx, { accountId, email: input.email });
      const decision = applyIntakeRules({ topic: SUPPORT_TOPIC_LABELS[input.topic], text: input.text, resolvedByRequester: resolved });
      const now = new Date();
      const noAnswer = decision.outcome === 'no_answer';
      await repo.insertRequest(tx, {
        id,
        channel: input.channel,
        requesterAccountId: accountId,
        regionId: input.regionId,
        lastName: input.lastName,
        firstName: input.firstName,
        email: input.email,
        topic: input.topic,
        text: input.text,
        childId: input.childId ?? null,
        eventId: input.eventId ?? null,
        organisationId: input.organisationId ?? null,
        status: noAnswer ? 'no_answer' : 'new',
        intakeOutcome: decision.outcome,
        intakeRule: decision.rule,
        intakeEvidence: decision.evidence.slice(0, 1000),
        repeatOf: decision.repeatOf ?? null,
        accessTokenHash: hashToken(derivedToken(ctx, 'link', id)),
        replyTokenHash: hashReplyToken(derivedToken(ctx, 'reply', id)),
        sourceKey,
        createdAt: now,
        dueAt: addWorkingHours(now, SUPPORT_FIRST_ANSWER_SLA.workingHours),
        closedAt: noAnswer ? now : null,
      });
      if (input.emailMessageId) await repo.insertMessage(tx, { requestId: id, kind: 'requester', authorAccountId: null, text: '(письмо)', emailMessageId: input.emailMessageId });
      if (input.transcript) await repo.insertMessage(tx, { requestId: id, kind: 'requester', authorAccountId: accountId, text: input.transcript });
      if (input.droppedNote) await repo.insertMessage(tx, { requestId: id, kind: 'note', authorAccountId: null, text: input.droppedNote });
      await recordFiles(tx, id, checked, saved);
      await ctx.mail.queue(tx, afterCommit, input.email, supportMail.received({ number: requestNumber(id), url: requestLink(ctx, id), replyAddress: replyAddress(ctx, id) }), {
        replyTo: replyAddress(ctx, id),
        ...(input.emailMessageId ? { inReplyTo: input.emailMessageId, references: [input.emailMessageId] } : {}),
      });
      const status = noAnswer ? ('no_answer' as const) : ('new' as const);
      announceSupportRequest(ctx, afterCommit, { channel: input.channel, outcome: status });
      return { id, status };
    });
  } catch (err) {
    await removeFiles(ctx, saved);
    throw err;
  }
}

/** A request as it stands some time after it came in, with what happened to it since: for the demo seed. */
export interface PastRequest {
  channel: 'form' | 'email';
  requesterAccountId: string | null;
  regionId: number | null;
  lastName: string;
  firstName: string;
  email: string;
  topic: SupportTopic;
  text: string;
  childId?: string;
  createdAt: Date;
  /** Where the desk took it; a request the intake rules close stays «no answer» whatever is asked here. */
  status: Exclude<SupportStatus, 'no_answer' | 'escalated'>;
  assigneeId?: string;
  messages?: Array<{ kind: 'requester' | 'answer' | 'note'; authorAccountId: string | null; text: string; at: Date }>;
}

/**
 * Stores a request in the caller's transaction as the desk would have left it: the intake rules
 * decide it as they would have, and its link and reply address work like any other's.
 */
export async function storePastRequest(ctx: AppContext, tx: Executor, r: PastRequest): Promise<string> {
  const id = crypto.randomUUID();
  const resolved = await repo.listResolvedOfRequester(tx, { accountId: r.requesterAccountId, email: r.email });
  const decision = applyIntakeRules({ topic: SUPPORT_TOPIC_LABELS[r.topic], text: r.text, resolvedByRequester: resolved });
  const noAnswer = decision.outcome === 'no_answer';
  const messages = noAnswer ? [] : (r.messages ?? []);
  const firstAnswer = messages.find((m) => m.kind === 'answer');
  const last = messages.at(-1)?.at ?? r.createdAt;
  await repo.insertRequest(tx, {
    id,
    channel: r.channel,
    requesterAccountId: r.requesterAccountId,
    regionId: r.regionId,
    lastName: r.lastName,
    firstName: r.firstName,
    email: r.email,
    topic: r.topic,
    text: r.text,
    childId: r.childId ?? null,
    status: noAnswer ? 'no_answer' : r.status,
    intakeOutcome: decision.outcome,
    intakeRule: decision.rule,
    intakeEvidence: decision.evidence.slice(0, 1000),
    repeatOf: decision.repeatOf ?? null,
    assigneeId: noAnswer ? null : (r.assigneeId ?? null),
    accessTokenHash: hashToken(derivedToken(ctx, 'link', id)),
    replyTokenHash: hashReplyToken(derivedToken(ctx, 'reply', id)),
    createdAt: r.createdAt,
    updatedAt: last,
    dueAt: addWorkingHours(r.createdAt, SUPPORT_FIRST_ANSWER_SLA.workingHours),
    firstAnsweredAt: firstAnswer?.at ?? null,
    closedAt: noAnswer ? r.createdAt : r.status === 'closed' ? last : null,
  });
  for (const m of messages) {
    await repo.insertMessage(tx, {
      requestId: id,
      kind: m.kind,
      authorAccountId: m.authorAccountId,
      text: m.text,
      createdAt: m.at,
      ...(m.kind === 'answer' ? { emailMessageId: newMessageId(ctx) } : {}),
    });
  }
  return id;
}

export async function storeAnswerTemplate(tx: Executor, template: { title: string; body: string; updatedBy: string }): Promise<void> {
  await repo.insertTemplate(tx, template);
}

/** A request from the form (signed in or not). */
export async function submitRequest(ctx: AppContext, requester: Requester, fields: SupportRequestFields, files: IncomingFile[]) {
  const created = await registerRequest(
    ctx,
    requester,
    {
      channel: 'form',
      regionId: fields.regionId,
      lastName: fields.lastName,
      firstName: fields.firstName,
      email: fields.email,
      topic: fields.topic,
      text: fields.text,
      childId: fields.childId,
      eventId: fields.eventId,
      organisationId: fields.organisationId,
      transcript: conversationTranscript(fields.conversation),
    },
    files,
  );
  return { ...created, number: requestNumber(created.id) };
}

/** A new letter to the programme's address becomes a request with its region unknown. */
export async function registerLetter(
  ctx: AppContext,
  letter: { fromAddress: string; fromName: string; subject: string; text: string; messageId: string | null; files: IncomingFile[] },
) {
  const { kept, droppedNote } = await sortLetterFiles(letter.files, SUPPORT_LIMITS.maxAttachments);
  const [first, ...rest] = letter.fromName.trim().split(/\s+/).filter(Boolean);
  const name = first ? { firstName: rest.length ? first : first, lastName: rest.join(' ') || '—' } : { firstName: letter.fromAddress.split('@')[0]!, lastName: '—' };
  const text = [letter.subject.trim(), letter.text.trim()].filter(Boolean).join('\n\n').slice(0, SUPPORT_LIMITS.textMax);
  return registerRequest(
    ctx,
    { principal: null, source: `mail:${letter.fromAddress.toLowerCase()}` },
    { channel: 'email', regionId: null, ...name, email: letter.fromAddress.toLowerCase(), topic: 'other', text: text || '(пустое письмо)', emailMessageId: letter.messageId, droppedNote },
    kept,
  );
}

/** The requester writes again (cabinet, link or letter): the request goes back into work. */
async function addRequesterMessage(
  ctx: AppContext,
  row: repo.SupportRequestRow,
  text: string,
  accountId: string | null,
  letter: { emailMessageId: string | null; files: IncomingFile[] } | null = null,
) {
  if (row.status === 'no_answer') throw conflict('no_answer', 'Это обращение оставлено без ответа. Если у вас новый вопрос, отправьте новое обращение');
  if (row.mergedInto) throw conflict('merged', 'Это обращение объединено с другим. Пишите в него');
  const room = letter?.files.length ? SUPPORT_LIMITS.maxAttachments - (await repo.listAttachments(ctx.db, row.id)).length : 0;
  const { kept, droppedNote } = letter ? await sortLetterFiles(letter.files, Math.max(room, 0)) : { kept: [], droppedNote: null };
  const saved = await sealFiles(ctx, kept);
  try {
    await inTransaction(ctx.db, async (tx) => {
      await repo.insertMessage(tx, { requestId: row.id, kind: 'requester', authorAccountId: accountId, text, emailMessageId: letter?.emailMessageId ?? null });
      if (droppedNote) await repo.insertMessage(tx, { requestId: row.id, kind: 'note', authorAccountId: null, text: droppedNote });
      await recordFiles(tx, row.id, kept, saved);
      const next = statusAfterRequesterMessage(row.status as SupportStatus);
      if (next !== row.status) await repo.setRequestStatus(tx, row.id, next, null);
    });
  } catch (err) {
    await removeFiles(ctx, saved);
    throw err;
  }
}

/** A letter threaded to a known request by its reply address or by the letters it answers. */
export async function threadLetter(ctx: AppContext, row: repo.SupportRequestRow, letter: { text: string; messageId: string | null; files: IncomingFile[] }) {
  if (letter.messageId && (await repo.emailMessageKnown(ctx.db, letter.messageId))) return;
  const text = letter.text.slice(0, SUPPORT_LIMITS.textMax) || (letter.files.length ? '(письмо с вложениями)' : '(пустое письмо)');
  // A letter without a Message-ID still threads; it just cannot be recognised if delivered twice.
  await addRequesterMessage(ctx, row, text, null, { emailMessageId: letter.messageId ?? null, files: letter.files });
}

function requesterView(row: repo.SupportRequestRow, messages: SupportMessageView[], attachments: Array<{ id: string; fileName: string; sizeBytes: number }>): SupportRequestView {
  const status = row.status as SupportStatus;
  return {
    id: row.id,
    number: requestNumber(row.id),
    topic: row.topic as SupportTopic,
    topicLabel: SUPPORT_TOPIC_LABELS[row.topic as SupportTopic],
    status,
    statusLabel: SUPPORT_STATUS_LABELS[status],
    noAnswerReason: status === 'no_answer' && row.intakeRule ? INTAKE_RULE_LABELS[row.intakeRule as IntakeRule] : null,
    text: row.text,
    createdAt: row.createdAt.toISOString(),
    messages,
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, sizeBytes: a.sizeBytes })),
  };
}

async function loadRequesterView(ctx: AppContext, row: repo.SupportRequestRow): Promise<SupportRequestView> {
  return requesterView(row, await repo.listMessages(ctx.db, row.id, false), await repo.listAttachments(ctx.db, row.id));
}

/** «Мои обращения»: the signed-in requester's own requests with their conversations. */
export async function listMyRequests(ctx: AppContext, principal: Principal): Promise<SupportRequestView[]> {
  const rows = await repo.listRequestsOfAccount(ctx.db, principal.accountId);
  return Promise.all(rows.map((r) => loadRequesterView(ctx, r)));
}

async function ownRequest(ctx: AppContext, principal: Principal, id: string) {
  const row = await repo.findRequest(ctx.db, id);
  if (!row || row.requesterAccountId !== principal.accountId) throw requestNotFound();
  return row;
}

export async function replyAsAccount(ctx: AppContext, principal: Principal, id: string, text: string) {
  const row = await ownRequest(ctx, principal, id);
  await addRequesterMessage(ctx, row, text, principal.accountId);
  return loadRequesterView(ctx, (await repo.findRequest(ctx.db, id))!);
}

async function byLink(ctx: AppContext, token: string) {
  const row = await repo.findRequestByAccessHash(ctx.db, hashToken(token));
  if (!row) throw notFound('Ссылка на обращение не действует. Проверьте, что скопировали её из письма целиком');
  return row;
}

export async function readByLink(ctx: AppContext, token: string) {
  return loadRequesterView(ctx, await byLink(ctx, token));
}

export async function replyByLink(ctx: AppContext, token: string, text: string) {
  const row = await byLink(ctx, token);
  await addRequesterMessage(ctx, row, text, null);
  return loadRequesterView(ctx, (await repo.findRequest(ctx.db, row.id))!);
}

/** What the form fills in for a signed-in requester, and what it may tie a request to. */
export async function requesterPrefill(ctx: AppContext, principal: Principal) {
  const facts = await repo.findAccountFacts(ctx.db, principal.accountId);
  const ties = await repo.findRequesterTies(ctx.db, { accountId: principal.accountId, schoolId: principal.schoolId, venueId: principal.venueId });
  return {
    lastName: facts?.lastName ?? '',
    firstName: facts?.firstName ?? '',
    email: facts?.email ?? '',
    regionId: facts?.regionId ?? principal.regionId ?? null,
    ...ties,
  };
}

/** A file of a request, for the requester or a desk reader who may see it. */
export async function openAttachment(ctx: AppContext, row: repo.SupportRequestRow, attachmentId: string) {
  const file = await repo.findAttachment(ctx.db, row.id, attachmentId);
  if (!file) throw notFound('Файл не найден');
  const sealed = await ctx.files.get(FILE_KINDS.support, file.id);
  if (!sealed) throw notFound('Файл не найден');
  return { fileName: file.fileName, mimeType: file.mimeType, data: ctx.pd.files.decrypt(sealed, file.id) };
}

export async function attachmentForRequester(ctx: AppContext, principal: Principal | null, ref: { id?: string; token?: string }, attachmentId: string) {
  const row = ref.token ? await byLink(ctx, ref.token) : await ownRequest(ctx, principal!, ref.id!);
  return openAttachment(ctx, row, attachmentId);
}

// ——— the operator's desk ———

function deskOnly(principal: Principal) {
  const scope = deskScope(principal);
  if (!scope) throw forbidden('Обращения видит только служба поддержки');
  return scope;
}

function encodeCursor(createdAt: Date, id: string) {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { createdAt: string; id: string } | null {
  if (!cursor) return null;
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id)) throw badRequest('invalid_cursor', 'Неверная страница списка');
  return { createdAt, id };
}

/** The fields a request shows in the queue, from its row and the names joined to it. */
function queueItemOf(
  row: Pick<repo.SupportRequestRow, 'id' | 'topic' | 'status' | 'regionId' | 'lastName' | 'firstName' | 'channel' | 'intakeRule' | 'assigneeId'> & {
    createdAt: Date | string;
    dueAt: Date | string;
    firstAnsweredAt: Date | string | null;
  },
  names: { regionName: string | null; assigneeName: string | null },
): SupportQueueItem {
  return {
    id: row.id,
    number: requestNumber(row.id),
    topic: row.topic as SupportTopic,
    status: row.status as SupportStatus,
    regionId: row.regionId,
    regionName: names.regionName,
    requesterName: `${row.lastName} ${row.firstName}`,
    channel: row.channel as 'form' | 'email',
    intakeRule: row.intakeRule,
    assigneeId: row.assigneeId,
    assigneeName: names.assigneeName,
    createdAt: new Date(row.createdAt).toISOString(),
    dueAt: new Date(row.dueAt).toISOString(),
    firstAnsweredAt: row.firstAnsweredAt ? new Date(row.firstAnsweredAt).toISOString() : null,
  };
}

/** One page of the queue within the reader's scope, newest first, with a cursor to the next. */
export async function listQueue(ctx: AppContext, principal: Principal, query: SupportQueueQuery): Promise<{ items: SupportQueueItem[]; nextCursor: string | null }> {
  const scope = deskOnly(principal);
  const rows = await repo.listQueue(ctx.db, scope, query, principal.accountId, decodeCursor(query.cursor));
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => queueItemOf(r, r)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(new Date(last.createdAt), last.id) : null,
  };
}

async function readableRow(ctx: AppContext, principal: Principal, id: string, ex: Executor = ctx.db, lock = false) {
  const row = await repo.findRequest(ex, id, lock);
  if (!row || !mayReadRequest(principal, { regionId: row.regionId, status: row.status as SupportStatus })) throw requestNotFound();
  return row;
}

/** A request as the desk sees it, with notes and the intake decision; each opening is audited. */
export async function openDeskRequest(ctx: AppContext, principal: Principal, id: string, actor: AuditActor): Promise<SupportDeskView> {
  deskOnly(principal);
  const row = await readableRow(ctx, principal, id);
  await recordAudit(ctx.db, actor, 'support.request_viewed', id);
  return deskView(ctx, principal, row);
}

async function deskView(ctx: AppContext, principal: Principal, row: repo.SupportRequestRow): Promise<SupportDeskView> {
  const [extras, messages, attachments] = await Promise.all([
    repo.findRequestExtras(ctx.db, row),
    repo.listMessages(ctx.db, row.id, true),
    repo.listAttachments(ctx.db, row.id),
  ]);
  const status = row.status as SupportStatus;
  return {
    ...queueItemOf(row, extras),
    email: row.email,
    text: row.text,
    intakeOutcome: row.intakeOutcome as 'accepted' | 'no_answer',
    intakeRuleLabel: row.intakeRule ? INTAKE_RULE_LABELS[row.intakeRule as IntakeRule] : null,
    intakeEvidence: row.intakeEvidence,
    intakeOverridden: row.intakeOverriddenAt !== null,
    repeatOf: row.repeatOf,
    mergedInto: row.mergedInto,
    childName: extras.childName,
    eventTitle: extras.eventTitle,
    organisationName: extras.organisationName,
    messages,
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, sizeBytes: a.sizeBytes })),
    may: { answer: mayAnswerRequest(principal, { regionId: row.regionId, status }), manage: mayManageRequests(principal) },
  };
}

export async function deskAttachment(ctx: AppContext, principal: Principal, id: string, attachmentId: string) {
  deskOnly(principal);
  return openAttachment(ctx, await readableRow(ctx, principal, id), attachmentId);
}

function manageOnly(principal: Principal) {
  if (!mayManageRequests(principal)) throw forbidden('Это делают операторы поддержки');
}

/** An answer to the requester: kept, the status moved, the first-answer time set once, and e-mailed. */
export async function answerRequest(ctx: AppContext, principal: Principal, id: string, body: { text: string; status: 'answered' | 'waiting_requester' }, actor: AuditActor) {
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const row = await readableRow(ctx, principal, id, tx, true);
    if (!mayAnswerRequest(principal, { regionId: row.regionId, status: row.status as SupportStatus })) {
      throw row.status === 'no_answer'
        ? conflict('no_answer', 'Обращение оставлено без ответа по правилу. Чтобы ответить, сначала отмените решение')
        : forbidden('Вы не можете ответить на это обращение');
    }
    const messageId = newMessageId(ctx);
    const headers = await answerHeaders(ctx, tx, id, messageId);
    await repo.insertMessage(tx, { requestId: id, kind: 'answer', authorAccountId: principal.accountId, text: body.text, emailMessageId: messageId });
    await repo.updateRequest(tx, id, { status: body.status, firstAnsweredAt: row.firstAnsweredAt ?? new Date(), closedAt: null });
    await recordAudit(tx, actor, 'support.answered', id, { status: body.status });
    await ctx.mail.queue(
      tx,
      afterCommit,
      row.email,
      supportMail.answered({ number: requestNumber(id), answer: body.text, url: requestLink(ctx, id), replyAddress: replyAddress(ctx, id) }),
      headers,
    );
  });
  return openDeskAfterChange(ctx, principal, id);
}

async function openDeskAfterChange(ctx: AppContext, principal: Principal, id: string) {
  return deskView(ctx, principal, (await repo.findRequest(ctx.db, id))!);
}

export async function addNote(ctx: AppContext, principal: Principal, id: string, text: string) {
  deskOnly(principal);
  const row = await readableRow(ctx, principal, id);
  if (!mayManageRequests(principal) && !mayAnswerRequest(principal, { regionId: row.regionId, status: row.status as SupportStatus })) {
    throw forbidden('Заметки пишут операторы поддержки');
  }
  await repo.insertMessage(ctx.db, { requestId: id, kind: 'note', authorAccountId: principal.accountId, text });
  return openDeskAfterChange(ctx, principal, id);
}

export async function changeStatus(ctx: AppContext, principal: Principal, id: string, status: SupportSettableStatus, actor: AuditActor) {
  manageOnly(principal);
  await inTransaction(ctx.db, async (tx) => {
    const row = await readableRow(ctx, principal, id, tx, true);
    if (!mayChangeStatus(row.status as SupportStatus, status)) {
      throw conflict('status_transition', `Из статуса «${SUPPORT_STATUS_LABELS[row.status as SupportStatus]}» нельзя перейти в «${SUPPORT_STATUS_LABELS[status]}»`);
    }
    if (status === 'escalated' && row.regionId === null) throw conflict('region_unknown', 'Регион заявителя не известен: передать обращение в регион нельзя');
    await repo.setRequestStatus(tx, id, status, status === 'closed' ? new Date() : null);
    await recordAudit(tx, actor, 'support.status_changed', id, { from: row.status, to: status });
  });
  return openDeskAfterChange(ctx, principal, id);
}

export async function assignRequest(ctx: AppContext, principal: Principal, id: string, assigneeId: string | null, actor: AuditActor) {
  manageOnly(principal);
  await inTransaction(ctx.db, async (tx) => {
    const row = await readableRow(ctx, principal, id, tx, true);
    if (assigneeId && !(await repo.isOperator(tx, assigneeId))) throw badRequest('not_operator', 'Назначить можно только оператора поддержки', { assigneeId: 'Выберите оператора' });
    await repo.updateRequest(tx, id, { assigneeId, status: row.status === 'new' && assigneeId ? 'in_progress' : row.status });
    await recordAudit(tx, actor, 'support.assigned', id, { assigneeId });
  });
  return openDeskAfterChange(ctx, principal, id);
}

/** Closes a duplicate into the request it repeats; the duplicate's requester is pointed to the other. */
export async function mergeRequest(ctx: AppContext, principal: Principal, id: string, intoId: string, actor: AuditActor) {
  manageOnly(principal);
  if (id === intoId) throw badRequest('merge_self', 'Обращение нельзя объединить с самим собой');
  await inTransaction(ctx.db, async (tx) => {
    const row = await readableRow(ctx, principal, id, tx, true);
    const into = await readableRow(ctx, principal, intoId, tx, true);
    if (row.mergedInto) throw conflict('already_merged', 'Обращение уже объединено с другим');
    if (into.mergedInto) throw conflict('already_merged', 'Объединяйте с основным обращением, а не с объединённым');
    await repo.updateRequest(tx, id, { mergedInto: intoId, status: 'closed', closedAt: new Date() });
    await repo.insertMessage(tx, { requestId: intoId, kind: 'note', authorAccountId: principal.accountId, text: `Объединено с обращением № ${requestNumber(id)}:\n${row.text}` });
    await recordAudit(tx, actor, 'support.merged', id, { into: intoId });
  });
  return openDeskAfterChange(ctx, principal, intoId);
}

/**
 * The operator changes the intake decision: accepts a request a rule closed, or leaves one without an
 * answer because answering would disclose a secret protected by law. Audited with the reason.
 */
export async function overrideIntake(ctx: AppContext, principal: Principal, id: string, body: { decision: 'accept' | 'protected_secret'; reason: string }, actor: AuditActor) {
  manageOnly(principal);
  await inTransaction(ctx.db, async (tx) => {
    const row = await readableRow(ctx, principal, id, tx, true);
    const now = new Date();
    if (body.decision === 'accept') {
      if (row.status !== 'no_answer') throw conflict('not_closed_by_rule', 'Обращение и так принято в работу');
      await repo.updateRequest(tx, id, { status: 'in_progress', intakeOutcome: 'accepted', intakeOverriddenAt: now, closedAt: null });
    } else {
      if (row.status === 'no_answer' && row.intakeRule === 'protected_secret') throw conflict('already_flagged', 'Обращение уже отмечено');
      await repo.updateRequest(tx, id, { status: 'no_answer', intakeOutcome: 'no_answer', intakeRule: 'protected_secret', intakeEvidence: body.reason, intakeOverriddenAt: now, closedAt: now });
    }
    await repo.insertMessage(tx, { requestId: id, kind: 'note', authorAccountId: principal.accountId, text: `Решение по правилам изменено (${body.decision === 'accept' ? 'принято в работу' : INTAKE_RULE_LABELS.protected_secret}): ${body.reason}` });
    await recordAudit(tx, actor, 'support.intake_overridden', id, { decision: body.decision, previousRule: row.intakeRule, previousStatus: row.status });
  });
  return openDeskAfterChange(ctx, principal, id);
}

export async function deskFigures(ctx: AppContext, principal: Principal, days: number): Promise<SupportStats> {
  const scope = deskOnly(principal);
  const figures = await repo.supportFigures(ctx.db, scope, new Date(Date.now() - days * 86_400_000));
  return {
    days,
    volume: figures.volume,
    medianFirstAnswerHours: figures.medianSeconds === null ? null : Math.round((figures.medianSeconds / 3600) * 10) / 10,
    byRule: figures.byRule.map((r) => ({
      rule: r.rule,
      label: INTAKE_RULE_LABELS[r.rule as IntakeRule] ?? r.rule,
      count: r.count,
      share: figures.volume ? r.count / figures.volume : 0,
    })),
  };
}

/** Who may be assigned, and the rules' names for the filters. */
export async function deskReference(ctx: AppContext, principal: Principal) {
  deskOnly(principal);
  return {
    operators: await repo.listOperators(ctx.db),
    rules: Object.entries(INTAKE_RULE_LABELS).map(([code, label]) => ({ code, label })),
    sla: SUPPORT_FIRST_ANSWER_SLA,
  };
}

export async function listTemplates(ctx: AppContext, principal: Principal) {
  deskOnly(principal);
  return (await repo.listTemplates(ctx.db)).map((t) => ({ ...t, updatedAt: t.updatedAt.toISOString() }));
}

export async function saveTemplate(ctx: AppContext, principal: Principal, id: string | null, body: { title: string; body: string }) {
  manageOnly(principal);
  if (id === null) return { id: await repo.insertTemplate(ctx.db, { ...body, updatedBy: principal.accountId }) };
  if (!(await repo.updateTemplate(ctx.db, id, { ...body, updatedBy: principal.accountId }))) throw notFound('Шаблон не найден');
  return { id };
}

export async function removeTemplate(ctx: AppContext, principal: Principal, id: string) {
  manageOnly(principal);
  if (!(await repo.deleteTemplate(ctx.db, id))) throw notFound('Шаблон не найден');
}
