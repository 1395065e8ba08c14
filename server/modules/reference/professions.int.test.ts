import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ProfessionView } from '@common/guidance.js';
import { createStaff, regionByCode, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { PROFESSIONS } from '@server/seed/professions.data.js';
import { seedReferenceData } from '@server/seed/seed.js';

describe('the professions reference list', () => {
  let t: TestApp;
  let issuer: StaffMember;
  let coordinator: StaffMember;
  let competencyIds: number[];

  const listNow = async () => (await t.api<{ professions: ProfessionView[] }>('GET', '/api/reference/professions', { cookie: issuer.cookie })).body.professions;
  const body = (overrides: Record<string, unknown> = {}) => ({
    code: 'test-operator',
    name: 'Оператор тестовой установки',
    description: 'Следит за установкой и записывает её показания.',
    education: ['spo'],
    programmes: ['15.02.14 – Оснащение средствами автоматизации технологических процессов и производств'],
    competencyIds,
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    issuer = await createStaff(t, 'issuer_admin');
    coordinator = await createStaff(t, 'regional_coordinator', { regionId: (await regionByCode(t, '43')).regionId });
    competencyIds = (await t.rows<{ id: number }>(sql`select id from competencies where code in ('mechatronics', 'electronics') order by id`)).map((r) => r.id);
  });
  afterAll(() => t.close());

  it('is seeded with its competencies, and seeding again changes nothing', async () => {
    const before = await listNow();
    expect(before).toHaveLength(PROFESSIONS.length);
    const welder = before.find((p) => p.code === 'welder')!;
    expect(welder.competencies.map((c) => c.code).sort()).toEqual(['metal-construction', 'welding']);
    await seedReferenceData(t.database.db);
    expect(await listNow()).toEqual(before);
  });

  it('lets the issuer add and edit a profession, audited; the code stays', async () => {
    const created = await t.api('POST', '/api/reference/professions', { cookie: issuer.cookie, body: body() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as number;
    const edited = await t.api('PUT', `/api/reference/professions/${id}`, {
      cookie: issuer.cookie,
      body: { ...body({ name: 'Оператор установки', competencyIds: [competencyIds[0]] }), code: undefined },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const row = (await listNow()).find((p) => p.id === id)!;
    expect(row).toMatchObject({
      code: 'test-operator',
      name: 'Оператор установки',
      programmes: ['15.02.14 — Оснащение средствами автоматизации технологических процессов и производств'],
    });
    expect(row.competencies.map((c) => c.id)).toEqual([competencyIds[0]]);
    const audits = await t.rows<{ details: Record<string, unknown> }>(sql`select details from audit_log where action = 'reference.updated' order by id`);
    expect(audits.map((a) => a.details)).toEqual(expect.arrayContaining([
      { table: 'professions', id, change: 'created' },
      { table: 'professions', id, change: 'updated' },
    ]));
  });

  it('refuses a taken code, HTML, an unknown competency and other roles, changing nothing', async () => {
    const before = await listNow();
    expect((await t.api('POST', '/api/reference/professions', { cookie: issuer.cookie, body: body({ code: 'welder' }) })).status).toBe(409);
    const html = await t.api('POST', '/api/reference/professions', { cookie: issuer.cookie, body: body({ code: 'html-one', description: 'Описание <img src=x onerror=alert(1)>' }) });
    expect(html.status).toBe(400);
    expect(JSON.stringify(html.body)).toContain('HTML-разметка не допускается');
    expect((await t.api('POST', '/api/reference/professions', { cookie: issuer.cookie, body: body({ code: 'ghost', competencyIds: [999_999] }) })).status).toBe(400);
    expect((await t.api('POST', '/api/reference/professions', { cookie: coordinator.cookie, body: body({ code: 'by-coordinator' }) })).status).toBe(403);
    expect(await listNow()).toEqual(before);
  });
});
