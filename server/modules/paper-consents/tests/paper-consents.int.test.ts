import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { confirmedParent, registerPupil } from '@server/test/factories.js';
import { createSchool, createStaff, createVenue, regionByCode, type StaffMember } from '@server/test/staff-factories.js';
import { MULTIPART_HEADERS as MULTIPART, TINY_PDF, multipart } from '@server/test/multipart.js';
import { FILE_KINDS } from '@server/lib/file-store/index.js';
import { uploadPaperConsent } from '../paper-consents.service.js';

// Tiny files that are what they say they are, so the test shows exactly what is uploaded; the PDF is the shared one.
const PDF = TINY_PDF;

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 grey PNG. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])),
  pngChunk('IDAT', zlib.deflateSync(Buffer.from([0, 0x80]))),
  pngChunk('IEND', Buffer.alloc(0)),
]);

/** A 1×1 grey baseline JPEG: one quantisation table, one-symbol Huffman tables, one block. */
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  Buffer.from([0xff, 0xdb, 0x00, 0x43, 0x00]),
  Buffer.alloc(64, 1),
  Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]),
  Buffer.from([0xff, 0xc4, 0x00, 0x14, 0x00, 0x01]),
  Buffer.alloc(16),
  Buffer.from([0xff, 0xc4, 0x00, 0x14, 0x10, 0x01]),
  Buffer.alloc(16),
  Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x3f, 0xff, 0xd9]),
]);

/** The start of a Windows executable: what a renamed .exe really is. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), crypto.randomBytes(512)]);

describe('scanned paper consents', () => {
  let t: TestApp;
  let schoolA: { id: string; name: string };
  let schoolB: { id: string; name: string };
  let staffA: StaffMember;
  let staffB: StaffMember;
  let staffOtherRegion: StaffMember;
  let coordinator: StaffMember;
  let otherCoordinator: StaffMember;
  let navigator: StaffMember;
  let venue: StaffMember;
  let pupilA: { accountId: string; cookie: string };
  let pupilB: { accountId: string };
  let parent: { cookie: string };
  let otherParent: { cookie: string };

  const upload = (cookie: string, file: { content: Buffer; filename?: string; contentType?: string }, fields: Record<string, string> = {}) =>
    t.api('POST', '/api/paper-consents', {
      cookie,
      headers: MULTIPART,
      body: multipart([
        ...Object.entries(fields).map(([name, value]) => ({ name, value })),
        { name: 'file', filename: file.filename ?? 'скан.pdf', content: file.content, contentType: file.contentType ?? 'application/pdf' },
      ]),
    });

  const download = (cookie: string | undefined, id: string) =>
    t.app.inject({ method: 'GET', url: `/api/paper-consents/${id}/file`, headers: cookie ? { cookie } : {} });

  async function pupilOf(schoolId: string) {
    const pupil = await registerPupil(t);
    await t.rows(sql`update participant_profiles set school_id = ${schoolId} where account_id = ${pupil.accountId}`);
    return pupil;
  }

  async function linkParent(parentCookie: string, childId: string) {
    const cabinet = await t.api('GET', '/api/parent/cabinet', { cookie: parentCookie });
    await t.rows(sql`insert into family_links (parent_id, child_id) values (${cabinet.body.account.id}, ${childId})`);
  }

  /** Rows and files now, to show a refused upload left nothing behind. */
  async function footprint() {
    const [row] = await t.rows<{ n: number }>(sql`select count(*)::int as n from paper_consents`);
    const files = await t.storedFiles(FILE_KINDS.paperConsents);
    return { rows: row!.n, files };
  }

  async function refusals(): Promise<string[]> {
    const rows = await t.rows<{ details: { reason: string } }>(sql`select details from audit_log where action = 'upload.refused' order by id`);
    return rows.map((r) => r.details.reason);
  }

  beforeAll(async () => {
    t = await startTestApp();
    const kirov = await regionByCode(t, '43');
    const tatarstan = await regionByCode(t, '16');
    schoolA = await createSchool(t, kirov);
    schoolB = await createSchool(t, kirov);
    const schoolC = await createSchool(t, tatarstan);
    staffA = await createStaff(t, 'school', { regionId: kirov.regionId, schoolId: schoolA.id });
    staffB = await createStaff(t, 'school', { regionId: kirov.regionId, schoolId: schoolB.id });
    staffOtherRegion = await createStaff(t, 'school', { regionId: tatarstan.regionId, schoolId: schoolC.id });
    coordinator = await createStaff(t, 'regional_coordinator', { regionId: kirov.regionId });
    otherCoordinator = await createStaff(t, 'regional_coordinator', { regionId: tatarstan.regionId });
    navigator = await createStaff(t, 'navigator', { regionId: kirov.regionId, schoolId: schoolA.id });
    const venueRow = await createVenue(t, kirov);
    venue = await createStaff(t, 'venue', { regionId: kirov.regionId, venueId: venueRow.id });
    pupilA = await pupilOf(schoolA.id);
    pupilB = await pupilOf(schoolB.id);
    parent = await confirmedParent(t);
    otherParent = await confirmedParent(t);
    await linkParent(parent.cookie, pupilA.accountId);
  });
  afterAll(() => t.close());

  it('documents its routes in the OpenAPI document', async () => {
    const doc = await t.api('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/paper-consents', '/api/paper-consents/{id}', '/api/paper-consents/{id}/file']));
  });

  describe('uploading', () => {
    it.each([
      ['PDF', PDF, 'Согласие Смирнов.pdf', 'application/pdf', 'Согласие Смирнов.pdf'],
      ['JPEG', JPEG, 'фото согласия.jpeg', 'image/jpeg', 'фото согласия.jpg'],
      ['PNG', PNG, 'scan.png', 'image/png', 'scan.png'],
    ])('keeps a %s encrypted in the file store and gives back the same bytes', async (_kind, content, filename, mime, storedName) => {
      const res = await upload(staffA.cookie, { content, filename, contentType: 'application/octet-stream' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ fileName: storedName, mimeType: mime, sizeBytes: content.length, child: null, school: { id: schoolA.id, name: schoolA.name } });

      const stored = (await t.app.ctx.files.get(FILE_KINDS.paperConsents, res.body.id))!;
      expect(stored.subarray(0, 4).toString('ascii')).toBe('BLF1');
      expect(stored.includes(content.subarray(0, 8))).toBe(false);
      const [row] = await t.rows<{ sha256: string; uploaded_by: string }>(sql`select sha256, uploaded_by from paper_consents where id = ${res.body.id}`);
      expect(row).toEqual({ sha256: crypto.createHash('sha256').update(content).digest('hex'), uploaded_by: staffA.accountId });

      const file = await download(staffA.cookie, res.body.id);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(content)).toBe(true);
      expect(file.headers['content-type']).toBe(mime);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['cache-control']).toBe('no-store');
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="${storedName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(storedName)}`,
      );
    });

    it('takes the type from the content, not from the name or the declared type', async () => {
      const res = await upload(staffA.cookie, { content: PNG, filename: 'согласие.pdf', contentType: 'application/pdf' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ mimeType: 'image/png', fileName: 'согласие.png' });
    });

    it('marks the child at upload when a pupil of the school is named', async () => {
      const res = await upload(staffA.cookie, { content: PDF }, { participantId: pupilA.accountId });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.child).toMatchObject({ id: pupilA.accountId });
      const audit = await t.rows<{ actor_id: string; details: Record<string, unknown> }>(
        sql`select actor_id, details from audit_log where action = 'paper_consent.uploaded' and subject_id = ${res.body.id}`,
      );
      expect(audit).toEqual([
        { actor_id: staffA.accountId, details: { schoolId: schoolA.id, participantId: pupilA.accountId, mimeType: 'application/pdf', sizeBytes: PDF.length } },
      ]);
    });

    it('keeps only a safe display name of a path, control characters or an overlong name', async () => {
      const traversal = await upload(staffA.cookie, { content: PDF, filename: '../../../etc/cron.d/evil.pdf' });
      expect(traversal.status).toBe(201);
      expect(traversal.body.fileName).toBe('evil.pdf');
      expect(fs.existsSync(path.join(t.app.ctx.config.dataDir, 'etc'))).toBe(false);
      expect(await t.storedFiles(FILE_KINDS.paperConsents)).toContain(traversal.body.id);

      const control = await upload(staffA.cookie, { content: PDF, filename: 'со\u0007гла\u001bсие\u202e.pdf' });
      expect(control.body.fileName).toBe('согласие.pdf');

      const long = await upload(staffA.cookie, { content: PDF, filename: `${'я'.repeat(300)}.pdf` });
      expect(long.status).toBe(201);
      expect(Array.from(long.body.fileName as string)).toHaveLength(255);
    });
  });

  describe('refusing bad uploads, leaving nothing behind', () => {
    it.each([
      ['a renamed executable', { content: EXE, filename: 'согласие.pdf' }, 415, 'unsupported_file_type', /PDF, JPEG или PNG/],
      ['plain text called .pdf', { content: Buffer.from('это не скан, а текст'), filename: 'скан.pdf' }, 415, 'unsupported_file_type', /по содержимому/],
      ['an empty file', { content: Buffer.alloc(0) }, 400, 'empty_file', /пустой/],
      [
        'a file over 10 MB',
        { content: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) },
        413,
        'file_too_large',
        /больше 10 МБ/,
      ],
    ])('refuses %s', async (_what, file, status, code, message) => {
      const before = await footprint();
      const res = await upload(staffA.cookie, file);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(message);
      expect(await footprint()).toEqual(before);
      expect((await refusals()).at(-1)).toBe(code);
    });

    it('accepts exactly 10 MB', async () => {
      const content = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 - PDF.length)]);
      const res = await upload(staffA.cookie, { content });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.sizeBytes).toBe(10 * 1024 * 1024);
    });

    it('cuts a 50 MB upload off soon after 10 MB instead of reading it all', async () => {
      const before = await footprint();
      const result = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
        let sent = 0;
        let answered = false;
        const req = http.request(`${t.baseUrl}/api/paper-consents`, {
          method: 'POST',
          headers: { ...MULTIPART, cookie: staffA.cookie, origin: t.baseUrl },
        });
        req.on('response', (res) => {
          answered = true;
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => {
            // A client that has its answer stops sending the rest.
            req.destroy();
            resolve({ status: res.statusCode!, body, sent });
          });
        });
        req.on('error', (err) => (answered ? undefined : reject(err)));
        const chunk = Buffer.alloc(1024 * 1024);
        const write = async () => {
          const boundary = MULTIPART['content-type'].split('boundary=')[1]!;
          req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
          req.write(PDF);
          while (sent < 50 * 1024 * 1024 && !answered) {
            sent += chunk.length;
            if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
          }
          if (!answered) req.end(`\r\n--${boundary}--\r\n`);
        };
        void write();
      });
      expect(result.status).toBe(413);
      expect(JSON.parse(result.body).error.code).toBe('file_too_large');
      expect(result.sent).toBeLessThan(30 * 1024 * 1024);
      expect(await footprint()).toEqual(before);
    });

    it('refuses a request without a file, or not sent as a form', async () => {
      const noFile = await t.api('POST', '/api/paper-consents', { cookie: staffA.cookie, headers: MULTIPART, body: multipart([{ name: 'participantId', value: pupilA.accountId }]) });
      expect(noFile.status).toBe(400);
      expect(noFile.body.error).toMatchObject({ code: 'file_missing', fields: { file: 'Выберите файл' } });
      const wrongField = await t.api('POST', '/api/paper-consents', { cookie: staffA.cookie, headers: MULTIPART, body: multipart([{ name: 'document', filename: 'a.pdf', content: PDF }]) });
      expect(wrongField.status).toBe(400);
      const json = await t.api('POST', '/api/paper-consents', { cookie: staffA.cookie, body: { file: 'JVBERi0=' } });
      expect(json.status).toBe(415);
      expect(json.body.error.message).toMatch(/multipart\/form-data/);
    });

    it('answers a form cut off mid-file with 400 rather than leaving the request hanging', async () => {
      const before = await footprint();
      const whole = multipart([{ name: 'file', filename: 'скан.pdf', content: PDF }]);
      const cut = await t.api('POST', '/api/paper-consents', { cookie: staffA.cookie, headers: MULTIPART, body: whole.subarray(0, whole.length - 30) });
      expect(cut.status).toBe(400);
      expect(cut.body.error.code).toBe('malformed_upload');
      expect(await footprint()).toEqual(before);
    });

    it('refuses a child who is not a pupil of the school with 404, and a malformed id or unknown field with 400', async () => {
      const before = await footprint();
      const other = await upload(staffA.cookie, { content: PDF }, { participantId: pupilB.accountId });
      expect(other.status).toBe(404);
      expect(other.body.error.message).toMatch(/нет среди учеников вашей школы/);
      const missing = await upload(staffA.cookie, { content: PDF }, { participantId: crypto.randomUUID() });
      expect(missing.status).toBe(404);
      const malformed = await upload(staffA.cookie, { content: PDF }, { participantId: 'не-uuid' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.fields.participantId).toBeTruthy();
      const unknown = await upload(staffA.cookie, { content: PDF }, { schoolId: schoolB.id });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.fields.schoolId).toBe('Неизвестное поле');
      expect(await footprint()).toEqual(before);
      expect((await refusals()).slice(-4)).toEqual(['not_found', 'not_found', 'invalid_input', 'invalid_input']);
    });

    it('deletes the sealed file when the row cannot be written', async () => {
      const before = await footprint();
      const ghost = { accountId: staffA.accountId, role: 'school' as const, status: 'active' as const, sessionHash: 'x', regionId: null, schoolId: crypto.randomUUID(), venueId: null, gate: null, instructionPending: false };
      await expect(
        uploadPaperConsent(t.app.ctx, ghost, { data: PDF, fileName: 'a.pdf' }, undefined, { actorId: staffA.accountId, actorRole: 'school', ip: '127.0.0.1' }),
      ).rejects.toThrow();
      expect(await footprint()).toEqual(before);
    });

    it('lets only schools upload', async () => {
      for (const member of [coordinator, navigator, venue]) {
        expect((await upload(member.cookie, { content: PDF })).status).toBe(403);
      }
      expect((await upload(parent.cookie, { content: PDF })).status).toBe(403);
      expect((await upload(pupilA.cookie, { content: PDF })).status).toBe(403);
      expect((await upload('', { content: PDF })).status).toBe(401);
    });
  });

  describe('marking the child', () => {
    it('marks, moves and takes off the mark, auditing each change', async () => {
      const consent = (await upload(staffA.cookie, { content: PDF })).body;
      const second = await pupilOf(schoolA.id);
      const mark = await t.api('PATCH', `/api/paper-consents/${consent.id}`, { cookie: staffA.cookie, body: { participantId: pupilA.accountId } });
      expect(mark.status, JSON.stringify(mark.body)).toBe(200);
      expect(mark.body.child).toMatchObject({ id: pupilA.accountId });
      await t.api('PATCH', `/api/paper-consents/${consent.id}`, { cookie: staffA.cookie, body: { participantId: second.accountId } });
      const off = await t.api('PATCH', `/api/paper-consents/${consent.id}`, { cookie: staffA.cookie, body: { participantId: null } });
      expect(off.body.child).toBeNull();
      const audit = await t.rows<{ details: Record<string, unknown> }>(
        sql`select details from audit_log where action = 'paper_consent.assigned' and subject_id = ${consent.id} order by id`,
      );
      expect(audit.map((a) => a.details)).toEqual([
        { participantId: pupilA.accountId, previousParticipantId: null },
        { participantId: second.accountId, previousParticipantId: pupilA.accountId },
        { participantId: null, previousParticipantId: second.accountId },
      ]);
    });

    it('answers 404 for another school’s scan or pupil, 403 to others, 400 to a bad body', async () => {
      const consent = (await upload(staffA.cookie, { content: PDF })).body;
      const body = { participantId: pupilA.accountId };
      expect((await t.api('PATCH', `/api/paper-consents/${consent.id}`, { cookie: staffB.cookie, body })).status).toBe(404);
      expect((await t.api('PATCH', `/api/paper-consents/${crypto.randomUUID()}`, { cookie: staffA.cookie, body })).status).toBe(404);
      const foreignPupil = await t.api('PATCH', `/api/paper-consents/${consent.id}`, { cookie: staffA.cookie, body: { participantId: pupilB.accountId } });
      expect(foreignPupil.status).toBe(404);
      expect((await t.api('PATCH', `/api/paper-consents/${consent.id}`, { cookie: coordinator.cookie, body })).status).toBe(403);
      expect((await t.api('PATCH', `/api/paper-consents/${consent.id}`, { cookie: parent.cookie, body })).status).toBe(403);
      expect((await t.api('PATCH', `/api/paper-consents/${consent.id}`, { cookie: staffA.cookie, body: {} })).status).toBe(400);
      expect((await t.api('PATCH', `/api/paper-consents/${consent.id}`, { cookie: staffA.cookie, body: { participantId: 'x' } })).status).toBe(400);
      expect((await t.api('PATCH', `/api/paper-consents/not-an-id`, { cookie: staffA.cookie, body })).status).toBe(400);
      const [row] = await t.rows<{ participant_id: string | null }>(sql`select participant_id from paper_consents where id = ${consent.id}`);
      expect(row!.participant_id).toBeNull();
    });
  });

  describe('who may read', () => {
    let assigned: string;
    let unassigned: string;

    beforeAll(async () => {
      assigned = (await upload(staffA.cookie, { content: JPEG, filename: 'pupil-a.jpg' }, { participantId: pupilA.accountId })).body.id;
      unassigned = (await upload(staffA.cookie, { content: PNG, filename: 'unknown.png' })).body.id;
    });

    it('lets the school, its region’s coordinator and the linked parent download, and audits every read', async () => {
      for (const cookie of [staffA.cookie, coordinator.cookie, parent.cookie]) {
        const res = await download(cookie, assigned);
        expect(res.statusCode).toBe(200);
        expect(res.rawPayload.equals(JPEG)).toBe(true);
      }
      const views = await t.rows<{ actor_id: string; details: Record<string, unknown> }>(
        sql`select actor_id, details from audit_log where action = 'paper_consent.viewed' and subject_id = ${assigned} order by id`,
      );
      const parentId = (await t.api('GET', '/api/parent/cabinet', { cookie: parent.cookie })).body.account.id;
      expect(views.map((v) => v.actor_id)).toEqual([staffA.accountId, coordinator.accountId, parentId]);
      expect(views[0]!.details).toEqual({ participantId: pupilA.accountId });
      expect(JSON.stringify(views)).not.toContain('pupil-a');
    });

    it('answers 404 to another school, another region’s coordinator, an unlinked parent and a parent of an unmarked scan', async () => {
      for (const cookie of [staffB.cookie, staffOtherRegion.cookie, otherCoordinator.cookie, otherParent.cookie]) {
        const res = await download(cookie, assigned);
        expect(res.statusCode).toBe(404);
        expect(JSON.parse(res.body).error.message).toBe('Скан согласия не найден');
      }
      expect((await download(parent.cookie, unassigned)).statusCode).toBe(404);
      expect((await download(staffA.cookie, crypto.randomUUID())).statusCode).toBe(404);
      const [row] = await t.rows<{ n: number }>(
        sql`select count(*)::int as n from audit_log where action = 'paper_consent.viewed' and actor_id in (${staffB.accountId}, ${otherCoordinator.accountId})`,
      );
      expect(row!.n).toBe(0);
    });

    it('answers 403 to navigators, venues and the pupil, 401 without a session', async () => {
      for (const cookie of [navigator.cookie, venue.cookie, pupilA.cookie]) {
        expect((await download(cookie, assigned)).statusCode).toBe(403);
        expect((await t.api('GET', '/api/paper-consents', { cookie })).status).toBe(403);
      }
      expect((await download(undefined, assigned)).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'HEAD', url: `/api/paper-consents/${assigned}/file`, headers: { cookie: staffA.cookie } })).statusCode).toBe(404);
    });
  });

  describe('lists', () => {
    let ownA: string;
    let ownB: string;

    beforeAll(async () => {
      ownA = (await upload(staffA.cookie, { content: PDF, filename: 'Список-А.pdf' }, { participantId: pupilA.accountId })).body.id;
      ownB = (await upload(staffB.cookie, { content: PDF, filename: 'Список-Б.pdf' }, { participantId: pupilB.accountId })).body.id;
    });

    const ids = (body: { items: Array<{ id: string }> }) => body.items.map((i) => i.id);

    it('shows a school only its own scans, filtered by mark, child and child’s name', async () => {
      const all = await t.api('GET', '/api/paper-consents?pageSize=100', { cookie: staffA.cookie });
      expect(all.status).toBe(200);
      expect(ids(all.body)).toContain(ownA);
      expect(ids(all.body)).not.toContain(ownB);
      expect(all.body.items.every((i: { school: { id: string } }) => i.school.id === schoolA.id)).toBe(true);
      expect(all.body).toMatchObject({ total: all.body.items.length, page: 1, pageSize: 100 });

      const unmarked = await t.api('GET', '/api/paper-consents?assigned=false&pageSize=100', { cookie: staffA.cookie });
      expect(unmarked.body.items.every((i: { child: unknown }) => i.child === null)).toBe(true);
      expect(ids(unmarked.body)).not.toContain(ownA);
      const marked = await t.api('GET', '/api/paper-consents?assigned=true&pageSize=100', { cookie: staffA.cookie });
      expect(marked.body.items.every((i: { child: unknown }) => i.child !== null)).toBe(true);

      const ofChild = await t.api('GET', `/api/paper-consents?participantId=${pupilA.accountId}&pageSize=100`, { cookie: staffA.cookie });
      expect(ids(ofChild.body)).toContain(ownA);
      expect(ofChild.body.items.every((i: { child: { id: string } }) => i.child.id === pupilA.accountId)).toBe(true);

      const [name] = await t.rows<{ last_name: string }>(sql`select last_name from accounts where id = ${pupilA.accountId}`);
      const byName = await t.api('GET', `/api/paper-consents?q=${encodeURIComponent(name!.last_name.toLowerCase())}&pageSize=100`, { cookie: staffA.cookie });
      expect(ids(byName.body)).toContain(ownA);
      const surname = name!.last_name.toLowerCase();
      for (const item of byName.body.items as Array<{ child: { lastName: string } | null; fileName: string }>) {
        expect(item.child?.lastName.toLowerCase() === surname || item.fileName.toLowerCase().includes(surname)).toBe(true);
      }
      const nobody = await t.api('GET', `/api/paper-consents?q=${encodeURIComponent('Несуществующий%_')}`, { cookie: staffA.cookie });
      expect(nobody.body).toMatchObject({ items: [], total: 0 });
    });

    it('pages and sorts on the server', async () => {
      const ascending = await t.api('GET', '/api/paper-consents?sort=fileName&order=asc&pageSize=100', { cookie: staffA.cookie });
      const descending = await t.api('GET', '/api/paper-consents?sort=fileName&order=desc&pageSize=100', { cookie: staffA.cookie });
      expect(ascending.body.total).toBeGreaterThan(4);
      expect(ids(descending.body)).toEqual(ids(ascending.body).reverse());
      const page1 = await t.api('GET', '/api/paper-consents?sort=fileName&order=asc&pageSize=2&page=1', { cookie: staffA.cookie });
      const page2 = await t.api('GET', '/api/paper-consents?sort=fileName&order=asc&pageSize=2&page=2', { cookie: staffA.cookie });
      expect([...ids(page1.body), ...ids(page2.body)]).toEqual(ids(ascending.body).slice(0, 4));
      expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: ascending.body.total });
      // A page past the end has no row to carry the total; it is counted apart, within the same filters.
      const pastEnd = await t.api('GET', '/api/paper-consents?sort=fileName&pageSize=2&page=999', { cookie: staffA.cookie });
      expect(pastEnd.body).toMatchObject({ items: [], page: 999, total: ascending.body.total });
      const unmarked = await t.api('GET', '/api/paper-consents?assigned=false&pageSize=100', { cookie: staffA.cookie });
      const unmarkedPastEnd = await t.api('GET', '/api/paper-consents?assigned=false&pageSize=2&page=999', { cookie: staffA.cookie });
      expect(unmarkedPastEnd.body.total).toBe(unmarked.body.total);
      const bad = await t.api('GET', '/api/paper-consents?sort=sha256&assigned=maybe', { cookie: staffA.cookie });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(['sort', 'assigned']));
    });

    it('shows a coordinator every school of its region with their names, and another region nothing of it', async () => {
      const mine = await t.api('GET', '/api/paper-consents?pageSize=100&sort=school', { cookie: coordinator.cookie });
      expect(mine.status).toBe(200);
      expect(ids(mine.body)).toEqual(expect.arrayContaining([ownA, ownB]));
      expect(mine.body.items.find((i: { id: string }) => i.id === ownB).school).toEqual({ id: schoolB.id, name: schoolB.name });
      const bySchool = await t.api('GET', `/api/paper-consents?q=${encodeURIComponent(schoolB.name)}&pageSize=100`, { cookie: coordinator.cookie });
      expect(ids(bySchool.body)).toContain(ownB);
      expect(ids(bySchool.body)).not.toContain(ownA);
      const theirs = await t.api('GET', '/api/paper-consents?pageSize=100', { cookie: otherCoordinator.cookie });
      expect(theirs.body).toMatchObject({ items: [], total: 0 });
    });

    it('shows a parent only the marked scans of its linked children', async () => {
      const mine = await t.api('GET', '/api/paper-consents?pageSize=100', { cookie: parent.cookie });
      expect(mine.status).toBe(200);
      expect(ids(mine.body)).toContain(ownA);
      expect(mine.body.items.every((i: { child: { id: string } }) => i.child.id === pupilA.accountId)).toBe(true);
      const child = await t.api('GET', `/api/paper-consents?participantId=${pupilA.accountId}`, { cookie: parent.cookie });
      expect(ids(child.body)).toContain(ownA);
      const notMine = await t.api('GET', `/api/paper-consents?participantId=${pupilB.accountId}`, { cookie: parent.cookie });
      expect(notMine.body.total).toBe(0);
      expect((await t.api('GET', '/api/paper-consents', { cookie: otherParent.cookie })).body.total).toBe(0);
    });
  });
});
