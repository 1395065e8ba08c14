import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { CONSENT_TEXTS } from '@common/consents.js';
import { birthDateForAge, confirmedParent, participantInput, registerPupil, uniqueEmail, validSnils } from '@server/test/factories.js';
import { createSchool, createStaff, regionByCode, type Place, type StaffMember } from '@server/test/staff-factories.js';
import { linkFrom, startTestApp, type TestApp } from '@server/test/test-app.js';

let t: TestApp;
let placeA: Place;
let placeB: Place;
let schoolA: { id: string; name: string };
let schoolA2: { id: string; name: string };
let schoolB: { id: string; name: string };
let staffA: StaffMember;
let staffA2: StaffMember;
let staffB: StaffMember;
let navA: StaffMember;
let nav2A: StaffMember;
let navB: StaffMember;
let coordA: StaffMember;
let coordB: StaffMember;
let issuer: StaffMember;
let venue: StaffMember;

beforeAll(async () => {
  t = await startTestApp();
  placeA = await regionByCode(t, '43');
  placeB = await regionByCode(t, '16');
  schoolA = await createSchool(t, placeA);
  schoolA2 = await createSchool(t, placeA);
  schoolB = await createSchool(t, placeB);
  staffA = await createStaff(t, 'school', { regionId: placeA.regionId, schoolId: schoolA.id });
  staffA2 = await createStaff(t, 'school', { regionId: placeA.regionId, schoolId: schoolA2.id });
  staffB = await createStaff(t, 'school', { regionId: placeB.regionId, schoolId: schoolB.id });
  navA = await createStaff(t, 'navigator', { regionId: placeA.regionId, schoolId: schoolA.id });
  nav2A = await createStaff(t, 'navigator', { regionId: placeA.regionId, schoolId: schoolA.id });
  navB = await createStaff(t, 'navigator', { regionId: placeB.regionId, schoolId: schoolB.id });
  coordA = await createStaff(t, 'regional_coordinator', { regionId: placeA.regionId });
  coordB = await createStaff(t, 'regional_coordinator', { regionId: placeB.regionId });
  issuer = await createStaff(t, 'issuer_admin');
  venue = await createStaff(t, 'venue', { regionId: placeA.regionId });
}, 120_000);
afterAll(() => t.close());

function pupilBody(overrides: Record<string, unknown> = {}) {
  return {
    lastName: 'Григорьева',
    firstName: 'Алиса',
    middleName: 'Павловна',
    birthDate: birthDateForAge(12),
    grade: 6,
    snils: validSnils(),
    email: uniqueEmail('school-pupil'),
    ...overrides,
  };
}

async function register(staff: StaffMember, overrides: Record<string, unknown> = {}) {
  const body = pupilBody(overrides);
  const res = await t.api('POST', '/api/participants', { cookie: staff.cookie, body });
  return { res, body };
}

async function registered(staff: StaffMember, overrides: Record<string, unknown> = {}): Promise<string> {
  const { res } = await register(staff, overrides);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await t.rows<{ n: number }>(query);
  return Number(row!.n);
}

const list = (staff: StaffMember, query = '') => t.api('GET', `/api/participants?pageSize=100${query}`, { cookie: staff.cookie });
const ids = (body: { items: Array<{ id: string }> }) => body.items.map((i) => i.id).sort();

describe('a school registers a pupil', () => {
  it('creates a pending account without a password and mails a link to choose one', async () => {
    const { res, body } = await register(staffA);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.outcome).toBe('created');
    const [row] = await t.rows<Record<string, unknown>>(sql`select a.status, a.password_hash, pp.school_id, pp.region_id, pp.city_id, pp.grade
      from accounts a join participant_profiles pp on pp.account_id = a.id where a.id = ${res.body.id}`);
    expect(row).toEqual({ status: 'pending', password_hash: null, school_id: schoolA.id, region_id: placeA.regionId, city_id: placeA.cityId, grade: 6 });
    expect(await count(sql`select count(*) as n from audit_log where action = 'participant.registered_by_school' and subject_id = ${res.body.id}`)).toBe(1);

    const mail = await t.waitForMail(body.email, /кабинет в «Билете в будущее» готов/);
    expect(mail.text).toContain(schoolA.name);
    const link = linkFrom(mail.text, '/password/new');
    expect(link.searchParams.get('welcome')).toBe('1');
    const set = await t.api('POST', '/api/auth/password', { body: { token: link.searchParams.get('token'), password: 'школьный-пароль-2026' } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const signIn = await t.api('POST', '/api/auth/sign-in', { body: { email: body.email, password: 'школьный-пароль-2026' } });
    expect(signIn.status).toBe(200);
    const detail = await t.api('GET', `/api/participants/${res.body.id}`, { cookie: staffA.cookie });
    expect(detail.body.activated).toBe(true);
  });

  it('stores the document and ОВЗ flag encrypted; only the school unmasks them, and each view is audited', async () => {
    const { res, body } = await register(staffA, { document: { documentType: 'birth_certificate', documentNumber: 'iv-мю 123456' }, hasOvz: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.id as string;
    const [stored] = await t.rows<{ snils_enc: string; document_number_enc: string }>(
      sql`select snils_enc, document_number_enc from participant_profiles where account_id = ${id}`,
    );
    expect(stored!.snils_enc).not.toContain(body.snils);
    expect(stored!.document_number_enc).not.toContain('123456');

    const pd = await t.api('GET', `/api/participants/${id}/personal-data`, { cookie: staffA.cookie });
    expect(pd.status).toBe(200);
    expect(pd.body).toEqual({
      snils: `${body.snils.slice(0, 3)}-${body.snils.slice(3, 6)}-${body.snils.slice(6, 9)} ${body.snils.slice(9)}`,
      document: { type: 'birth_certificate', number: 'IV-МЮ 123456' },
      hasOvz: true,
      ovzDetails: null,
      ovzWithheld: false,
      representatives: [],
    });
    expect(await count(sql`select count(*) as n from audit_log where action = 'pd.viewed' and subject_id = ${id} and actor_id = ${staffA.accountId}`)).toBe(1);

    expect((await t.api('GET', `/api/participants/${id}/personal-data`, { cookie: staffA2.cookie })).status).toBe(404);
    expect((await t.api('GET', `/api/participants/${id}/personal-data`, { cookie: staffB.cookie })).status).toBe(404);
    for (const other of [coordA, issuer, navA]) {
      expect((await t.api('GET', `/api/participants/${id}/personal-data`, { cookie: other.cookie })).status).toBe(403);
    }
    expect(await count(sql`select count(*) as n from audit_log where action = 'pd.viewed' and subject_id = ${id}`)).toBe(1);

    const masked = await t.api('GET', `/api/participants/${id}`, { cookie: coordA.cookie });
    expect(masked.body.snilsMasked).toBe(`***-***-*** ${body.snils.slice(9)}`);
    expect(JSON.stringify(masked.body)).not.toContain(body.snils.slice(0, 9));
  });

  it('finds a child who registered alone instead of duplicating it, and refuses a second school without naming the first', async () => {
    const input = await participantInput(t, { schoolName: 'Школа, которой нет в списке' });
    const pupil = await registerPupil(t, input);
    const same = { lastName: input.lastName, firstName: input.firstName, middleName: input.middleName, birthDate: input.birthDate, snils: input.snils };

    const matched = await register(staffA, { ...same, lastName: input.lastName.toUpperCase(), grade: 8, email: uniqueEmail('other') });
    expect(matched.res.status, JSON.stringify(matched.res.body)).toBe(200);
    expect(matched.res.body).toEqual({ id: pupil.accountId, outcome: 'matched' });
    const [profile] = await t.rows<Record<string, unknown>>(
      sql`select school_id, school_name_typed, region_id, grade from participant_profiles where account_id = ${pupil.accountId}`,
    );
    expect(profile).toEqual({ school_id: schoolA.id, school_name_typed: null, region_id: placeA.regionId, grade: 8 });
    expect(await count(sql`select count(*) as n from accounts where email = ${matched.body.email}`)).toBe(0);
    expect(await count(sql`select count(*) as n from audit_log where action = 'participant.matched_by_school' and subject_id = ${pupil.accountId}`)).toBe(1);

    const again = await register(staffA, same);
    expect(again.res.status).toBe(200);
    expect(again.res.body).toEqual({ id: pupil.accountId, outcome: 'matched' });

    const elsewhere = await register(staffA2, same);
    expect(elsewhere.res.status).toBe(409);
    expect(elsewhere.res.body.error.code).toBe('child_in_other_school');
    expect(elsewhere.res.body.error.message).not.toContain(schoolA.name);
    expect(await count(sql`select count(*) as n from participant_profiles where school_id = ${schoolA2.id}`)).toBe(0);
  });

  it('refuses an e-mail another person uses, next to the field', async () => {
    const { res } = await register(staffA, { email: navA.email.toUpperCase() });
    expect(res.status).toBe(409);
    expect(res.body.error.fields.email).toMatch(/другой пользователь/);
  });

  it('checks the form with the registration rules, field by field', async () => {
    const bad = await register(staffA, { snils: '123-456-789 00', grade: 5, email: 'нет', regionId: 1 });
    expect(bad.res.status).toBe(400);
    expect(Object.keys(bad.res.body.error.fields).sort()).toEqual(['email', 'grade', 'regionId', 'snils']);
    const document = await register(staffA, { birthDate: birthDateForAge(15), document: { documentType: 'birth_certificate', documentNumber: 'IV-МЮ 123456' } });
    expect(document.res.status).toBe(400);
    expect(document.res.body.error.fields['document.documentType']).toBe('С 14 лет документ — паспорт гражданина РФ');
  });

  it('is for schools only', async () => {
    for (const other of [navA, coordA, issuer, venue]) expect((await register(other)).res.status).toBe(403);
  });
});

describe('participant lists and cards', () => {
  let a1: string;
  let a2: string;
  let neighbour: string;
  let b1: string;
  let family: string;

  beforeAll(async () => {
    a1 = await registered(staffA, { lastName: 'Абрамова', grade: 7 });
    a2 = await registered(staffA, { lastName: 'Яковлев', firstName: 'Денис', grade: 9, birthDate: birthDateForAge(15) });
    neighbour = await registered(staffA2, { lastName: 'Соседова' });
    b1 = await registered(staffB, { lastName: 'Казанский' });
    // A pupil whose parent created the cabinet and consented: linked, consent given.
    const parent = await confirmedParent(t);
    const { acceptTerms: _a, schoolName: _s, ...child } = await participantInput(t, { ...placeA, schoolId: schoolA.id, schoolName: undefined, birthDate: birthDateForAge(12) });
    const created = await t.api('POST', '/api/parent/children', { cookie: parent.cookie, body: { ...child, lastName: 'Семейная' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    family = created.body.childId;
    const consent = await t.api('POST', `/api/parent/children/${family}/consents`, {
      cookie: parent.cookie,
      body: { kind: 'pd_processing', textVersion: CONSENT_TEXTS.pd_processing.version },
    });
    expect(consent.status).toBe(201);
  });

  it('shows each staff member exactly its own part', async () => {
    const school = (await list(staffA)).body;
    expect(ids(school)).toEqual(expect.arrayContaining([a1, a2, family]));
    expect(ids(school)).not.toContain(neighbour);
    expect(ids(school)).not.toContain(b1);
    expect(school.items.every((i: { school: { id: string } }) => i.school.id === schoolA.id)).toBe(true);

    const region = ids((await list(coordA)).body);
    expect(region).toEqual(expect.arrayContaining([a1, neighbour, family]));
    expect(region).not.toContain(b1);
    expect(ids((await list(coordB)).body)).toEqual([b1]);
    expect(ids((await list(issuer)).body)).toEqual(expect.arrayContaining([a1, neighbour, b1]));
    expect((await list(navA)).body.total).toBe(0);
    expect((await list(venue)).status).toBe(403);
  });

  it('answers 404 for a pupil outside the caller’s scope', async () => {
    expect((await t.api('GET', `/api/participants/${a1}`, { cookie: staffA.cookie })).status).toBe(200);
    expect((await t.api('GET', `/api/participants/${neighbour}`, { cookie: staffA.cookie })).status).toBe(404);
    expect((await t.api('GET', `/api/participants/${neighbour}`, { cookie: coordA.cookie })).status).toBe(200);
    expect((await t.api('GET', `/api/participants/${a1}`, { cookie: coordB.cookie })).status).toBe(404);
    expect((await t.api('GET', `/api/participants/${b1}`, { cookie: issuer.cookie })).status).toBe(200);
    expect((await t.api('GET', `/api/participants/${a1}`, { cookie: navA.cookie })).status).toBe(404);
    expect((await t.api('GET', '/api/participants/not-a-uuid', { cookie: staffA.cookie })).status).toBe(400);
  });

  it('gives each row its statuses and a masked SNILS', async () => {
    const items = (await list(staffA)).body.items as Array<Record<string, unknown>>;
    const familyRow = items.find((i) => i.id === family)!;
    expect(familyRow).toMatchObject({ activated: true, parentLinked: true, consentGiven: true, navigator: null, school: { id: schoolA.id, name: schoolA.name } });
    expect(familyRow.snilsMasked).toMatch(/^\*\*\*-\*\*\*-\*\*\* \d{2}$/);
    expect(items.find((i) => i.id === a1)).toMatchObject({ activated: false, parentLinked: false, consentGiven: false });
    for (const item of items) expect(Object.keys(item)).not.toContain('snils_enc');
  });

  it('searches, filters, sorts and pages on the server', async () => {
    expect(ids((await list(staffA, '&q=абрам')).body)).toEqual([a1]);
    expect(ids((await list(staffA, '&q=%25')).body)).toEqual([]);
    expect(ids((await list(staffA, '&grade=9')).body)).toEqual([a2]);
    expect(ids((await list(staffA, '&status=no_parent')).body)).not.toContain(family);
    expect(ids((await list(staffA, '&status=no_consent')).body)).toContain(a1);
    expect(ids((await list(coordA, `&schoolId=${schoolA2.id}`)).body)).toEqual([neighbour]);
    const byName = (await list(staffA, '&sort=name&order=desc')).body.items as Array<{ lastName: string }>;
    expect(byName[0]!.lastName).toBe('Яковлев');
    const first = await t.api('GET', '/api/participants?pageSize=1&sort=name', { cookie: staffA.cookie });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.total).toBeGreaterThan(2);
    const second = await t.api('GET', `/api/participants?pageSize=1&sort=name&after=${first.body.nextCursor}`, { cookie: staffA.cookie });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect((await list(staffA, '&sort=snils')).status).toBe(400);
    expect((await list(staffA, '&status=lost')).status).toBe(400);
  });

  describe('assigning navigators', () => {
    const assign = (staff: StaffMember, participantIds: string[], navigatorId: string | null) =>
      t.api('POST', '/api/participants/navigator', { cookie: staff.cookie, body: { participantIds, navigatorId } });
    const navigatorOf = async (id: string) =>
      (await t.rows<{ navigator_id: string }>(sql`select navigator_id from navigator_assignments where participant_id = ${id}`))[0]?.navigator_id ?? null;

    it('assigns many pupils at once; the navigator then sees them with their statuses', async () => {
      const res = await assign(staffA, [a1, family], navA.accountId);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ assigned: 2 });
      const mine = (await list(navA)).body;
      expect(ids(mine)).toEqual([a1, family].sort());
      expect(mine.items.find((i: { id: string }) => i.id === family)).toMatchObject({ parentLinked: true, consentGiven: true });
      expect((await t.api('GET', `/api/participants/${a1}`, { cookie: navA.cookie })).status).toBe(200);
      expect((await t.api('GET', `/api/participants/${a1}`, { cookie: nav2A.cookie })).status).toBe(404);
      const school = (await list(staffA, `&navigatorId=${navA.accountId}`)).body.items as Array<{ navigator: { id: string; name: string } }>;
      expect(school).toHaveLength(2);
      expect(school[0]!.navigator).toEqual({ id: navA.accountId, name: 'Сотрудникова Елена' });
      expect(ids((await list(staffA, '&status=no_navigator')).body)).not.toContain(a1);
      expect(await count(sql`select count(*) as n from audit_log where action = 'participants.assigned' and subject_id in (${a1}, ${family})`)).toBe(2);
    });

    it('moves pupils to another navigator and unassigns them', async () => {
      expect((await assign(staffA, [a1], nav2A.accountId)).status).toBe(200);
      expect(await navigatorOf(a1)).toBe(nav2A.accountId);
      expect(ids((await list(navA)).body)).toEqual([family]);
      expect((await assign(staffA, [a1], null)).status).toBe(200);
      expect(await navigatorOf(a1)).toBeNull();
    });

    it('changes nothing when a pupil or the navigator is not the school’s', async () => {
      expect((await assign(staffA, [a2, neighbour], navA.accountId)).status).toBe(404);
      expect((await assign(staffA, [a2, b1], navA.accountId)).status).toBe(404);
      expect((await assign(staffA, [a2], navB.accountId)).status).toBe(404);
      expect((await assign(staffA, [a2], staffA.accountId)).status).toBe(404);
      expect(await navigatorOf(a2)).toBeNull();
      expect((await assign(staffB, [a2], navB.accountId)).status).toBe(404);
      expect(await navigatorOf(family)).toBe(navA.accountId);
      expect((await assign(staffA, [], navA.accountId)).status).toBe(400);
      expect((await assign(staffA, [a2, a2], navA.accountId)).status).toBe(400);
      expect((await assign(coordA, [a2], navA.accountId)).status).toBe(403);
      expect((await assign(navA, [a2], navA.accountId)).status).toBe(403);
    });
  });
});
