import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { activateFromMail, birthDateForAge, confirmedParent, participantInput, registerPupil } from '@server/test/factories.js';

/** Every text column of every table, as a plain dump would show it. */
async function dumpText(t: TestApp): Promise<string> {
  const tables = await t.rows<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public'`);
  let out = '';
  for (const { table_name } of tables) {
    const rows = await t.rows(sql.raw(`select * from "${table_name}"`));
    out += JSON.stringify(rows);
  }
  return out;
}

describe('personal data at rest, in views and in the audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('stores SNILS, documents and ОВЗ details only encrypted', async () => {
    const input = await participantInput(t, { birthDate: birthDateForAge(15), grade: 9 });
    const res = await t.api('POST', '/api/registration/participant', { body: input });
    const cookie = `bilet_sid=${res.cookies.bilet_sid}`;
    const update = await t.api('PATCH', '/api/participant/personal-data', {
      cookie,
      body: { document: { documentType: 'passport', documentNumber: '45 06 918273' }, hasOvz: true, ovzDetails: 'Слабослышащий, нужен сурдопереводчик' },
    });
    expect(update.status, JSON.stringify(update.body)).toBe(200);
    const dump = await dumpText(t);
    expect(dump).not.toContain(input.snils as string);
    expect(dump).not.toContain('4506918273');
    expect(dump).not.toContain('сурдопереводчик');

    const view = await t.api('GET', '/api/participant/personal-data', { cookie });
    expect(view.body).toMatchObject({ document: { type: 'passport', number: '4506918273' }, hasOvz: true, ovzDetails: 'Слабослышащий, нужен сурдопереводчик' });
    expect(view.body.snils.replace(/\D/g, '')).toBe(input.snils);
  });

  it('asks for the document that fits the age, with a message per field', async () => {
    const pupil = await registerPupil(t, { birthDate: birthDateForAge(12), grade: 6 });
    const passport = await t.api('PATCH', '/api/participant/personal-data', { cookie: pupil.cookie, body: { document: { documentType: 'passport', documentNumber: '4506918273' } } });
    expect(passport.status).toBe(400);
    expect(passport.body.error.fields['document.documentType']).toMatch(/свидетельство/);
    const bad = await t.api('PATCH', '/api/participant/personal-data', { cookie: pupil.cookie, body: { document: { documentType: 'birth_certificate', documentNumber: 'абв' } } });
    expect(bad.body.error.fields['document.documentNumber']).toMatch(/Свидетельство/);
    const ok = await t.api('PATCH', '/api/participant/personal-data', { cookie: pupil.cookie, body: { document: { documentType: 'birth_certificate', documentNumber: 'iv-мю 123456' } } });
    expect(ok.status).toBe(200);
    expect((await t.api('GET', '/api/participant/personal-data', { cookie: pupil.cookie })).body.document.number).toBe('IV-МЮ 123456');
  });

  it('records views and changes of personal data in an append-only audit log without the values', async () => {
    const pupil = await registerPupil(t);
    await t.api('PATCH', '/api/participant/personal-data', { cookie: pupil.cookie, body: { hasOvz: true, ovzDetails: 'Коляска' } });
    await t.api('GET', '/api/participant/personal-data', { cookie: pupil.cookie });
    const rows = await t.rows<{ action: string; actor_id: string; subject_id: string; ip: string; details: unknown }>(
      sql`select action, actor_id, subject_id, ip, details from audit_log where subject_id = ${pupil.accountId} order by id`,
    );
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['account.registered', 'pd.changed', 'pd.viewed']));
    const viewed = rows.find((r) => r.action === 'pd.viewed')!;
    expect(viewed.actor_id).toBe(pupil.accountId);
    expect(viewed.ip).toBeTruthy();
    expect(JSON.stringify(rows)).not.toContain('Коляска');
    await expect(t.rows(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.rows(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('lets a linked parent see the child\u2019s data and nobody else, answering 404 to strangers', async () => {
    const pupil = await registerPupil(t);
    await activateFromMail(t, pupil.email);
    const parent = await confirmedParent(t);
    const stranger = await confirmedParent(t);
    await t.api('POST', '/api/participant/invitations', { cookie: pupil.cookie, body: { email: parent.citizen.email } });
    const mail = await t.waitForMail(parent.citizen.email, /приглашает/);
    const token = mail.text.match(/\/invite\/([\w-]+)/)![1];
    expect((await t.api('POST', `/api/invitations/by-token/${token}/accept`, { cookie: parent.cookie })).status).toBe(200);

    expect((await t.api('GET', `/api/parent/children/${pupil.accountId}/personal-data`, { cookie: parent.cookie })).status).toBe(200);
    expect((await t.api('GET', `/api/parent/children/${pupil.accountId}/personal-data`, { cookie: stranger.cookie })).status).toBe(404);
    expect((await t.api('PATCH', `/api/parent/children/${pupil.accountId}/personal-data`, { cookie: stranger.cookie, body: { hasOvz: false } })).status).toBe(404);
    expect((await t.api('GET', `/api/parent/cabinet`, { cookie: pupil.cookie })).status).toBe(403);
    expect((await t.api('GET', `/api/participant/personal-data`, { cookie: parent.cookie })).status).toBe(403);
    expect((await t.api('GET', `/api/participant/personal-data`)).status).toBe(401);
    const stolen = await t.api('POST', `/api/invitations/by-token/${token}/accept`, { cookie: stranger.cookie });
    expect(stolen.status).toBe(410);
  });

  it('keeps personal data out of the logs', async () => {
    const lines: string[] = [];
    const logged = await startTestApp({ LOG_LEVEL: 'info' }, { logLines: lines });
    try {
      const input = await participantInput(logged);
      await logged.api('POST', '/api/registration/participant', { body: input });
      await logged.api('POST', '/api/auth/sign-in', { body: { email: input.email, password: input.password } });
      await logged.api('POST', '/api/auth/activate', { body: { token: 'a'.repeat(43) } });
      const text = lines.join('');
      expect(text).toContain('"route":"/api/registration/participant"');
      expect(text).not.toContain(input.snils as string);
      expect(text).not.toContain(input.password as string);
      expect(text).not.toContain(input.email as string);
      expect(text).not.toContain('a'.repeat(43));
    } finally {
      await logged.close();
    }
  });
});
