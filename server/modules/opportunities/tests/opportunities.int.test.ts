import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { OPPORTUNITY_IMPORT_COLUMNS } from '@common/schemas/opportunities.js';
import { MULTIPART_HEADERS, multipart } from '@server/test/multipart.js';
import { createSchool, createStaff, regionByCode, type Place, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { familyAtSchool, type Family } from '@server/modules/diagnostics/tests/fixtures.js';

let t: TestApp;
let kirov: Place;
let kazan: Place;
let coordinator: StaffMember;
let otherCoordinator: StaffMember;
let issuer: StaffMember;
let family: Family;
let competency: { id: number; sphereId: number; name: string };
let otherSphere: { id: number; name: string };

beforeAll(async () => {
  t = await startTestApp();
  kirov = await regionByCode(t, '43');
  kazan = await regionByCode(t, '16');
  coordinator = await createStaff(t, 'regional_coordinator', { regionId: kirov.regionId });
  otherCoordinator = await createStaff(t, 'regional_coordinator', { regionId: kazan.regionId });
  issuer = await createStaff(t, 'issuer_admin');
  const school = await createSchool(t, kirov);
  family = await familyAtSchool(t, kirov, school.id, 6);
  competency = (await t.rows<{ id: number; sphereId: number; name: string }>(
    sql`select id, sphere_id as "sphereId", name from competencies where code = 'mobile-robotics'`,
  ))[0]!;
  otherSphere = (await t.rows<{ id: number; name: string }>(sql`select id, name from spheres where code = 'health'`))[0]!;
}, 180_000);
afterAll(() => t.close());

const input = (overrides: Record<string, unknown> = {}) => ({
  kind: 'club',
  title: 'Кружок робототехники «Проба»',
  provider: 'Дом детского творчества',
  description: 'Собираем и программируем роботов, готовимся к соревнованиям.',
  programmes: [],
  sphereIds: [otherSphere.id],
  competencyIds: [competency.id],
  gradeFrom: 6,
  gradeTo: 9,
  online: false,
  cityId: kirov.cityId,
  address: 'ул. Ленина, 10',
  ovzAccessible: true,
  ovzNotes: 'Вход без ступеней',
  free: true,
  priceNote: null,
  startsOn: '2026-09-01',
  endsOn: '2027-05-31',
  url: 'https://example.ru/robots',
  contact: '+7 900 000-00-00',
  ...overrides,
});

const count = async () => (await t.rows<{ n: number }>(sql`select count(*)::int as n from opportunities`))[0]!.n;

async function create(member: StaffMember, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.api('POST', '/api/staff/opportunities', { cookie: member.cookie, body: input(overrides) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describe('the coordinator keeps its region’s opportunities', () => {
  it('creates one with its spheres kept in step with its competencies, region copied', async () => {
    const id = await create(coordinator);
    const res = await t.api('GET', `/api/staff/opportunities/${id}`, { cookie: coordinator.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ regionId: kirov.regionId, federal: false, status: 'published', editable: true, competencyIds: [competency.id], sphereIds: [otherSphere.id] });
    const spheres = await t.rows<{ sphere_id: number; region_id: number }>(sql`select sphere_id, region_id from opportunity_spheres where opportunity_id = ${id} order by sphere_id`);
    expect(spheres.map((s) => s.sphere_id).sort()).toEqual([competency.sphereId, otherSphere.id].sort());
    expect(spheres.every((s) => s.region_id === kirov.regionId)).toBe(true);
  });

  it('edits: dropping the chosen sphere leaves only the competency’s', async () => {
    const id = await create(coordinator);
    const res = await t.api('PUT', `/api/staff/opportunities/${id}`, { cookie: coordinator.cookie, body: input({ sphereIds: [], title: 'Кружок «Проба», новое название' }) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.title).toBe('Кружок «Проба», новое название');
    const spheres = await t.rows<{ sphere_id: number }>(sql`select sphere_id from opportunity_spheres where opportunity_id = ${id}`);
    expect(spheres.map((s) => s.sphere_id)).toEqual([competency.sphereId]);
  });

  it('lists its own with search and kind filter, never another region’s', async () => {
    const own = await create(coordinator, { title: 'Олимпиада «Искатель» Кировская', kind: 'olympiad' });
    const foreign = await create(otherCoordinator, { cityId: kazan.cityId, title: 'Олимпиада «Искатель» Казанская', kind: 'olympiad' });
    const res = await t.api('GET', '/api/staff/opportunities?q=Искатель&kind=olympiad', { cookie: coordinator.cookie });
    expect(res.status).toBe(200);
    const ids = (res.body.items as Array<{ id: string }>).map((i) => i.id);
    expect(ids).toContain(own);
    expect(ids).not.toContain(foreign);
    const all = await t.api('GET', '/api/staff/opportunities?q=Искатель&pageSize=100', { cookie: issuer.cookie });
    expect((all.body.items as Array<{ id: string }>).map((i) => i.id)).toEqual(expect.arrayContaining([own, foreign]));
  });

  it('answers 404 for another region’s opportunity, to read, edit or archive', async () => {
    const foreign = await create(otherCoordinator, { cityId: kazan.cityId });
    expect((await t.api('GET', `/api/staff/opportunities/${foreign}`, { cookie: coordinator.cookie })).status).toBe(404);
    expect((await t.api('PUT', `/api/staff/opportunities/${foreign}`, { cookie: coordinator.cookie, body: input() })).status).toBe(404);
    expect((await t.api('POST', `/api/staff/opportunities/${foreign}/archive`, { cookie: coordinator.cookie })).status).toBe(404);
  });

  it('refuses a city of another region', async () => {
    const before = await count();
    const res = await t.api('POST', '/api/staff/opportunities', { cookie: coordinator.cookie, body: input({ cityId: kazan.cityId }) });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.cityId).toBe('Выберите город вашего региона');
    expect(await count()).toBe(before);
  });

  it('refuses HTML in any text field with a Russian message, saving nothing', async () => {
    const before = await count();
    for (const field of ['title', 'provider', 'description', 'address', 'ovzNotes', 'contact']) {
      const res = await t.api('POST', '/api/staff/opportunities', { cookie: coordinator.cookie, body: input({ [field]: 'Текст <script>alert(1)</script> внутри' }) });
      expect(res.status, field).toBe(400);
      expect(JSON.stringify(res.body.error), field).toContain('HTML-разметка не допускается');
    }
    const link = await t.api('POST', '/api/staff/opportunities', { cookie: coordinator.cookie, body: input({ url: 'javascript:alert(1)' }) });
    expect(link.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('archives: the staff still sees it, families get 404', async () => {
    const id = await create(coordinator);
    expect((await t.api('GET', `/api/opportunities/${id}`, { cookie: family.childCookie })).status).toBe(200);
    const res = await t.api('POST', `/api/staff/opportunities/${id}/archive`, { cookie: coordinator.cookie });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('archived');
    expect((await t.api('GET', `/api/opportunities/${id}`, { cookie: family.childCookie })).status).toBe(404);
    expect((await t.api('GET', `/api/opportunities/${id}`, { cookie: family.parentCookie })).status).toBe(404);
  });
});

describe('the issuer keeps the federal ones', () => {
  it('creates a federal opportunity in any city or online; reads a region’s but may not change it', async () => {
    const id = await create(issuer, { kind: 'online_course', online: true, cityId: null, address: null });
    const res = await t.api('GET', `/api/staff/opportunities/${id}`, { cookie: issuer.cookie });
    expect(res.body).toMatchObject({ regionId: null, federal: true, editable: true });
    const spheres = await t.rows<{ region_id: number | null }>(sql`select region_id from opportunity_spheres where opportunity_id = ${id}`);
    expect(spheres.every((s) => s.region_id === null)).toBe(true);
    // The coordinator does not keep federal ones.
    expect((await t.api('GET', `/api/staff/opportunities/${id}`, { cookie: coordinator.cookie })).status).toBe(404);

    const regional = await create(coordinator);
    const read = await t.api('GET', `/api/staff/opportunities/${regional}`, { cookie: issuer.cookie });
    expect(read.body.editable).toBe(false);
    expect((await t.api('PUT', `/api/staff/opportunities/${regional}`, { cookie: issuer.cookie, body: input() })).status).toBe(403);
  });

  it('shows a published federal card to a pupil of any region, with names', async () => {
    const id = await create(issuer, { cityId: kazan.cityId, programmes: ['09.02.07 - Информационные системы и программирование'] });
    const res = await t.api('GET', `/api/opportunities/${id}`, { cookie: family.childCookie });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      federal: true,
      programmes: ['09.02.07 — Информационные системы и программирование'],
      competencies: [{ id: competency.id, name: competency.name }],
      ovzAccessible: true,
      url: 'https://example.ru/robots',
    });
    expect(res.body).not.toHaveProperty('status');
    expect(res.body.spheres).toHaveLength(2);
  });

  it('keeps drafts from families', async () => {
    const id = await create(issuer, { status: 'draft' });
    expect((await t.api('GET', `/api/opportunities/${id}`, { cookie: family.childCookie })).status).toBe(404);
  });
});

describe('import of a file', () => {
  const HEADER = OPPORTUNITY_IMPORT_COLUMNS.map((c) => c.label);
  const row = (values: Partial<Record<(typeof OPPORTUNITY_IMPORT_COLUMNS)[number]['key'], string>>) =>
    OPPORTUNITY_IMPORT_COLUMNS.map((c) => values[c.key] ?? '');
  const good = (title: string) =>
    row({ kind: 'Колледж', title, provider: 'Колледж «Вятка»', description: 'Дни открытых дверей и экскурсии по мастерским.', programmes: '15.02.16 — Технология машиностроения', competencies: 'Мобильная робототехника; cad', gradeFrom: '8', gradeTo: '11', city: 'Киров', ovzAccessible: 'да', url: 'https://example.ru' });
  const file = (rows: string[][]) => Buffer.from(stringify([HEADER, ...rows], { delimiter: ';' }), 'utf8');
  const upload = (url: string, data: Buffer, cookie: string) =>
    t.api('POST', url, { cookie, headers: MULTIPART_HEADERS, body: multipart([{ name: 'file', filename: 'возможности.csv', content: data, contentType: 'text/csv' }]) });

  it('previews each row with its errors by column, changing nothing; confirming imports only the valid rows', async () => {
    const data = file([
      good('День открытых дверей колледжа «Импорт-1»'),
      row({ kind: 'Планетарий', title: 'Строка с ошибками', provider: 'Кто-то', description: 'Описание <b>жирное</b> для проверки', gradeFrom: '5', gradeTo: '9', city: 'Казань', url: 'ftp://example.ru' }),
      good('Экскурсия «Импорт-2»'),
    ]);
    const before = await count();
    const preview = await upload('/api/staff/opportunities/import/preview', data, coordinator.cookie);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ totalRows: 3, validRows: 2 });
    const bad = preview.body.rows[1];
    expect(bad.row).toBe(3);
    const columns = (bad.errors as Array<{ column: string; message: string }>).map((e) => e.column);
    expect(columns).toEqual(expect.arrayContaining(['Вид', 'Описание', 'Класс с', 'Город', 'Ссылка']));
    expect(bad.errors.find((e: { column: string }) => e.column === 'Описание').message).toContain('HTML-разметка');
    expect(preview.body.rows[0].errors).toEqual([]);
    expect(await count()).toBe(before);

    const stale = await upload(`/api/staff/opportunities/import?sha256=${'0'.repeat(64)}`, data, coordinator.cookie);
    expect(stale.status).toBe(409);
    expect(await count()).toBe(before);

    const confirmed = await upload(`/api/staff/opportunities/import?sha256=${preview.body.fileSha256}`, data, coordinator.cookie);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
    expect(confirmed.body).toEqual({ imported: 2, skipped: 1 });
    const imported = await t.rows<{ region_id: number; spheres: number }>(
      sql`select o.region_id, (select count(*)::int from opportunity_spheres s where s.opportunity_id = o.id) as spheres
          from opportunities o where o.title like '%Импорт-%'`,
    );
    expect(imported).toHaveLength(2);
    expect(imported.every((o) => o.region_id === kirov.regionId && o.spheres >= 1)).toBe(true);
  });

  it('refuses a file without the required columns', async () => {
    const res = await upload('/api/staff/opportunities/import/preview', Buffer.from('Название;Город\nКружок;Киров\n'), coordinator.cookie);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Вид');
  });

  it('serves a CSV template whose example row is skipped', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/staff/opportunities/import/template', headers: { cookie: coordinator.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const example = Buffer.from(res.rawPayload);
    const preview = await upload('/api/staff/opportunities/import/preview', Buffer.concat([example, Buffer.from(stringify([good('Строка после примера')], { delimiter: ';' }))]), coordinator.cookie);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.rows.map((r: { title: string }) => r.title)).toEqual(['Строка после примера']);
  });
});
