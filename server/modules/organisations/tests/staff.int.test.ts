import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkFrom, startTestApp, type TestApp } from '@server/test/test-app.js';
import { createSchool, createStaff, createVenue, regionByCode, type Place, type StaffMember } from '@server/test/staff-factories.js';
import { uniqueEmail } from '@server/test/factories.js';

const person = (over: Record<string, unknown> = {}): Record<string, unknown> & { email: string } => ({ lastName: 'Егорова', firstName: 'Мария', middleName: 'Петровна', email: uniqueEmail('staff'), ...over });

describe('staff: invitations, scoped lists, removal, profiles', () => {
  let t: TestApp;
  let kirov: Place;
  let issuer: StaffMember;
  let schoolStaff: StaffMember;
  let otherSchoolStaff: StaffMember;
  let venueStaff: StaffMember;
  let schoolId: string;
  let venueId: string;

  beforeAll(async () => {
    t = await startTestApp();
    kirov = await regionByCode(t, '43');
    issuer = await createStaff(t, 'issuer_admin');
    const school = await createSchool(t, kirov);
    schoolId = school.id;
    schoolStaff = await createStaff(t, 'school', { regionId: kirov.regionId, schoolId });
    otherSchoolStaff = await createStaff(t, 'school', { regionId: kirov.regionId, schoolId: (await createSchool(t, kirov)).id });
    const venue = await createVenue(t, kirov);
    venueId = venue.id;
    venueStaff = await createStaff(t, 'venue', { regionId: kirov.regionId, venueId: venue.id });
  });
  afterAll(() => t.close());

  it('the issuer appoints a coordinator, who accepts and must set up a second factor first', async () => {
    const body = person({ role: 'regional_coordinator', regionId: kirov.regionId });
    const res = await t.api('POST', '/api/staff', { cookie: issuer.cookie, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const mail = await t.waitForMail(body.email, /Приглашение в платформу/);
    expect(mail.text).toContain('Кировская');
    const token = linkFrom(mail.text, '/staff-invitation').searchParams.get('token');
    const accepted = await t.api('POST', '/api/staff-invitations/accept', { body: { token, password: 'координатор-вятки-2026' } });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const cookie = `bilet_sid=${accepted.cookies.bilet_sid}`;
    const session = await t.api('GET', '/api/auth/session', { cookie });
    expect(session.body.account).toMatchObject({ role: 'regional_coordinator', gate: 'totp_setup', regionId: kirov.regionId });
    const blocked = await t.api('GET', '/api/organisations', { cookie });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('second_factor_setup_required');
  });

  it('refuses a coordinator without a region and roles the inviter may not give', async () => {
    const noRegion = await t.api('POST', '/api/staff', { cookie: issuer.cookie, body: person({ role: 'regional_coordinator' }) });
    expect(noRegion.status).toBe(400);
    expect(noRegion.body.error.fields.regionId).toBeTruthy();
    const mentorBySchool = await t.api('POST', '/api/staff', { cookie: schoolStaff.cookie, body: person({ role: 'mentor' }) });
    expect(mentorBySchool.status).toBe(400);
    const coordinatorBySchool = await t.api('POST', '/api/staff', { cookie: schoolStaff.cookie, body: person({ role: 'regional_coordinator', regionId: kirov.regionId }) });
    expect(coordinatorBySchool.status).toBe(400);
    const taken = await t.api('POST', '/api/staff', { cookie: schoolStaff.cookie, body: person({ role: 'navigator', email: venueStaff.email }) });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields.email).toBeTruthy();
  });

  it('a school invites a navigator, sees only its own staff, resends and closes access', async () => {
    const body = person({ role: 'navigator', position: 'Классный руководитель 8 «Б»' });
    const res = await t.api('POST', '/api/staff', { cookie: schoolStaff.cookie, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const own = await t.api('GET', '/api/staff?role=navigator', { cookie: schoolStaff.cookie });
    expect(own.body.items).toEqual([expect.objectContaining({ id: res.body.id, status: 'pending', position: 'Классный руководитель 8 «Б»' })]);
    const other = await t.api('GET', '/api/staff', { cookie: otherSchoolStaff.cookie });
    expect(other.body.items.map((s: { id: string }) => s.id)).not.toContain(res.body.id);

    expect((await t.api('POST', `/api/staff/${res.body.id}/invitation`, { cookie: otherSchoolStaff.cookie })).status).toBe(404);
    expect((await t.api('POST', `/api/staff/${res.body.id}/invitation`, { cookie: schoolStaff.cookie })).status).toBe(200);
    await t.waitForMail(body.email, /Приглашение в платформу/, { count: 2 });

    expect((await t.api('DELETE', `/api/staff/${res.body.id}`, { cookie: otherSchoolStaff.cookie })).status).toBe(404);
    expect((await t.api('DELETE', `/api/staff/${res.body.id}`, { cookie: schoolStaff.cookie })).status).toBe(200);
    expect((await t.api('DELETE', `/api/staff/${res.body.id}`, { cookie: schoolStaff.cookie })).status).toBe(409);
    expect((await t.api('DELETE', `/api/staff/${schoolStaff.accountId}`, { cookie: schoolStaff.cookie })).status).toBe(404);
    const [row] = await t.rows<{ status: string }>(sql`select status from accounts where id = ${res.body.id}`);
    expect(row!.status).toBe('disabled');
  });

  it('closing access ends the member’s sessions at once', async () => {
    const navigator = await createStaff(t, 'navigator', { regionId: kirov.regionId, schoolId });
    expect((await t.api('GET', '/api/staff/me', { cookie: navigator.cookie })).status).toBe(200);
    expect((await t.api('DELETE', `/api/staff/${navigator.accountId}`, { cookie: schoolStaff.cookie })).status).toBe(200);
    expect((await t.api('GET', '/api/staff/me', { cookie: navigator.cookie })).status).toBe(401);
  });

  it('a venue invites a mentor with competencies and changes them later', async () => {
    const ref = await t.api('GET', '/api/reference/competencies');
    const ids = ref.body.spheres.flatMap((s: { competencies: Array<{ id: number }> }) => s.competencies.map((c) => c.id));
    const res = await t.api('POST', '/api/staff', { cookie: venueStaff.cookie, body: person({ role: 'mentor', competencyIds: ids.slice(0, 2) }) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const upd = await t.api('PATCH', `/api/staff/${res.body.id}`, { cookie: venueStaff.cookie, body: { competencyIds: [ids[5]], position: 'Мастер производственного обучения' } });
    expect(upd.status).toBe(200);
    const list = await t.api('GET', '/api/staff?role=mentor', { cookie: venueStaff.cookie });
    expect(list.body.items[0]).toMatchObject({ position: 'Мастер производственного обучения', competencies: [expect.any(String)] });
    const unknown = await t.api('PATCH', `/api/staff/${res.body.id}`, { cookie: venueStaff.cookie, body: { competencyIds: [999_999] } });
    expect(unknown.status).toBe(400);
    const navigatorCompetencies = await t.api('POST', '/api/staff', { cookie: schoolStaff.cookie, body: person({ role: 'navigator', competencyIds: ids.slice(0, 1) }) });
    expect(navigatorCompetencies.status).toBe(400);
  });

  it('every staff member keeps its own profile', async () => {
    const mentor = await createStaff(t, 'mentor', { regionId: kirov.regionId, venueId });
    const res = await t.api('PATCH', '/api/staff/me', { cookie: mentor.cookie, body: { phone: '+7 912 000-00-01', about: 'Токарь шестого разряда, 20 лет на заводе' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const me = await t.api('GET', '/api/staff/me', { cookie: mentor.cookie });
    expect(me.body).toMatchObject({ role: 'mentor', phone: '+79120000001', about: 'Токарь шестого разряда, 20 лет на заводе', organisation: { kind: 'venue' } });
    const badPhone = await t.api('PATCH', '/api/staff/me', { cookie: mentor.cookie, body: { phone: '12' } });
    expect(badPhone.status).toBe(400);
    const schoolCompetencies = await t.api('PATCH', '/api/staff/me', { cookie: schoolStaff.cookie, body: { competencyIds: [1] } });
    expect(schoolCompetencies.status).toBe(400);
  });
});
