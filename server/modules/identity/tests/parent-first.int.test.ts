import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations } from '@server/db/schema/index.js';
import { startTestApp, linkFrom, type TestApp } from '@server/test/test-app.js';
import { birthDateForAge, confirmedParent, newCitizen, participantInput, signInThroughEsia, uniqueEmail } from '@server/test/factories.js';

describe('parent-first registration and the parent cabinet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('links a child who registers from the parent\u2019s invitation and tells the parent', async () => {
    const citizen = newCitizen();
    const first = await signInThroughEsia(t, citizen, '/parent');
    expect(first.landedOn.pathname).toBe('/parent/confirm');
    expect(first.landedOn.searchParams.get('returnTo')).toBe('/parent');
    const cookie = first.cookie!;

    const beforeConfirm = await t.api('POST', '/api/parent/invitations', { cookie, body: { email: uniqueEmail('kid') } });
    expect(beforeConfirm.status).toBe(409);
    expect((await t.api('POST', '/api/parent/confirm', { cookie, body: { phone: '8 (912) 000-11-22' } })).status).toBe(200);

    const cabinet = await t.api('GET', '/api/parent/cabinet', { cookie });
    expect(cabinet.body.account).toMatchObject({ lastName: citizen.lastName, email: citizen.email, phone: '+79120001122', status: 'active' });
    expect(cabinet.body.account.snilsMasked).toBe(`***-***-*** ${citizen.snils.slice(9)}`);

    const childEmail = uniqueEmail('kid');
    expect((await t.api('POST', '/api/parent/invitations', { cookie, body: { email: childEmail } })).status).toBe(201);
    const mail = await t.waitForMail(childEmail, /Приглашение/);
    const token = linkFrom(mail.text, '/register').searchParams.get('invitation');

    const input = await participantInput(t, { email: childEmail, invitationToken: token });
    const registered = await t.api('POST', '/api/registration/participant', { body: input });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    expect(registered.body.activationRequired).toBe(false);

    const after = await t.api('GET', '/api/parent/cabinet', { cookie });
    expect(after.body.children).toHaveLength(1);
    expect(after.body.children[0].missing.map((m: { step: string }) => m.step)).toEqual(['consent', 'tested']);
    const notes = await t.api('GET', '/api/notifications', { cookie });
    expect(notes.body.notifications[0]).toMatchObject({ kind: 'child_registered' });
    await t.waitForMail(citizen.email, /Ребёнок зарегистрировался/);

    const reuse = await t.api('POST', '/api/registration/participant', { body: await participantInput(t, { invitationToken: token }) });
    expect(reuse.status).toBe(410);
  });

  it('lets a parent give, see and withdraw consents for a linked child only', async () => {
    const parent = await confirmedParent(t);
    const created = await t.api('POST', '/api/parent/children', {
      cookie: parent.cookie,
      body: { ...(await participantInput(t)), acceptTerms: undefined, password: 'мой-пароль-для-сына' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const childId = created.body.childId as string;
    const version = (await t.api('GET', '/api/consents/texts')).body.texts[0].version as string;

    const outdated = await t.api('POST', `/api/parent/children/${childId}/consents`, { cookie: parent.cookie, body: { kind: 'photo_video', textVersion: '1999-01' } });
    expect(outdated.status).toBe(409);
    expect((await t.api('POST', `/api/parent/children/${childId}/consents`, { cookie: parent.cookie, body: { kind: 'photo_video', textVersion: version } })).status).toBe(201);
    let child = (await t.api('GET', '/api/parent/cabinet', { cookie: parent.cookie })).body.children[0];
    expect(child.consents.photo_video).not.toBeNull();

    expect((await t.api('POST', `/api/parent/children/${childId}/consents/photo_video/withdraw`, { cookie: parent.cookie })).status).toBe(200);
    child = (await t.api('GET', '/api/parent/cabinet', { cookie: parent.cookie })).body.children[0];
    expect(child.consents.photo_video).toBeNull();
    expect((await t.api('POST', `/api/parent/children/${childId}/consents/photo_video/withdraw`, { cookie: parent.cookie })).status).toBe(409);

    const stranger = await confirmedParent(t);
    const foreign = await t.api('POST', `/api/parent/children/${childId}/consents`, { cookie: stranger.cookie, body: { kind: 'pd_processing', textVersion: version } });
    expect(foreign.status).toBe(404);
    expect((await t.api('GET', `/api/parent/children/${childId}/personal-data`, { cookie: stranger.cookie })).status).toBe(404);
  });

  it('creates an under-14 child with a sign-in link, and refuses from 14', async () => {
    const parent = await confirmedParent(t);
    const childEmail = uniqueEmail('small');
    const body = { ...(await participantInput(t, { email: childEmail, birthDate: birthDateForAge(11), grade: 6 })), acceptTerms: undefined, password: undefined };
    const created = await t.api('POST', '/api/parent/children', { cookie: parent.cookie, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.signInLinkSent).toBe(true);

    const mail = await t.waitForMail(childEmail, /кабинет/);
    const token = linkFrom(mail.text, '/password/new').searchParams.get('token');
    expect((await t.api('POST', '/api/auth/password', { body: { token, password: 'котики-и-ракеты' } })).status).toBe(200);
    const signIn = await t.api('POST', '/api/auth/sign-in', { body: { email: childEmail, password: 'котики-и-ракеты' } });
    expect(signIn.status).toBe(200);
    const cabinet = await t.api('GET', '/api/participant/cabinet', { cookie: `bilet_sid=${signIn.cookies.bilet_sid}` });
    expect(cabinet.body.missing.map((m: { step: string }) => m.step)).toEqual(['consent', 'tested']);

    const older = { ...(await participantInput(t, { birthDate: birthDateForAge(15), grade: 9 })), acceptTerms: undefined };
    const refused = await t.api('POST', '/api/parent/children', { cookie: parent.cookie, body: older });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.birthDate).toMatch(/14/);
  });

  it('resends, revokes and renews invitations, and keeps others\u2019 invitations out of reach', async () => {
    const parent = await confirmedParent(t);
    const email = uniqueEmail('kid');
    const sent = await t.api('POST', '/api/parent/invitations', { cookie: parent.cookie, body: { email } });
    const firstToken = linkFrom((await t.waitForMail(email, /Приглашение/)).text, '/register').searchParams.get('invitation')!;

    const resent = await t.api('POST', `/api/invitations/${sent.body.id}/resend`, { cookie: parent.cookie });
    expect(resent.body.sentCount).toBe(2);
    expect((await t.api('GET', `/api/invitations/by-token/${firstToken}`)).status).toBe(404);

    const other = await confirmedParent(t);
    expect((await t.api('POST', `/api/invitations/${sent.body.id}/revoke`, { cookie: other.cookie })).status).toBe(404);

    await t.database.db.update(invitations).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(invitations.id, sent.body.id));
    const listed = await t.api('GET', '/api/invitations', { cookie: parent.cookie });
    expect(listed.body.invitations[0].status).toBe('expired');

    const latest = (await t.waitForMail(email, /Приглашение/, { count: 2 })).text;
    const expiredToken = linkFrom(latest, '/register').searchParams.get('invitation')!;
    expect((await t.api('GET', `/api/invitations/by-token/${expiredToken}`)).body.state).toBe('expired');
    const usedExpired = await t.api('POST', '/api/registration/participant', { body: await participantInput(t, { invitationToken: expiredToken }) });
    expect(usedExpired.status).toBe(410);
    expect(usedExpired.body.error.message).toMatch(/Срок приглашения истёк/);
    expect((await t.api('POST', `/api/invitations/by-token/${expiredToken}/renew`)).status).toBe(200);
    const renewedToken = linkFrom((await t.waitForMail(email, /Приглашение/, { count: 3 })).text, '/register').searchParams.get('invitation')!;
    expect((await t.api('GET', `/api/invitations/by-token/${renewedToken}`)).body.state).toBe('valid');

    expect((await t.api('POST', `/api/invitations/${sent.body.id}/revoke`, { cookie: parent.cookie })).status).toBe(200);
    const revoked = await t.api('POST', `/api/invitations/${sent.body.id}/resend`, { cookie: parent.cookie });
    expect(revoked.status).toBe(409);
  });

  it('sends ESIA sign-ins with missing claims to a clear error page and creates nobody', async () => {
    const countParents = async () => (await t.rows<{ n: number }>(sql`select count(*)::int as n from parent_profiles`))[0]!.n;
    const before = await countParents();
    const noSnils = await signInThroughEsia(t, { ...newCitizen(), snils: '' });
    expect(noSnils.landedOn.pathname).toBe('/esia/error');
    expect(noSnils.landedOn.searchParams.get('reason')).toBe('no_snils');
    expect(noSnils.cookie).toBeNull();
    const noEmail = await signInThroughEsia(t, { ...newCitizen(), email: '' });
    expect(noEmail.landedOn.searchParams.get('reason')).toBe('no_email');
    const badSnils = await signInThroughEsia(t, { ...newCitizen(), snils: '12345678900' });
    expect(badSnils.landedOn.searchParams.get('reason')).toBe('bad_snils');
    expect(await countParents()).toBe(before);
  });

  it('recognises a returning parent by the ESIA identity and skips the confirmation', async () => {
    const citizen = newCitizen();
    await confirmedParent(t, citizen);
    const again = await signInThroughEsia(t, citizen, '/parent');
    expect(again.landedOn.pathname).toBe('/parent');
  });
});
