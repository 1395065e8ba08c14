import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { birthDateForAge, confirmedParent, participantInput, registerPupil, validSnils, type Pupil } from '@server/test/factories.js';
import { createSchool, createStaff, regionByCode, type Place, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { childIdentityKey } from '../registration.service.js';

let t: TestApp;
let place: Place;
let schoolId: string;
let secondSchoolId: string;
let farSchoolId: string;
let school: StaffMember;
let otherSchool: StaffMember;

beforeAll(async () => {
  t = await startTestApp();
  place = await regionByCode(t, '43');
  schoolId = (await createSchool(t, place)).id;
  secondSchoolId = (await createSchool(t, place)).id;
  farSchoolId = (await createSchool(t, await regionByCode(t, '16'))).id;
  school = await createStaff(t, 'school', { regionId: place.regionId, schoolId });
  otherSchool = await createStaff(t, 'school', { regionId: place.regionId, schoolId: secondSchoolId });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const pupilAtSchool = (overrides: Record<string, unknown> = {}) =>
  registerPupil(t, { regionId: place.regionId, cityId: place.cityId, schoolId, schoolName: undefined, ...overrides });

const ask = (cookie: string, pupilId: string, body: Record<string, unknown>) => t.api('POST', `/api/pupils/${pupilId}/corrections`, { cookie, body });
const queue = (member: StaffMember, status = 'pending') => t.api('GET', `/api/staff/corrections?status=${status}`, { cookie: member.cookie });

interface Stored {
  last_name: string;
  first_name: string;
  middle_name: string | null;
  birth_date: string;
  school_id: string | null;
  identity_bidx: string;
  snils_enc: string;
}

async function stored(id: string): Promise<Stored> {
  const [row] = await t.rows<Stored>(
    sql`select a.last_name, a.first_name, a.middle_name, a.birth_date::text as birth_date, pp.school_id, pp.identity_bidx, pp.snils_enc
      from accounts a join participant_profiles pp on pp.account_id = a.id where a.id = ${id}`,
  );
  return row!;
}

async function requestsOf(id: string): Promise<number> {
  const [row] = await t.rows<{ n: number }>(sql`select count(*)::int as n from correction_requests where participant_id = ${id}`);
  return row!.n;
}

describe('a pupil asks to correct its data and the school decides', () => {
  it('confirms: the data and the blind index change, everything is audited, the pupil is told', async () => {
    const pupil = await pupilAtSchool();
    const newBirth = birthDateForAge(12);
    const asked = await ask(pupil.cookie, pupil.accountId, { lastName: 'Корректова', birthDate: newBirth, comment: 'Ошиблись при регистрации' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect((await ask(pupil.cookie, pupil.accountId, { firstName: 'Анна' })).status).toBe(409);

    const pending = await queue(school);
    expect(pending.status).toBe(200);
    const item = pending.body.items.find((i: { id: string }) => i.id === asked.body.id);
    expect(item).toMatchObject({ status: 'pending', requested: { lastName: 'Корректова', birthDate: newBirth }, requestedBy: { role: 'participant' } });
    expect((await queue(otherSchool)).body.items.map((i: { id: string }) => i.id)).not.toContain(asked.body.id);
    expect((await t.api('POST', `/api/staff/corrections/${asked.body.id}/confirm`, { cookie: otherSchool.cookie })).status).toBe(404);

    const before = await stored(pupil.accountId);
    const confirmed = await t.api('POST', `/api/staff/corrections/${asked.body.id}/confirm`, { cookie: school.cookie });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    const after = await stored(pupil.accountId);
    expect(after).toMatchObject({ last_name: 'Корректова', birth_date: newBirth, first_name: before.first_name });
    const snils = t.app.ctx.pd.decrypt(after.snils_enc);
    expect(after.identity_bidx).toBe(
      childIdentityKey(t.app.ctx, { lastName: 'Корректова', firstName: after.first_name, middleName: after.middle_name ?? undefined, birthDate: newBirth, snils }),
    );
    expect(after.identity_bidx).not.toBe(before.identity_bidx);

    const actions = await t.rows<{ action: string }>(sql`select action from audit_log where subject_id = ${pupil.accountId} and action like 'pd.correction%' order by id`);
    expect(actions.map((a) => a.action)).toEqual(['pd.correction_requested', 'pd.correction_confirmed']);
    const notices = await t.rows<{ title: string }>(sql`select title from notifications where account_id = ${pupil.accountId} and kind = 'pd.correction_decided'`);
    expect(notices).toHaveLength(1);
    const mine = await t.api('GET', `/api/pupils/${pupil.accountId}/corrections`, { cookie: pupil.cookie });
    expect(mine.body.items[0]).toMatchObject({ id: asked.body.id, status: 'confirmed' });

    expect((await t.api('POST', `/api/staff/corrections/${asked.body.id}/confirm`, { cookie: school.cookie })).status).toBe(409);
  });

  it('lets a parent move its child to another school of the region; the school refuses another request with a reason', async () => {
    const parent = await confirmedParent(t);
    const { acceptTerms: _a, ...child } = await participantInput(t, { ...place, schoolId, schoolName: undefined, birthDate: birthDateForAge(12), grade: 6 });
    const created = await t.api('POST', '/api/parent/children', { cookie: parent.cookie, body: child });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const childId = created.body.childId as string;

    const moved = await ask(parent.cookie, childId, { schoolId: secondSchoolId });
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    expect((await t.api('POST', `/api/staff/corrections/${moved.body.id}/confirm`, { cookie: school.cookie })).status).toBe(200);
    expect((await stored(childId)).school_id).toBe(secondSchoolId);
    const sessionOfParent = await t.api('GET', '/api/auth/session', { cookie: parent.cookie });
    const [notice] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from notifications where account_id = ${sessionOfParent.body.account.id} and kind = 'pd.correction_decided'`,
    );
    expect(notice!.n).toBe(1);

    // The child's school is now the second one, and it decides.
    const renamed = await ask(parent.cookie, childId, { firstName: 'Ефросинья' });
    expect(renamed.status).toBe(201);
    const short = await t.api('POST', `/api/staff/corrections/${renamed.body.id}/refuse`, { cookie: otherSchool.cookie, body: { reason: 'нет' } });
    expect(short.status).toBe(400);
    const refused = await t.api('POST', `/api/staff/corrections/${renamed.body.id}/refuse`, {
      cookie: otherSchool.cookie,
      body: { reason: 'В свидетельстве о рождении указано другое имя — принесите документ в школу' },
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', refusalReason: expect.stringContaining('свидетельстве') });
    expect((await stored(childId)).first_name).toBe(child.firstName);
    expect((await t.api('POST', `/api/staff/corrections/${renamed.body.id}/confirm`, { cookie: otherSchool.cookie })).status).toBe(409);
    const history = await t.api('GET', `/api/pupils/${childId}/corrections`, { cookie: parent.cookie });
    expect(history.body.items.map((i: { status: string }) => i.status)).toEqual(['refused', 'confirmed']);
  });

  it('refuses a correction that would make the pupil another existing child, changing nothing', async () => {
    const snils = validSnils();
    const common = { lastName: 'Двойников', firstName: 'Пётр', middleName: 'Ильич', snils };
    const first = await pupilAtSchool({ ...common, birthDate: birthDateForAge(12), grade: 6 });
    await pupilAtSchool({ ...common, birthDate: birthDateForAge(13), grade: 7 });
    const before = await stored(first.accountId);

    const asked = await ask(first.cookie, first.accountId, { birthDate: birthDateForAge(13) });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const confirmed = await t.api('POST', `/api/staff/corrections/${asked.body.id}/confirm`, { cookie: school.cookie });
    expect(confirmed.status).toBe(409);
    expect(confirmed.body.error.message).toMatch(/один ребёнок может иметь только один профиль/);
    expect(await stored(first.accountId)).toEqual(before);
    expect((await queue(school)).body.items.map((i: { id: string }) => i.id)).toContain(asked.body.id);
  });

  it('takes a pupil frozen for erasure out of the school\'s queue, and nothing about it can be decided', async () => {
    const pupil = await pupilAtSchool();
    const asked = await ask(pupil.cookie, pupil.accountId, { firstName: 'Замороженный' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    await t.rows(sql`update accounts set status = 'disabled' where id = ${pupil.accountId} returning 1`);
    expect((await queue(school)).body.items.map((i: { id: string }) => i.id)).not.toContain(asked.body.id);
    expect((await t.api('POST', `/api/staff/corrections/${asked.body.id}/confirm`, { cookie: school.cookie })).status).toBe(404);
    expect((await stored(pupil.accountId)).first_name).not.toBe('Замороженный');
  });

  it('answers bad input with a 4xx and keeps nothing', async () => {
    const pupil: Pupil = await pupilAtSchool();
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const cases: Array<[Record<string, unknown>, number]> = [
      [{}, 400],
      [{ birthDate: tomorrow }, 400],
      [{ birthDate: birthDateForAge(25) }, 400],
      [{ birthDate: '2013-02-30' }, 400],
      [{ schoolId: farSchoolId }, 400],
      [{ lastName: '<script>' }, 400],
      [{ schoolId: schoolId }, 400],
      [{ nickname: 'Петя' }, 400],
    ];
    for (const [body, status] of cases) {
      const res = await ask(pupil.cookie, pupil.accountId, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(typeof res.body.error.message).toBe('string');
    }
    const stranger = await pupilAtSchool();
    expect((await ask(stranger.cookie, pupil.accountId, { firstName: 'Чужой' })).status).toBe(404);
    const parent = await confirmedParent(t);
    expect((await ask(parent.cookie, pupil.accountId, { firstName: 'Чужой' })).status).toBe(404);
    expect((await t.api('GET', `/api/pupils/${pupil.accountId}/corrections`, { cookie: parent.cookie })).status).toBe(404);
    expect(await requestsOf(pupil.accountId)).toBe(0);
    expect((await t.api('POST', `/api/staff/corrections/${crypto.randomUUID()}/refuse`, { cookie: school.cookie, body: { reason: 'Не подтверждено документом' } })).status).toBe(404);
  });
});
