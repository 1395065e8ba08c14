import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { createStaff, createVenue, regionByCode, type Place as RegionPlace, type StaffMember } from '@server/test/staff-factories.js';
import type { Place } from '@common/schemas/places.js';

const validPlace = (overrides: Record<string, unknown> = {}) => ({
  name: 'Учебно-производственные мастерские',
  address: 'г. Киров, ул. Профсоюзная, д. 40',
  rooms: [
    { name: 'Токарный цех', capacity: 12 },
    { name: 'Кабинет 3D-печати', capacity: 15 },
  ],
  accessibility: ['step_free', 'wide_doors'],
  accessibilityNotes: 'Пандус со двора, звонок у входа',
  ...overrides,
});

describe('venue places', () => {
  let t: TestApp;
  let kirov: RegionPlace;
  let tatarstan: RegionPlace;
  let kirovSecondCityId: number;
  let venueA: { id: string; name: string };
  let venueB: { id: string };
  let venueC: { id: string };
  let staffA: StaffMember;
  let staffB: StaffMember;
  let staffC: StaffMember;
  let mentorA: StaffMember;

  const api = (who: StaffMember | null, method: string, url: string, body?: unknown) =>
    t.api(method, url, { ...(who ? { cookie: who.cookie } : {}), ...(body !== undefined ? { body } : {}) });

  const create = async (who: StaffMember, overrides: Record<string, unknown> = {}) => {
    const res = await api(who, 'POST', '/api/places', { cityId: kirov.cityId, ...validPlace(overrides) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.place as Place;
  };

  const placeRows = () => t.rows<{ id: string; name: string; address: string; rooms: unknown; accessibility: string[] }>(
    sql`select id, name, address, rooms, accessibility from venue_places order by id`,
  );
  const auditCount = async (action: string) =>
    (await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = ${action}`))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp();
    kirov = await regionByCode(t, '43');
    tatarstan = await regionByCode(t, '16');
    const cities = (await t.api('GET', `/api/regions/${kirov.regionId}/cities`)).body.cities as Array<{ id: number }>;
    kirovSecondCityId = cities[1]!.id;
    venueA = await createVenue(t, kirov, 'Вятский колледж профессиональных технологий');
    venueB = await createVenue(t, kirov);
    venueC = await createVenue(t, tatarstan);
    staffA = await createStaff(t, 'venue', { regionId: kirov.regionId, venueId: venueA.id });
    staffB = await createStaff(t, 'venue', { regionId: kirov.regionId, venueId: venueB.id });
    staffC = await createStaff(t, 'venue', { regionId: tatarstan.regionId, venueId: venueC.id });
    mentorA = await createStaff(t, 'mentor', { regionId: kirov.regionId, venueId: venueA.id });
  });
  afterAll(() => t?.close());

  describe('registering and editing', () => {
    it('lets a venue register a place of its own and records it in the audit log', async () => {
      const res = await api(staffA, 'POST', '/api/places', { cityId: kirov.cityId, ...validPlace({ name: '  Корпус на Профсоюзной  ' }) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const place = res.body.place as Place;
      expect(place).toMatchObject({
        venueId: venueA.id,
        venueName: venueA.name,
        name: 'Корпус на Профсоюзной',
        city: { id: kirov.cityId },
        rooms: validPlace().rooms,
        accessibility: ['step_free', 'wide_doors'],
        accessibilityNotes: 'Пандус со двора, звонок у входа',
      });
      expect(place.city.name).toEqual(expect.any(String));
      const audit = await t.rows<{ action: string; actor_id: string; details: Record<string, unknown> }>(
        sql`select action, actor_id, details from audit_log where subject_id = ${place.id}`,
      );
      expect(audit).toEqual([{ action: 'place.created', actor_id: staffA.accountId, details: { venueId: venueA.id } }]);
    });

    it('accepts a place with no rooms, features or notes', async () => {
      const res = await api(staffA, 'POST', '/api/places', { name: 'Выездная площадка', cityId: kirovSecondCityId, address: 'пгт Центральный, ул. Садовая, 1' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.place).toMatchObject({ rooms: [], accessibility: [], accessibilityNotes: null, city: { id: kirovSecondCityId } });
    });

    it('lets the venue change some fields of its place, keeps the rest, and audits which fields changed', async () => {
      const place = await create(staffA, { name: 'Лаборатория робототехники' });
      const res = await api(staffA, 'PATCH', `/api/places/${place.id}`, {
        rooms: [{ name: 'Полигон', capacity: 20 }],
        accessibility: ['elevator', 'elevator', 'quiet_room'],
        accessibilityNotes: '',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.place).toMatchObject({
        name: 'Лаборатория робототехники',
        address: place.address,
        rooms: [{ name: 'Полигон', capacity: 20 }],
        accessibility: ['elevator', 'quiet_room'],
        accessibilityNotes: null,
      });
      const [audit] = await t.rows<{ details: Record<string, unknown> }>(
        sql`select details from audit_log where subject_id = ${place.id} and action = 'place.updated'`,
      );
      expect(audit!.details).toEqual({ venueId: venueA.id, fields: 'accessibility,accessibilityNotes,rooms' });
    });

    it('allows renaming a place to its own name in another case', async () => {
      const place = await create(staffA, { name: 'Актовый зал' });
      const res = await api(staffA, 'PATCH', `/api/places/${place.id}`, { name: 'АКТОВЫЙ ЗАЛ' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.place.name).toBe('АКТОВЫЙ ЗАЛ');
    });

    it('lets two venues use the same place name', async () => {
      await create(staffA, { name: 'Главный корпус' });
      await create(staffB, { name: 'Главный корпус' });
    });
  });

  describe('scope', () => {
    let placeOfA: Place;
    let placeOfB: Place;
    let placeOfC: Place;
    beforeAll(async () => {
      placeOfA = await create(staffA, { name: 'Сварочная мастерская', address: 'г. Киров, ул. Заводская, 7' });
      placeOfB = await create(staffB, { name: 'Кулинарная студия' });
      const res = await api(staffC, 'POST', '/api/places', { ...validPlace({ name: 'Казанский технопарк' }), cityId: tatarstan.cityId });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      placeOfC = res.body.place;
    });

    const ids = (body: { items: Place[] }) => body.items.map((p) => p.id);

    it("shows venue staff and mentors only their own venue's places", async () => {
      for (const who of [staffA, mentorA]) {
        const res = await api(who, 'GET', '/api/places?pageSize=100');
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.items.length).toBe(res.body.total);
        expect(res.body.items.every((p: Place) => p.venueId === venueA.id)).toBe(true);
        expect(ids(res.body)).toContain(placeOfA.id);
        expect(ids(res.body)).not.toContain(placeOfB.id);
        expect(ids(res.body)).not.toContain(placeOfC.id);
        // A filter cannot widen the scope.
        const other = await api(who, 'GET', `/api/places?venueId=${venueB.id}`);
        expect(other.body).toMatchObject({ items: [], total: 0 });
      }
    });

    it("answers 404 for another venue's place, to read and to change, and changes nothing", async () => {
      const before = await placeRows();
      expect((await api(staffB, 'GET', `/api/places/${placeOfA.id}`)).status).toBe(404);
      expect((await api(staffC, 'GET', `/api/places/${placeOfA.id}`)).status).toBe(404);
      const patch = await api(staffB, 'PATCH', `/api/places/${placeOfA.id}`, { name: 'Захвачено' });
      expect(patch.status).toBe(404);
      expect(patch.body.error.message).toBe('Место проведения не найдено');
      expect((await api(staffA, 'GET', '/api/places/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect(await placeRows()).toEqual(before);
    });

    it('lets a mentor read its venue’s place but not change it', async () => {
      const res = await api(mentorA, 'GET', `/api/places/${placeOfA.id}`);
      expect(res.status).toBe(200);
      expect(res.body.place).toMatchObject({ id: placeOfA.id, name: 'Сварочная мастерская' });
      expect((await api(mentorA, 'PATCH', `/api/places/${placeOfA.id}`, { name: 'Другое' })).status).toBe(403);
      expect((await api(mentorA, 'POST', '/api/places', { cityId: kirov.cityId, ...validPlace({ name: 'Наставническая' }) })).status).toBe(403);
    });

    it('searches by name or address and sorts and pages on the server', async () => {
      const byAddress = await api(staffA, 'GET', `/api/places?q=${encodeURIComponent('заводская')}`);
      expect(ids(byAddress.body)).toEqual([placeOfA.id]);
      const byName = await api(staffA, 'GET', `/api/places?q=${encodeURIComponent('СВАРОЧ')}`);
      expect(ids(byName.body)).toEqual([placeOfA.id]);
      expect((await api(staffA, 'GET', `/api/places?q=${encodeURIComponent('%')}`)).body.total).toBe(0);

      const all = (await api(staffA, 'GET', '/api/places?sort=name&order=desc&pageSize=100')).body;
      const names = all.items.map((p: Place) => p.name.toLowerCase());
      expect(names).toEqual([...names].sort().reverse());
      const page2 = (await api(staffA, 'GET', '/api/places?sort=name&order=desc&pageSize=2&page=2')).body;
      expect(page2).toMatchObject({ total: all.total, page: 2, pageSize: 2 });
      expect(ids(page2)).toEqual(ids(all).slice(2, 4));
      const past = (await api(staffA, 'GET', '/api/places?page=500')).body;
      expect(past).toMatchObject({ items: [], total: all.total });
      expect((await api(staffA, 'GET', '/api/places?sort=address')).status).toBe(400);
    });

    it("refuses the list to those without the permission and to strangers", async () => {
      expect((await api(null, 'GET', '/api/places')).status).toBe(401);
      const school = await createStaff(t, 'school', { regionId: kirov.regionId });
      expect((await api(school, 'GET', '/api/places')).status).toBe(403);
      expect((await api(school, 'GET', `/api/places/${placeOfA.id}`)).status).toBe(403);
      expect((await api(null, 'POST', '/api/places', { cityId: kirov.cityId, ...validPlace() })).status).toBe(401);
    });

    // Coordinators and the issuer sign in with a second factor; these run last.
    it("shows a coordinator every venue's places in its region, filterable by venue, and 404 outside it", async () => {
      const coordinator = await createStaff(t, 'regional_coordinator', { regionId: kirov.regionId });
      const res = await api(coordinator, 'GET', '/api/places?pageSize=100');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(ids(res.body)).toEqual(expect.arrayContaining([placeOfA.id, placeOfB.id]));
      expect(ids(res.body)).not.toContain(placeOfC.id);
      const onlyB = await api(coordinator, 'GET', `/api/places?venueId=${venueB.id}&pageSize=100`);
      expect(onlyB.body.items.every((p: Place) => p.venueId === venueB.id)).toBe(true);
      expect(ids(onlyB.body)).toContain(placeOfB.id);
      expect((await api(coordinator, 'GET', `/api/places/${placeOfB.id}`)).status).toBe(200);
      expect((await api(coordinator, 'GET', `/api/places/${placeOfC.id}`)).status).toBe(404);
      expect((await api(coordinator, 'PATCH', `/api/places/${placeOfB.id}`, { name: 'Координаторская' })).status).toBe(403);
      expect((await api(coordinator, 'POST', '/api/places', { cityId: kirov.cityId, ...validPlace() })).status).toBe(403);

      const stranger = await createStaff(t, 'regional_coordinator', { regionId: tatarstan.regionId });
      const theirs = await api(stranger, 'GET', `/api/places?venueId=${venueA.id}`);
      expect(theirs.body).toMatchObject({ items: [], total: 0 });
      expect(ids((await api(stranger, 'GET', '/api/places?pageSize=100')).body)).toEqual([placeOfC.id]);
      expect((await api(stranger, 'GET', `/api/places/${placeOfA.id}`)).status).toBe(404);
    });

    it('shows the issuer every place, filterable by region and venue', async () => {
      const issuer = await createStaff(t, 'issuer_admin');
      const all = await api(issuer, 'GET', '/api/places?pageSize=100');
      expect(all.status, JSON.stringify(all.body)).toBe(200);
      expect(ids(all.body)).toEqual(expect.arrayContaining([placeOfA.id, placeOfB.id, placeOfC.id]));
      expect(ids((await api(issuer, 'GET', `/api/places?regionId=${tatarstan.regionId}&pageSize=100`)).body)).toEqual([placeOfC.id]);
      const ofA = (await api(issuer, 'GET', `/api/places?venueId=${venueA.id}&pageSize=100`)).body;
      expect(ofA.items.every((p: Place) => p.venueId === venueA.id)).toBe(true);
      expect((await api(issuer, 'GET', `/api/places/${placeOfC.id}`)).status).toBe(200);
      expect((await api(issuer, 'PATCH', `/api/places/${placeOfC.id}`, { name: 'Эмитентская' })).status).toBe(403);
    });
  });

  describe('bad input', () => {
    let existing: Place;
    beforeAll(async () => {
      existing = await create(staffA, { name: 'Конференц-зал' });
    });

    const refusals: Array<[string, Record<string, unknown>, string]> = [
      ['an unknown accessibility code', { accessibility: ['step_free', 'teleport'] }, 'accessibility.1'],
      ['an empty room name', { rooms: [{ name: '   ', capacity: 10 }] }, 'rooms.0.name'],
      ['a room without a name', { rooms: [{ capacity: 10 }] }, 'rooms.0.name'],
      ['two rooms of one name', { rooms: [{ name: 'Цех', capacity: 10 }, { name: 'цех', capacity: 5 }] }, 'rooms.1.name'],
      ['a zero capacity', { rooms: [{ name: 'Цех', capacity: 0 }] }, 'rooms.0.capacity'],
      ['a fractional capacity', { rooms: [{ name: 'Цех', capacity: 2.5 }] }, 'rooms.0.capacity'],
      ['a capacity over 1000', { rooms: [{ name: 'Цех', capacity: 1001 }] }, 'rooms.0.capacity'],
      ['a capacity as text', { rooms: [{ name: 'Цех', capacity: '10' }] }, 'rooms.0.capacity'],
      ['51 rooms', { rooms: Array.from({ length: 51 }, (_, i) => ({ name: `Аудитория ${i + 1}`, capacity: 10 })) }, 'rooms'],
      ['a one-letter name', { name: 'А' }, 'name'],
      ['a name over 200 characters', { name: 'Ц'.repeat(201) }, 'name'],
      ['a short address', { address: 'ул.' }, 'address'],
      ['an address over 300 characters', { address: 'у'.repeat(301) }, 'address'],
      ['notes over 1000 characters', { accessibilityNotes: 'п'.repeat(1001) }, 'accessibilityNotes'],
      ['a room name over 100 characters', { rooms: [{ name: 'к'.repeat(101), capacity: 10 }] }, 'rooms.0.name'],
      ['an unknown field', { venueId: '00000000-0000-4000-8000-000000000000' }, 'venueId'],
      ['an unknown room field', { rooms: [{ name: 'Цех', capacity: 10, floor: 2 }] }, 'rooms.0.floor'],
    ];

    it.each(refusals)('refuses %s with a Russian message at the field, creating and editing, and changes nothing', async (_what, change, field) => {
      const before = await placeRows();
      const audits = await auditCount('place.created');
      const created = await api(staffA, 'POST', '/api/places', { cityId: kirov.cityId, ...validPlace({ name: 'Новое место' }), ...change });
      expect(created.status, JSON.stringify(created.body)).toBe(400);
      expect(created.body.error.code).toBe('invalid_input');
      expect(created.body.error.fields[field], JSON.stringify(created.body)).toMatch(/[А-Яа-яЁё]/);
      const edited = await api(staffA, 'PATCH', `/api/places/${existing.id}`, change);
      expect(edited.status, JSON.stringify(edited.body)).toBe(400);
      expect(edited.body.error.fields[field], JSON.stringify(edited.body)).toMatch(/[А-Яа-яЁё]/);
      expect(await placeRows()).toEqual(before);
      expect(await auditCount('place.created')).toBe(audits);
    });

    it("refuses a city of another region, or one that does not exist, at the city field", async () => {
      const before = await placeRows();
      for (const cityId of [tatarstan.cityId, 999_999]) {
        const created = await api(staffA, 'POST', '/api/places', { ...validPlace({ name: 'Филиал' }), cityId });
        expect(created.status, JSON.stringify(created.body)).toBe(400);
        expect(created.body.error.fields.cityId).toBe('Выберите город из списка региона вашей площадки');
        const edited = await api(staffA, 'PATCH', `/api/places/${existing.id}`, { cityId });
        expect(edited.status).toBe(400);
        expect(edited.body.error.fields.cityId).toBe('Выберите город из списка региона вашей площадки');
      }
      expect(await placeRows()).toEqual(before);
    });

    it('refuses a name the venue already uses, in any case, with 409 at the name field', async () => {
      const before = await placeRows();
      const created = await api(staffA, 'POST', '/api/places', { cityId: kirov.cityId, ...validPlace({ name: 'конференц-ЗАЛ' }) });
      expect(created.status).toBe(409);
      expect(created.body.error).toMatchObject({ code: 'place_name_taken', fields: { name: expect.stringMatching(/уже есть/) } });
      const other = await create(staffA, { name: 'Переговорная' });
      const renamed = await api(staffA, 'PATCH', `/api/places/${other.id}`, { name: ' Конференц-зал ' });
      expect(renamed.status).toBe(409);
      expect(renamed.body.error.fields.name).toMatch(/уже есть/);
      expect((await placeRows()).filter((p) => p.id !== other.id)).toEqual(before);
      expect((await api(staffA, 'GET', `/api/places/${other.id}`)).body.place.name).toBe('Переговорная');
    });

    it('refuses an empty change, a malformed id and a malformed body', async () => {
      const empty = await api(staffA, 'PATCH', `/api/places/${existing.id}`, {});
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toBe('Проверьте введённые данные');
      expect((await api(staffA, 'GET', '/api/places/not-a-uuid')).status).toBe(400);
      expect((await api(staffA, 'PATCH', '/api/places/not-a-uuid', { name: 'Зал' })).status).toBe(400);
      const nulls = await api(staffA, 'POST', '/api/places', { cityId: kirov.cityId, ...validPlace({ name: null, rooms: null, accessibility: 'step_free' }) });
      expect(nulls.status).toBe(400);
      expect(Object.keys(nulls.body.error.fields)).toEqual(expect.arrayContaining(['name', 'rooms', 'accessibility']));
      const raw = await t.app.inject({
        method: 'POST',
        url: '/api/places',
        headers: { cookie: staffA.cookie, origin: t.baseUrl, 'content-type': 'application/json' },
        payload: '{"name": "Зал",',
      });
      expect(raw.statusCode).toBe(400);
    });
  });
});
