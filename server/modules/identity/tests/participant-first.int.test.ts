import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, linkFrom, type TestApp } from '@server/test/test-app.js';
import { activateFromMail, confirmedParent, participantInput, registerPupil } from '@server/test/factories.js';

describe('participant-first registration ends with linked accounts and the consent given', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('walks the whole journey through the API, the mailbox and ESIA', async () => {
    const pupil = await registerPupil(t);
    let cabinet = await t.api('GET', '/api/participant/cabinet', { cookie: pupil.cookie });
    expect(cabinet.status).toBe(200);
    expect(cabinet.body.missing.map((m: { step: string }) => m.step)).toEqual(['registered', 'linked', 'consent', 'tested']);

    const early = await t.api('POST', '/api/participant/invitations', { cookie: pupil.cookie, body: { email: 'mama@example.ru' } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('account_not_active');

    await activateFromMail(t, pupil.email);
    const parentEmail = `mama.${Date.now()}@example.ru`;
    const invited = await t.api('POST', '/api/participant/invitations', { cookie: pupil.cookie, body: { email: parentEmail } });
    expect(invited.status).toBe(201);
    const mail = await t.waitForMail(parentEmail, /приглашает вас/);
    const token = linkFrom(mail.text, '/invite/').pathname.split('/').pop()!;

    const described = await t.api('GET', `/api/invitations/by-token/${token}`);
    expect(described.body).toMatchObject({ kind: 'parent', state: 'valid' });

    const parent = await confirmedParent(t);
    const accepted = await t.api('POST', `/api/invitations/by-token/${token}/accept`, { cookie: parent.cookie });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.childId).toBe(pupil.accountId);

    const again = await t.api('POST', `/api/invitations/by-token/${token}/accept`, { cookie: parent.cookie });
    expect(again.status).toBe(410);

    const texts = (await t.api('GET', '/api/consents/texts')).body.texts as Array<{ kind: string; version: string }>;
    const pd = texts.find((x) => x.kind === 'pd_processing')!;
    const consent = await t.api('POST', `/api/parent/children/${pupil.accountId}/consents`, {
      cookie: parent.cookie,
      body: { kind: 'pd_processing', textVersion: pd.version },
    });
    expect(consent.status).toBe(201);

    // The family's part is done; what is left to enrol is the pupil's own first test.
    cabinet = await t.api('GET', '/api/participant/cabinet', { cookie: pupil.cookie });
    expect(cabinet.body.missing.map((m: { step: string }) => m.step)).toEqual(['tested']);
    expect(cabinet.body.parents).toHaveLength(1);

    const parentCabinet = await t.api('GET', '/api/parent/cabinet', { cookie: parent.cookie });
    expect(parentCabinet.body.children).toHaveLength(1);
    expect(parentCabinet.body.children[0].consents.pd_processing.textVersion).toBe(pd.version);

    const notes = await t.api('GET', '/api/notifications', { cookie: pupil.cookie });
    expect(notes.body.notifications[0].kind).toBe('parent_linked');
  });

  it('keeps the activation link single-use and says so plainly', async () => {
    const pupil = await registerPupil(t);
    const mail = await t.waitForMail(pupil.email, /Подтверди регистрацию/);
    const token = linkFrom(mail.text, '/activate').searchParams.get('token');
    expect((await t.api('POST', '/api/auth/activate', { body: { token } })).status).toBe(200);
    const reused = await t.api('POST', '/api/auth/activate', { body: { token } });
    expect(reused.status).toBe(410);
    expect(reused.body.error.message).toMatch(/уже использована/);
  });

  it('refuses a second profile of the same child without saying whose it is', async () => {
    const input = await participantInput(t);
    expect((await t.api('POST', '/api/registration/participant', { body: input })).status).toBe(201);
    const twin = { ...input, email: `other.${Date.now()}@example.ru`, lastName: input.lastName.toUpperCase(), firstName: ` ${input.firstName} ` };
    const res = await t.api('POST', '/api/registration/participant', { body: twin });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('child_already_registered');
    expect(JSON.stringify(res.body)).not.toContain(input.email);
    expect(JSON.stringify(res.body)).not.toContain(input.lastName);
  });

  it('refuses a SNILS no child can hold, so the same child cannot get a second profile with another such number', async () => {
    const profiles = async () => (await t.rows<{ n: number }>(sql`select count(*)::int as n from participant_profiles`))[0]!.n;
    const before = await profiles();
    const input = await participantInput(t, { snils: '000-000-000 00' });
    const first = await t.api('POST', '/api/registration/participant', { body: input });
    expect(first.status, JSON.stringify(first.body)).toBe(400);
    expect(first.body.error.fields.snils).toMatch(/быть не может/);
    const again = await t.api('POST', '/api/registration/participant', { body: { ...input, snils: '000-000-000 01', email: `other.${Date.now()}@example.ru` } });
    expect(again.status, JSON.stringify(again.body)).toBe(400);
    expect(again.body.error.fields.snils).toMatch(/быть не может/);
    expect(await profiles()).toBe(before);
  });

  it('answers a taken e-mail with 409 on the e-mail field', async () => {
    const input = await participantInput(t);
    expect((await t.api('POST', '/api/registration/participant', { body: input })).status).toBe(201);
    const other = await participantInput(t, { email: input.email.toUpperCase() });
    const res = await t.api('POST', '/api/registration/participant', { body: other });
    expect(res.status).toBe(409);
    expect(res.body.error.fields.email).toMatch(/уже зарегистрирован/);
  });
});
