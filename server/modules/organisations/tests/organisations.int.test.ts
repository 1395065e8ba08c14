import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkFrom, startTestApp, type TestApp } from '@server/test/test-app.js';
import { createSchool, createStaff, createVenue, regionByCode, validInn, validOgrn, type Place, type StaffMember } from '@server/test/staff-factories.js';
import { registerPupil, uniqueEmail } from '@server/test/factories.js';

function schoolBody(place: Place, over: Record<string, unknown> = {}) {
  return {
    name: `Гимназия № ${Math.floor(Math.random() * 1e6)}`,
    inn: validInn(),
    ogrn: validOgrn(),
    cityId: place.cityId,
    address: 'г. Киров, ул. Ленина, д. 10',
    phone: '+7 833 222-33-44',
    responsible: { lastName: 'Петрова', firstName: 'Анна', middleName: 'Игоревна', email: uniqueEmail('director'), position: 'Заместитель директора' },
    ...over,
  };
}

describe('organisations: registration, cards, suspension, KPI targets', () => {
  let t: TestApp;
  let kirov: Place;
  let tatarstan: Place;
  let coordinator: StaffMember;
  let otherCoordinator: StaffMember;
  let issuer: StaffMember;
  let competencyIds: number[];

  beforeAll(async () => {
    t = await startTestApp();
    kirov = await regionByCode(t, '43');
    tatarstan = await regionByCode(t, '16');
    coordinator = await createStaff(t, 'regional_coordinator', { regionId: kirov.regionId });
    otherCoordinator = await createStaff(t, 'regional_coordinator', { regionId: tatarstan.regionId });
    issuer = await createStaff(t, 'issuer_admin');
    const ref = await t.api('GET', '/api/reference/competencies');
    competencyIds = ref.body.spheres.flatMap((s: { competencies: Array<{ id: number }> }) => s.competencies.map((c) => c.id)).slice(0, 3);
  });
  afterAll(() => t.close());

  it('registers a school, invites its responsible person, and the invitation opens the school account', async () => {
    const body = schoolBody(kirov);
    const res = await t.api('POST', '/api/schools', { cookie: coordinator.cookie, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const mail = await t.waitForMail(body.responsible.email, /Приглашение в платформу/);
    expect(mail.text).toContain(body.name);
    const token = linkFrom(mail.text, '/staff-invitation').searchParams.get('token');
    expect(token).toBeTruthy();

    const card = await t.api('GET', `/api/schools/${res.body.id}`, { cookie: coordinator.cookie });
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({ name: body.name, inn: body.inn, status: 'active', permissions: { manage: true, edit: true } });
    const listed = await t.api('GET', `/api/organisations?kind=school&q=${encodeURIComponent(body.name)}`, { cookie: coordinator.cookie });
    // ISO 8601 with a T, which every browser parses (Safari refuses Postgres's text form).
    expect(listed.body.items[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    expect(card.body.staff).toEqual([expect.objectContaining({ role: 'school', status: 'pending', email: body.responsible.email })]);

    const resent = await t.api('POST', `/api/staff/${res.body.responsibleId}/invitation`, { cookie: coordinator.cookie });
    expect(resent.status).toBe(200);
    const again = await t.waitForMail(body.responsible.email, /Приглашение в платформу/, { count: 2 });
    expect(again.text).toContain(body.name);

    const audit = await t.rows<{ action: string }>(sql`select action from audit_log where subject_id = ${res.body.id}`);
    expect(audit.map((a) => a.action)).toContain('organisation.registered');
  });

  it('registers a venue with its competencies', async () => {
    const res = await t.api('POST', '/api/venues', { cookie: coordinator.cookie, body: { ...schoolBody(kirov), name: 'Вятский колледж профессиональных технологий', competencyIds } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const card = await t.api('GET', `/api/venues/${res.body.id}`, { cookie: coordinator.cookie });
    expect(card.body.competencies.map((c: { id: number }) => c.id).sort()).toEqual([...competencyIds].sort());
  });

  it('refuses bad ИНН/ОГРН, a city of another region and duplicates, writing nothing', async () => {
    const before = await t.rows<{ n: number }>(sql`select count(*)::int as n from schools`);
    const badInn = await t.api('POST', '/api/schools', { cookie: coordinator.cookie, body: schoolBody(kirov, { inn: '7707083894' }) });
    expect(badInn.status).toBe(400);
    expect(badInn.body.error.fields.inn).toMatch(/Контрольные цифры ИНН/);
    const badOgrn = await t.api('POST', '/api/schools', { cookie: coordinator.cookie, body: schoolBody(kirov, { ogrn: '123' }) });
    expect(badOgrn.body.error.fields.ogrn).toMatch(/13 цифр/);
    const foreignCity = await t.api('POST', '/api/schools', { cookie: coordinator.cookie, body: schoolBody(kirov, { cityId: tatarstan.cityId }) });
    expect(foreignCity.status).toBe(400);
    expect(foreignCity.body.error.fields.cityId).toBeTruthy();

    const first = schoolBody(kirov);
    expect((await t.api('POST', '/api/schools', { cookie: coordinator.cookie, body: first })).status).toBe(201);
    const sameInn = await t.api('POST', '/api/schools', { cookie: coordinator.cookie, body: schoolBody(kirov, { inn: first.inn }) });
    expect(sameInn.status).toBe(409);
    expect(sameInn.body.error.fields.inn).toBeTruthy();
    const sameName = await t.api('POST', '/api/schools', { cookie: coordinator.cookie, body: schoolBody(kirov, { name: first.name.toUpperCase() }) });
    expect(sameName.status).toBe(409);
    expect(sameName.body.error.fields.name).toBeTruthy();
    const takenEmail = await t.api('POST', '/api/schools', {
      cookie: coordinator.cookie,
      body: schoolBody(kirov, { responsible: { lastName: 'Иванов', firstName: 'Пётр', email: coordinator.email } }),
    });
    expect(takenEmail.status).toBe(409);
    expect(takenEmail.body.error.fields['responsible.email']).toBeTruthy();
    const after = await t.rows<{ n: number }>(sql`select count(*)::int as n from schools`);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });

  it('keeps each coordinator inside its region and answers 404 outside it', async () => {
    const school = await createSchool(t, kirov);
    expect((await t.api('GET', `/api/schools/${school.id}`, { cookie: otherCoordinator.cookie })).status).toBe(404);
    expect((await t.api('PATCH', `/api/schools/${school.id}`, { cookie: otherCoordinator.cookie, body: { address: 'ул. Чужая, 1' } })).status).toBe(404);
    expect((await t.api('POST', `/api/schools/${school.id}/suspend`, { cookie: otherCoordinator.cookie, body: { reason: 'Проверка' } })).status).toBe(404);
    const list = await t.api('GET', '/api/organisations?kind=school&pageSize=100', { cookie: otherCoordinator.cookie });
    expect(list.body.items.map((o: { id: string }) => o.id)).not.toContain(school.id);
    const own = await t.api('GET', `/api/organisations?kind=school&q=${encodeURIComponent(school.name)}`, { cookie: coordinator.cookie });
    expect(own.body.items.map((o: { id: string }) => o.id)).toContain(school.id);
    const all = await t.api('GET', `/api/organisations?kind=school&q=${encodeURIComponent(school.name)}`, { cookie: issuer.cookie });
    expect(all.body.total).toBe(1);
  });

  it('pages, sorts and searches the list on the server', async () => {
    const place = await regionByCode(t, '29');
    const coord = await createStaff(t, 'regional_coordinator', { regionId: place.regionId });
    for (const name of ['Школа Альфа', 'Школа Бета', 'Школа Гамма']) await createSchool(t, place, name);
    const page1 = await t.api('GET', '/api/organisations?kind=school&sort=name&order=desc&pageSize=2', { cookie: coord.cookie });
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.body.items.map((o: { name: string }) => o.name)).toEqual(['Школа Гамма', 'Школа Бета']);
    const page2 = await t.api('GET', '/api/organisations?kind=school&sort=name&order=desc&pageSize=2&page=2', { cookie: coord.cookie });
    expect(page2.body.items.map((o: { name: string }) => o.name)).toEqual(['Школа Альфа']);
    const beyond = await t.api('GET', '/api/organisations?kind=school&page=9', { cookie: coord.cookie });
    expect(beyond.body).toMatchObject({ total: 3, items: [] });
    const search = await t.api('GET', `/api/organisations?kind=school&q=${encodeURIComponent('бет')}`, { cookie: coord.cookie });
    expect(search.body.items.map((o: { name: string }) => o.name)).toEqual(['Школа Бета']);
    const literal = await t.api('GET', `/api/organisations?kind=school&q=${encodeURIComponent('%')}`, { cookie: coord.cookie });
    expect(literal.body.total).toBe(0);
    const bySize = await t.api('GET', '/api/organisations?kind=school&sort=pupils&order=desc&pageSize=2', { cookie: coord.cookie });
    expect(bySize.body).toMatchObject({ total: 3, items: [expect.objectContaining({ size: 0 }), expect.objectContaining({ size: 0 })] });
    const byCity = await t.api('GET', '/api/organisations?kind=venue&sort=city', { cookie: coord.cookie });
    expect(byCity.body).toMatchObject({ total: 0, items: [] });
    const badSort = await t.api('GET', '/api/organisations?kind=school&sort=password', { cookie: coord.cookie });
    expect(badSort.status).toBe(400);
  });

  it("keeps each school's count of pupils as they join and move, and counts the region's with those of no listed school", async () => {
    const place = await regionByCode(t, '35');
    const coord = await createStaff(t, 'regional_coordinator', { regionId: place.regionId });
    const north = await createSchool(t, place, 'Школа Север');
    const south = await createSchool(t, place, 'Школа Юг');
    const joined = [];
    for (let i = 0; i < 3; i++) joined.push(await registerPupil(t, { ...place, schoolId: north.id, schoolName: undefined }));
    await registerPupil(t, { ...place, schoolName: 'Школа, которой нет в списке' });
    await t.rows(sql`update participant_profiles set school_id = ${south.id} where account_id = ${joined[0]!.accountId}`);

    const list = await t.api('GET', '/api/organisations?kind=school&sort=pupils&order=desc', { cookie: coord.cookie });
    expect(list.body.items.map((o: { name: string; size: number }) => [o.name, o.size])).toEqual([
      ['Школа Север', 2],
      ['Школа Юг', 1],
    ]);
    const [overview] = (await t.api('GET', '/api/regions/overview', { cookie: coord.cookie })).body.regions as Array<{ pupils: number }>;
    const [counted] = await t.rows<{ n: number }>(sql`select count(*)::int as n from participant_profiles where region_id = ${place.regionId}`);
    expect(overview!.pupils).toBe(counted!.n);
    expect(overview!.pupils).toBe(4);
  });

  it('lets the school keep its profile but not its ИНН, and the coordinator both', async () => {
    const school = await createSchool(t, kirov);
    const staff = await createStaff(t, 'school', { regionId: kirov.regionId, schoolId: school.id });
    const navigator = await createStaff(t, 'navigator', { regionId: kirov.regionId, schoolId: school.id });
    expect((await t.api('PATCH', `/api/schools/${school.id}`, { cookie: staff.cookie, body: { phone: '+7 833 000-11-22', website: 'https://school.example.ru' } })).status).toBe(200);
    const inn = await t.api('PATCH', `/api/schools/${school.id}`, { cookie: staff.cookie, body: { inn: validInn() } });
    expect(inn.status).toBe(400);
    expect((await t.api('PATCH', `/api/schools/${school.id}`, { cookie: navigator.cookie, body: { phone: '+7 833 000-11-22' } })).status).toBe(403);
    expect((await t.api('PATCH', `/api/schools/${school.id}`, { cookie: coordinator.cookie, body: { inn: validInn() } })).status).toBe(200);
    const card = await t.api('GET', `/api/schools/${school.id}`, { cookie: navigator.cookie });
    expect(card.body).toMatchObject({ phone: '+78330001122', website: 'https://school.example.ru', permissions: { edit: false, manage: false } });
    const empty = await t.api('PATCH', `/api/schools/${school.id}`, { cookie: staff.cookie, body: {} });
    expect(empty.status).toBe(400);
  });

  it('suspends an organisation: its staff stop at the gate, nothing is deleted, reactivation restores it', async () => {
    const venue = await createVenue(t, kirov);
    const staff = await createStaff(t, 'venue', { regionId: kirov.regionId, venueId: venue.id });
    const mentor = await createStaff(t, 'mentor', { regionId: kirov.regionId, venueId: venue.id });
    const reason = 'Площадка не подтвердила готовность к сезону';
    expect((await t.api('POST', `/api/venues/${venue.id}/suspend`, { cookie: coordinator.cookie, body: { reason } })).status).toBe(200);
    expect((await t.api('POST', `/api/venues/${venue.id}/suspend`, { cookie: coordinator.cookie, body: { reason } })).status).toBe(409);

    const blocked = await t.api('GET', '/api/places', { cookie: staff.cookie });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('organisation_suspended');
    expect((await t.api('PATCH', '/api/staff/me', { cookie: mentor.cookie, body: { position: 'Мастер' } })).status).toBe(403);
    const session = await t.api('GET', '/api/auth/session', { cookie: staff.cookie });
    expect(session.body.account.gate).toBe('suspended');
    const me = await t.api('GET', '/api/staff/me', { cookie: staff.cookie });
    expect(me.body.organisation).toMatchObject({ status: 'suspended', suspendReason: reason });

    expect((await t.api('POST', `/api/venues/${venue.id}/reactivate`, { cookie: coordinator.cookie })).status).toBe(200);
    expect((await t.api('GET', '/api/places', { cookie: staff.cookie })).status).toBe(200);
    const rows = await t.rows<{ n: number }>(sql`select count(*)::int as n from staff_profiles where venue_id = ${venue.id}`);
    expect(rows[0]!.n).toBe(2);
  });
});

describe('regions: season and cities', () => {
  let t: TestApp;
  let kirov: Place;
  let coordinator: StaffMember;
  let issuer: StaffMember;

  beforeAll(async () => {
    t = await startTestApp();
    kirov = await regionByCode(t, '43');
    coordinator = await createStaff(t, 'regional_coordinator', { regionId: kirov.regionId });
    issuer = await createStaff(t, 'issuer_admin');
  });
  afterAll(() => t.close());

  it('shows the issuer every region and the coordinator only its own', async () => {
    const all = await t.api('GET', '/api/regions/overview', { cookie: issuer.cookie });
    expect(all.body.regions).toHaveLength(89);
    const own = await t.api('GET', '/api/regions/overview', { cookie: coordinator.cookie });
    expect(own.body.regions).toEqual([expect.objectContaining({ id: kirov.regionId, coordinators: 1 })]);
    const tatarstan = await regionByCode(t, '16');
    expect((await t.api('GET', `/api/regions/${tatarstan.regionId}`, { cookie: coordinator.cookie })).status).toBe(404);
    expect((await t.api('GET', `/api/regions/${tatarstan.regionId}`, { cookie: issuer.cookie })).status).toBe(200);
  });

  it('shows a coordinator whose profile names no region no region at all, not every one', async () => {
    const adrift = await createStaff(t, 'regional_coordinator');
    const res = await t.api('GET', '/api/regions/overview', { cookie: adrift.cookie });
    expect(res.status).toBe(200);
    expect(res.body.regions).toEqual([]);
  });

  it('answers ids beyond the database integer with 400, not a failed query', async () => {
    const huge = '99999999999';
    for (const url of [`/api/regions/${huge}/cities`, `/api/regions/${huge}/schools?cityId=${huge}`, `/api/regions/${huge}`, `/api/organisations?regionId=${huge}`]) {
      const res = await t.api('GET', url, { cookie: issuer.cookie });
      expect(res.status, url).toBe(400);
    }
    const city = await t.api('PATCH', `/api/cities/${huge}`, { cookie: coordinator.cookie, body: { name: 'Новый' } });
    expect(city.status).toBe(400);
  });

  it('sets the season and refuses an end before the start', async () => {
    const ok = await t.api('PATCH', `/api/regions/${kirov.regionId}`, { cookie: coordinator.cookie, body: { seasonStartsOn: '2027-07-01', seasonEndsOn: '2027-11-30' } });
    expect(ok.status).toBe(200);
    const bad = await t.api('PATCH', `/api/regions/${kirov.regionId}`, { cookie: coordinator.cookie, body: { seasonStartsOn: '2027-12-01', seasonEndsOn: '2027-11-30' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.seasonEndsOn).toBeTruthy();
    const region = await t.api('GET', `/api/regions/${kirov.regionId}`, { cookie: coordinator.cookie });
    expect(region.body).toMatchObject({ seasonStartsOn: '2027-07-01', seasonEndsOn: '2027-11-30' });
  });

  it('adds, renames and deletes cities, keeping used ones', async () => {
    const added = await t.api('POST', `/api/regions/${kirov.regionId}/cities`, { cookie: coordinator.cookie, body: { name: 'пгт Новый' } });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const twice = await t.api('POST', `/api/regions/${kirov.regionId}/cities`, { cookie: coordinator.cookie, body: { name: 'ПГТ НОВЫЙ' } });
    expect(twice.status).toBe(409);
    expect((await t.api('PATCH', `/api/cities/${added.body.id}`, { cookie: coordinator.cookie, body: { name: 'пгт Новый Двор' } })).status).toBe(200);
    await createSchool(t, { regionId: kirov.regionId, cityId: kirov.cityId });
    const used = await t.api('DELETE', `/api/cities/${kirov.cityId}`, { cookie: coordinator.cookie });
    expect(used.status).toBe(409);
    expect((await t.api('DELETE', `/api/cities/${added.body.id}`, { cookie: coordinator.cookie })).status).toBe(200);
    const bad = await t.api('POST', `/api/regions/${kirov.regionId}/cities`, { cookie: coordinator.cookie, body: { name: '<script>' } });
    expect(bad.status).toBe(400);
  });
});
