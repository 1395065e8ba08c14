import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppWithSmtp } from './smtp-app.js';
import { FILE_KINDS } from '@server/lib/file-store/index.js';
import { linkFrom, type TestApp } from '@server/test/test-app.js';
import { confirmedParent, registerPupil, uniqueEmail } from '@server/test/factories.js';
import { createStaff, regionByCode, type Place, type StaffMember } from '@server/test/staff-factories.js';
import { MULTIPART_HEADERS, TINY_PDF, multipart } from '@server/test/multipart.js';

// The eight-byte PNG signature and an IHDR chunk are what a content check reads.
const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), crypto.randomBytes(512)]);

describe('support requests', () => {
  let t: TestApp;
  let smtpPort: number;
  let kirov: Place;
  let tatarstan: Place;
  let operator: StaffMember;
  let admin: StaffMember;
  let kirovCoordinator: StaffMember;
  let otherCoordinator: StaffMember;

  const form = (overrides: Record<string, unknown> = {}) => ({
    regionId: kirov.regionId,
    lastName: 'Иванова',
    firstName: 'Мария',
    email: uniqueEmail('mama'),
    topic: 'registration',
    text: 'Ребёнок не может войти в кабинет после регистрации, пишет что пароль неверный. Что делать?',
    ...overrides,
  });

  const send = (body: Record<string, unknown>, cookie?: string) => t.api('POST', '/api/support/requests', { body, ...(cookie ? { cookie } : {}) });

  beforeAll(async () => {
    ({ t, smtpPort } = await startAppWithSmtp({ SUPPORT_ADDRESS: 'bilet@bilet.test', SUPPORT_REQUESTS_PER_HOUR: '3', SUPPORT_REQUESTS_PER_HOUR_PER_ADDRESS: '1000' }));
    kirov = await regionByCode(t, '43');
    tatarstan = await regionByCode(t, '16');
    operator = await createStaff(t, 'support_operator');
    admin = await createStaff(t, 'issuer_admin');
    kirovCoordinator = await createStaff(t, 'regional_coordinator', { regionId: kirov.regionId });
    otherCoordinator = await createStaff(t, 'regional_coordinator', { regionId: tatarstan.regionId });
  });
  afterAll(() => t?.close());

  it('refuses a request without the required fields, naming them, and stores nothing', async () => {
    const before = await t.rows<{ n: number }>(sql`select count(*)::int as n from support_requests`);
    const res = await send({ topic: 'registration', text: 'Вопрос' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(expect.arrayContaining(['regionId', 'lastName', 'firstName', 'email']));
    const huge = await send(form({ text: 'Вопрос? '.repeat(1000) }));
    expect(huge.status).toBe(400);
    expect(huge.body.error.fields.text).toMatch(/не длиннее 5000/);
    const brokenConversation = await send(form({ conversation: '{"author":' }));
    expect(brokenConversation.status).toBe(400);
    const after = await t.rows<{ n: number }>(sql`select count(*)::int as n from support_requests`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('takes a signed-out request, mails a secret link, and keeps markup as plain text', async () => {
    const body = form({ text: 'Не приходит письмо активации <script>alert(1)</script>. Как получить его ещё раз?' });
    const res = await send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe('new');
    const mail = await t.waitForMail(body.email as string, /получено/);
    const link = linkFrom(mail.text, '/support/r/');
    const token = link.pathname.split('/').pop()!;
    const [row] = await t.rows<{ access_token_hash: string }>(sql`select access_token_hash from support_requests where id = ${res.body.id}`);
    expect(row!.access_token_hash).not.toContain(token);
    const view = await t.api('GET', `/api/support/by-link/${token}`);
    expect(view.status).toBe(200);
    expect(view.body.text).toContain('<script>alert(1)</script>');
    expect(view.body.statusLabel).toBe('Новое');
    expect((await t.api('GET', `/api/support/by-link/${'x'.repeat(43)}`)).status).toBe(404);
  });

  it('refuses a tie to someone else’s child, and to anything when signed out', async () => {
    const parent = await confirmedParent(t);
    const pupil = await registerPupil(t);
    const res = await send(form({ childId: pupil.accountId }), parent.cookie);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.childId).toBeTruthy();
    expect((await send(form({ childId: pupil.accountId }))).status).toBe(400);
    // Once linked, the same child may be named.
    const [me] = await t.rows<{ id: string }>(sql`select id from accounts where email = ${parent.citizen.email} and role = 'parent'`);
    await t.rows(sql`insert into family_links (parent_id, child_id) values (${me!.id}, ${pupil.accountId})`);
    const prefill = await t.api('GET', '/api/support/prefill', { cookie: parent.cookie });
    expect(prefill.body.children.map((c: { id: string }) => c.id)).toEqual([pupil.accountId]);
    const ok = await send(form({ childId: pupil.accountId }), parent.cookie);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const mine = await t.api('GET', '/api/support/my', { cookie: parent.cookie });
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([ok.body.id]);
  });

  it('checks attachments by their content, and keeps a real PDF', async () => {
    const fields = form();
    const parts = (file: Buffer, filename: string) =>
      multipart([...Object.entries(fields).map(([name, value]) => ({ name, value: String(value) })), { name: 'files', filename, content: file }]);
    const storedBefore = await t.storedFiles(FILE_KINDS.support);
    const refused = await t.api('POST', '/api/support/requests', { body: parts(EXE, 'скан.pdf'), headers: MULTIPART_HEADERS });
    expect(refused.status).toBe(415);
    expect(refused.body.error.message).toMatch(/по содержимому/);
    expect(await t.storedFiles(FILE_KINDS.support)).toEqual(storedBefore);
    const [none] = await t.rows<{ n: number }>(sql`select count(*)::int as n from support_requests where email = ${fields.email}`);
    expect(none!.n).toBe(0);
    const kept = await t.api('POST', '/api/support/requests', { body: parts(TINY_PDF, 'скан.pdf'), headers: MULTIPART_HEADERS });
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    const [file] = await t.rows<{ id: string; mime_type: string }>(sql`select id, mime_type from support_attachments where request_id = ${kept.body.id}`);
    expect(file!.mime_type).toBe('application/pdf');
    // Sealed before it reached the store (a folder or a bucket): only ciphertext lies there.
    const stored = (await t.app.ctx.files.get(FILE_KINDS.support, file!.id))!;
    expect(stored.subarray(0, 4).toString('ascii')).toBe('BLF1');
    expect(stored.includes(TINY_PDF.subarray(0, 8))).toBe(false);
    const download = await t.app.inject({ method: 'GET', url: `/api/support/desk/requests/${kept.body.id}/attachments/${file!.id}`, headers: { cookie: operator.cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(TINY_PDF)).toBe(true);
    const four = multipart([
      ...Object.entries(form()).map(([name, value]) => ({ name, value: String(value) })),
      ...[1, 2, 3, 4].map((i) => ({ name: 'files', filename: `скан${i}.pdf`, content: TINY_PDF })),
    ]);
    const tooMany = await t.api('POST', '/api/support/requests', { body: four, headers: MULTIPART_HEADERS });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/не больше 3 файлов/);
  });

  it('limits requests per account with a Russian 429', async () => {
    const pupil = await registerPupil(t);
    for (let i = 0; i < 3; i++) expect((await send(form({ text: `Вопрос номер ${i}: как записаться на пробу по сварке?` }), pupil.cookie)).status).toBe(201);
    const flood = await send(form(), pupil.cookie);
    expect(flood.status).toBe(429);
    expect(flood.body.error.message).toMatch(/слишком много обращений/);
  });

  it('records each intake decision, and a request closed by a rule gets no answer', async () => {
    const english = await send(form({ text: 'Hello, my child cannot log in to the platform. How can we fix the password problem?' }));
    const blank = await send(form({ topic: 'other', text: 'Здравствуйте!' }));
    const obscene = await send(form({ text: 'Что за хуйня с регистрацией, почему ребёнка не видно в кабинете?' }));
    const threat = await send(form({ text: 'Если не вернёте доступ к кабинету, я вас убью. Когда почините?' }));
    for (const [res, rule] of [
      [english, 'foreign_language'],
      [blank, 'no_question'],
      [obscene, 'obscene'],
      [threat, 'threat'],
    ] as const) {
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('no_answer');
      const view = await t.api('GET', `/api/support/desk/requests/${res.body.id}`, { cookie: operator.cookie });
      expect(view.body.intakeRule).toBe(rule);
      expect(view.body.intakeEvidence).not.toBe('');
      expect(view.body.may.answer).toBe(false);
    }
    const answer = await t.api('POST', `/api/support/desk/requests/${english.body.id}/answers`, { cookie: operator.cookie, body: { text: 'Ответ' } });
    expect(answer.status).toBe(409);
  });

  it('lets a requester repeat a resolved question only to be left without an answer', async () => {
    const pupil = await registerPupil(t);
    const text = 'Как привязать кабинет родителя к моему кабинету, если письмо-приглашение не пришло?';
    const first = await send(form({ text, topic: 'linking' }), pupil.cookie);
    await t.api('POST', `/api/support/desk/requests/${first.body.id}/answers`, { cookie: operator.cookie, body: { text: 'Отправьте приглашение ещё раз из кабинета.' } });
    const repeat = await send(form({ text, topic: 'linking' }), pupil.cookie);
    expect(repeat.body.status).toBe('no_answer');
    const mine = await t.api('GET', '/api/support/my', { cookie: pupil.cookie });
    const seen = mine.body.items.find((r: { id: string }) => r.id === repeat.body.id);
    expect(seen.statusLabel).toBe('Оставлено без ответа');
    expect(seen.noAnswerReason).toMatch(/уже решён/);
  });

  it('runs the operator flow: assign, note, answer by e-mail, override, merge, figures', async () => {
    const body = form();
    const created = await send(body);
    const id = created.body.id as string;
    const queue = await t.api('GET', '/api/support/desk/queue?status=new&limit=100', { cookie: operator.cookie });
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(id);

    const assigned = await t.api('POST', `/api/support/desk/requests/${id}/assignee`, { cookie: operator.cookie, body: { assigneeId: operator.accountId } });
    expect(assigned.body.status).toBe('in_progress');
    const mineOnly = await t.api('GET', '/api/support/desk/queue?assignee=me', { cookie: operator.cookie });
    expect(mineOnly.body.items.map((r: { id: string }) => r.id)).toEqual([id]);

    await t.api('POST', `/api/support/desk/requests/${id}/notes`, { cookie: operator.cookie, body: { text: 'Проверить в журнале входов' } });
    const answered = await t.api('POST', `/api/support/desk/requests/${id}/answers`, { cookie: operator.cookie, body: { text: 'Сбросьте пароль по ссылке «Забыли пароль?».' } });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.status).toBe('answered');
    expect(answered.body.firstAnsweredAt).not.toBeNull();
    const mail = await t.waitForMail(body.email as string, /Ответ на обращение/);
    expect(mail.text).toContain('Сбросьте пароль');
    const token = linkFrom(mail.text, '/support/r/').pathname.split('/').pop()!;
    const seen = await t.api('GET', `/api/support/by-link/${token}`);
    expect(seen.body.messages.map((m: { kind: string }) => m.kind)).toEqual(['answer']);

    // Templates are the operators' own.
    const template = await t.api('POST', '/api/support/desk/templates', { cookie: operator.cookie, body: { title: 'Пароль', body: 'Сбросьте пароль.' } });
    expect(template.status).toBe(201);
    expect((await t.api('POST', '/api/support/desk/templates', { cookie: admin.cookie, body: { title: 'x', body: 'y' } })).status).toBe(403);

    // The issuer's administrator reads but does not answer.
    expect((await t.api('GET', `/api/support/desk/requests/${id}`, { cookie: admin.cookie })).status).toBe(200);
    expect((await t.api('POST', `/api/support/desk/requests/${id}/answers`, { cookie: admin.cookie, body: { text: 'x' } })).status).toBe(403);

    // A rule's decision is overridden, audited; a protected secret is flagged.
    const closed = await send(form({ topic: 'other', text: 'Спасибо!' }));
    const accepted = await t.api('POST', `/api/support/desk/requests/${closed.body.id}/intake`, { cookie: operator.cookie, body: { decision: 'accept', reason: 'Это благодарность, ответим' } });
    expect(accepted.body.status).toBe('in_progress');
    expect(accepted.body.intakeOverridden).toBe(true);
    const flagged = await t.api('POST', `/api/support/desk/requests/${id}/intake`, { cookie: operator.cookie, body: { decision: 'protected_secret', reason: 'Сведения о чужом ребёнке' } });
    expect(flagged.body.status).toBe('no_answer');
    expect(flagged.body.intakeRule).toBe('protected_secret');
    const audit = await t.rows<{ action: string }>(sql`select action from audit_log where subject_id = ${id} and action = 'support.intake_overridden'`);
    expect(audit).toHaveLength(1);

    const duplicate = await send(form({ email: body.email }));
    const merged = await t.api('POST', `/api/support/desk/requests/${duplicate.body.id}/merge`, { cookie: operator.cookie, body: { intoId: closed.body.id } });
    expect(merged.status).toBe(200);
    expect(merged.body.messages.at(-1).kind).toBe('note');
    const dupSeen = await t.api('GET', `/api/support/desk/requests/${duplicate.body.id}`, { cookie: operator.cookie });
    expect(dupSeen.body.status).toBe('closed');
    expect(dupSeen.body.mergedInto).toBe(closed.body.id);

    const figures = await t.api('GET', '/api/support/desk/figures?days=30', { cookie: operator.cookie });
    expect(figures.body.volume).toBeGreaterThan(0);
    expect(figures.body.medianFirstAnswerHours).not.toBeNull();
    expect(figures.body.byRule.map((r: { rule: string }) => r.rule)).toEqual(expect.arrayContaining(['foreign_language', 'protected_secret']));

    // Notes never reach the requester.
    const requesterSide = await t.api('GET', `/api/support/by-link/${token}`);
    expect(requesterSide.body.messages.some((m: { kind: string }) => m.kind === 'note')).toBe(false);
  });

  it('pages the queue by keyset without repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const res: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await t.api('GET', `/api/support/desk/queue?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { cookie: operator.cookie });
      for (const item of res.body.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    const [all] = await t.rows<{ n: number }>(sql`select count(*)::int as n from support_requests`);
    expect(seen.size).toBe(all!.n);
  });

  it('shows a coordinator only its region, and lets it answer only what was escalated to it', async () => {
    const ours = await send(form());
    const theirs = await send(form({ regionId: tatarstan.regionId }));
    const queue = await t.api('GET', '/api/support/desk/queue?limit=100', { cookie: kirovCoordinator.cookie });
    const ids = queue.body.items.map((r: { id: string }) => r.id);
    expect(ids).toContain(ours.body.id);
    expect(ids).not.toContain(theirs.body.id);
    expect(queue.body.items.every((r: { regionId: number }) => r.regionId === kirov.regionId)).toBe(true);
    expect((await t.api('GET', `/api/support/desk/requests/${theirs.body.id}`, { cookie: kirovCoordinator.cookie })).status).toBe(404);
    const early = await t.api('POST', `/api/support/desk/requests/${ours.body.id}/answers`, { cookie: kirovCoordinator.cookie, body: { text: 'Ответ региона' } });
    expect(early.status).toBe(403);
    await t.api('POST', `/api/support/desk/requests/${ours.body.id}/status`, { cookie: operator.cookie, body: { status: 'escalated' } });
    expect((await t.api('POST', `/api/support/desk/requests/${ours.body.id}/answers`, { cookie: otherCoordinator.cookie, body: { text: 'x' } })).status).toBe(404);
    const answered = await t.api('POST', `/api/support/desk/requests/${ours.body.id}/answers`, { cookie: kirovCoordinator.cookie, body: { text: 'Ответ региона' } });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const pupil = await registerPupil(t);
    expect((await t.api('GET', '/api/support/desk/queue', { cookie: pupil.cookie })).status).toBe(403);
  });

  describe('by e-mail', () => {
    const transport = () => nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });

    it('turns a letter into a request of unknown region in the queue, and threads a reply to it', async () => {
      const from = uniqueEmail('letter');
      const info = await transport().sendMail({
        from: `Пётр Сидоров <${from}>`,
        to: 'bilet@bilet.test',
        subject: 'Не вижу результаты тестов',
        text: 'Сын прошёл три теста, но в кабинете родителя результатов нет. Где их посмотреть?',
      });
      expect(info.accepted).toEqual(['bilet@bilet.test']);
      const queue = await t.api('GET', '/api/support/desk/queue?region=none&limit=100', { cookie: operator.cookie });
      const item = queue.body.items.find((r: { requesterName: string }) => r.requesterName === 'Сидоров Пётр');
      expect(item).toBeTruthy();
      expect(item.channel).toBe('email');
      expect(item.regionId).toBeNull();

      await t.api('POST', `/api/support/desk/requests/${item.id}/answers`, { cookie: operator.cookie, body: { text: 'Откройте раздел «Результаты».' } });
      const answer = await t.waitForMail(from, /Ответ на обращение/);
      const replyTo = /bilet\+[a-z0-9]+@bilet\.test/.exec(answer.text)![0];
      await transport().sendMail({ from, to: replyTo, subject: 'Re: ответ', text: 'Спасибо, но раздела «Результаты» у меня нет. Где он?' });
      const view = await t.api('GET', `/api/support/desk/requests/${item.id}`, { cookie: operator.cookie });
      expect(view.body.status).toBe('in_progress');
      expect(view.body.messages.map((m: { kind: string }) => m.kind)).toEqual(['requester', 'answer', 'requester']);

      // A letter answering the first one (In-Reply-To) threads as well.
      await transport().sendMail({ from, to: 'bilet@bilet.test', subject: 'Ещё', text: 'Нашёл раздел, спасибо за помощь с результатами.', inReplyTo: info.messageId });
      const again = await t.api('GET', `/api/support/desk/requests/${item.id}`, { cookie: operator.cookie });
      expect(again.body.messages).toHaveLength(4);
    });

    it('sends answers with Reply-To the request’s address and a Message-ID a reply threads by', async () => {
      const from = uniqueEmail('thread');
      const letter = await transport().sendMail({
        from: `Анна Петрова <${from}>`,
        to: 'bilet@bilet.test',
        subject: 'Запись на пробу',
        text: 'Дочь не может записаться на профессиональную пробу: кнопка неактивна. Почему так?',
      });
      await t.waitForMail(from, /получено/);
      const receipt = await t.api('GET', `/dev/mail/messages.json?to=${encodeURIComponent(from)}`);
      const [received] = receipt.body.messages;
      expect(received.replyTo).toMatch(/^bilet\+[a-z0-9]+@bilet\.test$/);
      expect(received.inReplyTo).toBe(letter.messageId);

      const queue = await t.api('GET', '/api/support/desk/queue?region=none&limit=100', { cookie: operator.cookie });
      const item = queue.body.items.find((r: { requesterName: string }) => r.requesterName === 'Петрова Анна');
      await t.api('POST', `/api/support/desk/requests/${item.id}/answers`, { cookie: operator.cookie, body: { text: 'Сначала нужно согласие родителя.' } });
      await t.waitForMail(from, /Ответ на обращение/);
      const box = await t.api('GET', `/dev/mail/messages.json?to=${encodeURIComponent(from)}`);
      const answer = box.body.messages.find((m: { subject: string }) => /Ответ/.test(m.subject));
      expect(answer.replyTo).toBe(received.replyTo);
      expect(answer.messageId).toMatch(/^<support\.[0-9a-f-]+@bilet\.test>$/);
      expect(answer.inReplyTo).toBe(letter.messageId);
      expect(answer.references).toBe(letter.messageId);
      const page = await t.api('GET', `/dev/mail?to=${encodeURIComponent(from)}`);
      expect(page.body).toContain(`Reply-To: ${received.replyTo}`);

      // A mail client's «Reply» to the plain address still threads by In-Reply-To and References.
      await transport().sendMail({
        from,
        to: 'bilet@bilet.test',
        subject: 'Re: Ответ на обращение',
        text: 'Согласие дали вчера, а кнопка всё равно неактивна. Что ещё проверить?',
        inReplyTo: answer.messageId,
        references: [letter.messageId!, answer.messageId],
      });
      const view = await t.api('GET', `/api/support/desk/requests/${item.id}`, { cookie: operator.cookie });
      expect(view.body.messages.map((m: { kind: string }) => m.kind)).toEqual(['requester', 'answer', 'requester']);
      expect(view.body.status).toBe('in_progress');

      // The next answer continues the thread: it answers the latest letter and references all before it.
      await t.api('POST', `/api/support/desk/requests/${item.id}/answers`, { cookie: operator.cookie, body: { text: 'Проверьте, что согласие подтверждено.' } });
      await t.waitForMail(from, /Ответ на обращение/, { count: 2 });
      const later = (await t.api('GET', `/dev/mail/messages.json?to=${encodeURIComponent(from)}`)).body.messages[0];
      expect(later.messageId).not.toBe(answer.messageId);
      expect(later.references.split(' ')).toEqual([letter.messageId, answer.messageId, expect.stringMatching(/^<.+>$/)]);
      expect(later.inReplyTo).toBe(later.references.split(' ')[2]);
    });

    it('keeps a letter’s PDF, JPEG and PNG files checked by content, and notes the ones dropped', async () => {
      const from = uniqueEmail('files');
      await transport().sendMail({
        from: `Ольга Смирнова <${from}>`,
        to: 'bilet@bilet.test',
        subject: 'Согласие не принимают',
        text: 'Прикладываю скан согласия и фото экрана с ошибкой. Почему согласие не принимается?',
        attachments: [
          { filename: 'согласие.pdf', content: TINY_PDF, contentType: 'application/pdf' },
          { filename: 'экран.jpg', content: TINY_PNG, contentType: 'image/jpeg' },
          { filename: 'справка.pdf', content: EXE, contentType: 'application/pdf' },
          { filename: 'список.txt', content: 'Иванов\nПетров', contentType: 'text/plain' },
        ],
      });
      const queue = await t.api('GET', '/api/support/desk/queue?region=none&limit=100', { cookie: operator.cookie });
      const item = queue.body.items.find((r: { requesterName: string }) => r.requesterName === 'Смирнова Ольга');
      const view = await t.api('GET', `/api/support/desk/requests/${item.id}`, { cookie: operator.cookie });
      expect(view.body.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['согласие.pdf', 'экран.png']);
      const [png] = await t.rows<{ id: string; mime_type: string }>(sql`select id, mime_type from support_attachments where request_id = ${item.id} and mime_type = 'image/png'`);
      const download = await t.api('GET', `/api/support/desk/requests/${item.id}/attachments/${png!.id}`, { cookie: operator.cookie });
      expect(download.headers['content-type']).toBe('image/png');
      const note = view.body.messages.find((m: { kind: string }) => m.kind === 'note');
      expect(note.text).toMatch(/«справка\.pdf» — не PDF, JPEG или PNG по содержимому/);
      expect(note.text).toMatch(/«список\.txt» — не PDF, JPEG или PNG/);
      expect(note.text).not.toMatch(/согласие/);

      // A reply brings three more files; the request has room for one, the rest are named as over the limit.
      await t.api('POST', `/api/support/desk/requests/${item.id}/answers`, { cookie: operator.cookie, body: { text: 'Пришлите, пожалуйста, вторую страницу.' } });
      const answer = await t.waitForMail(from, /Ответ на обращение/);
      const replyTo = /bilet\+[a-z0-9]+@bilet\.test/.exec(answer.text)![0];
      await transport().sendMail({
        from,
        to: replyTo,
        subject: 'Re: страницы',
        text: 'Вот страницы.',
        attachments: [1, 2, 3].map((i) => ({ filename: `страница${i}.pdf`, content: TINY_PDF })),
      });
      const after = await t.api('GET', `/api/support/desk/requests/${item.id}`, { cookie: operator.cookie });
      expect(after.body.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['согласие.pdf', 'экран.png', 'страница1.pdf']);
      const notes = after.body.messages.filter((m: { kind: string }) => m.kind === 'note');
      expect(notes.at(-1).text).toMatch(/«страница2\.pdf» — сверх 3 файлов на обращение\n«страница3\.pdf» — сверх 3 файлов/);
      // Internal notes stay on the desk; the requester sees the kept files only.
      const token = linkFrom(answer.text, '/support/r/').pathname.split('/').pop()!;
      const requesterSide = await t.api('GET', `/api/support/by-link/${token}`);
      expect(requesterSide.body.attachments).toHaveLength(3);
      expect(requesterSide.body.messages.some((m: { kind: string }) => m.kind === 'note')).toBe(false);
    });

    it('refuses mail for other addresses, oversized letters and letters without a sender', async () => {
      await expect(transport().sendMail({ from: uniqueEmail('x'), to: 'someone@else.test', text: 'Вопрос?' })).rejects.toThrow(/550/);
      await expect(
        transport().sendMail({ from: uniqueEmail('x'), to: 'bilet@bilet.test', text: 'а'.repeat(3 * 1024 * 1024) }),
      ).rejects.toThrow(/552/);
      await expect(
        transport().sendMail({ envelope: { from: 'x@example.ru', to: ['bilet@bilet.test'] }, raw: 'this is not a letter at all' }),
      ).rejects.toThrow(/55\d/);
    });
  });
});
