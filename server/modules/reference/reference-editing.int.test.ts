import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createStaff, regionByCode, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';

interface SphereBody {
  id: number;
  code: string;
  name: string;
  competencies: Array<{ id: number; code: string; name: string }>;
}
interface SoftSkillBody {
  id: number;
  code: string;
  name: string;
  description: string;
}
interface LevelBody {
  id: number;
  code: string;
  name: string;
  minScore: number;
  maxScore: number;
  pupilText: string;
  parentText: string;
}

const level = (code: string, minScore: number, maxScore: number, extra: Partial<LevelBody> = {}) => ({
  code,
  name: `Уровень ${code}`,
  minScore,
  maxScore,
  pupilText: `Текст для школьника (${code})`,
  parentText: `Текст для родителя (${code})`,
  ...extra,
});

describe('editing the reference model', () => {
  let t: TestApp;
  let issuer: StaffMember;
  let coordinator: StaffMember;
  let methodologist: StaffMember;

  const spheresNow = async () => (await t.api<{ spheres: SphereBody[] }>('GET', '/api/reference/competencies')).body.spheres;
  const skillsNow = async () => (await t.api<{ softSkills: SoftSkillBody[] }>('GET', '/api/reference/soft-skills')).body.softSkills;
  const levelsNow = async () => (await t.api<{ levels: LevelBody[] }>('GET', '/api/reference/awareness-levels')).body.levels;
  const audits = async () =>
    (await t.rows<{ details: Record<string, unknown> }>(sql`select details from audit_log where action = 'reference.updated' order by id`)).map((r) => r.details);
  const as = (member: StaffMember) => ({ cookie: member.cookie });

  beforeAll(async () => {
    t = await startTestApp();
    issuer = await createStaff(t, 'issuer_admin');
    coordinator = await createStaff(t, 'regional_coordinator', { regionId: (await regionByCode(t, '43')).regionId });
    methodologist = await createStaff(t, 'methodologist');
  });
  afterAll(() => t.close());

  it('lists the soft skills and the awareness levels to anyone', async () => {
    const skills = await skillsNow();
    expect(skills).toHaveLength(10);
    expect(skills[0]).toMatchObject({ code: 'attention', name: 'Внимание' });
    const levels = await levelsNow();
    expect(levels.map((l) => [l.code, l.minScore, l.maxScore])).toEqual([
      ['exploring', 0, 39],
      ['forming', 40, 69],
      ['oriented', 70, 100],
    ]);
  });

  it('lets the issuer rename a sphere, keeping its code', async () => {
    const digital = (await spheresNow()).find((s) => s.code === 'it')!;
    const res = await t.api('PATCH', `/api/reference/spheres/${digital.id}`, { ...as(issuer), body: { name: '  Цифровые технологии  ' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await spheresNow()).find((s) => s.id === digital.id)).toMatchObject({ code: 'it', name: 'Цифровые технологии' });
    expect(await audits()).toContainEqual({ table: 'spheres', id: digital.id, change: 'updated' });
  });

  it('adds a competency that then appears in the public list, and moves it to another sphere', async () => {
    const [first, second] = await spheresNow();
    const created = await t.api<{ id: number }>('POST', '/api/reference/competencies', {
      ...as(issuer),
      body: { sphereId: first!.id, code: 'quantum-computing', name: 'Квантовые вычисления' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    expect((await spheresNow())[0]!.competencies).toContainEqual({ id, code: 'quantum-computing', name: 'Квантовые вычисления' });

    const moved = await t.api('PATCH', `/api/reference/competencies/${id}`, { ...as(issuer), body: { sphereId: second!.id, name: 'Квантовые технологии' } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const after = await spheresNow();
    expect(after[0]!.competencies.some((c) => c.id === id)).toBe(false);
    expect(after[1]!.competencies).toContainEqual({ id, code: 'quantum-computing', name: 'Квантовые технологии' });
    expect(await audits()).toEqual(
      expect.arrayContaining([
        { table: 'competencies', id, change: 'created' },
        { table: 'competencies', id, change: 'updated' },
      ]),
    );
  });

  it('changes a soft skill’s name and description', async () => {
    const memory = (await skillsNow()).find((s) => s.code === 'memory')!;
    const res = await t.api('PATCH', `/api/reference/soft-skills/${memory.id}`, { ...as(issuer), body: { description: 'Запоминать нужное.' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await skillsNow()).find((s) => s.id === memory.id)).toMatchObject({ code: 'memory', name: 'Память', description: 'Запоминать нужное.' });
    await t.api('PATCH', `/api/reference/soft-skills/${memory.id}`, { ...as(issuer), body: { name: 'Рабочая память' } });
    expect((await skillsNow()).find((s) => s.id === memory.id)).toMatchObject({ name: 'Рабочая память', description: 'Запоминать нужное.' });
  });

  it('replaces the awareness levels: kept codes keep their rows, new ones are added, missing ones deleted', async () => {
    const before = await levelsNow();
    const byCode = new Map(before.map((l) => [l.code, l]));
    const res = await t.api<{ levels: LevelBody[] }>('PUT', '/api/reference/awareness-levels', {
      ...as(issuer),
      body: {
        levels: [
          level('exploring', 0, 29, { id: byCode.get('exploring')!.id }),
          level('curious', 30, 49),
          level('forming', 50, 79),
          level('decided', 80, 100),
        ],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await levelsNow();
    expect(res.body.levels).toEqual(after);
    expect(after.map((l) => [l.code, l.minScore, l.maxScore])).toEqual([
      ['exploring', 0, 29],
      ['curious', 30, 49],
      ['forming', 50, 79],
      ['decided', 80, 100],
    ]);
    expect(after.find((l) => l.code === 'exploring')!.id).toBe(byCode.get('exploring')!.id);
    expect(after.find((l) => l.code === 'forming')).toMatchObject({ id: byCode.get('forming')!.id, pupilText: 'Текст для школьника (forming)' });
    expect(await audits()).toContainEqual({ table: 'awareness_levels', id: byCode.get('oriented')!.id, change: 'deleted' });

    // Saving the same list again changes nothing and so records nothing.
    const count = (await audits()).length;
    const again = await t.api('PUT', '/api/reference/awareness-levels', { ...as(issuer), body: { levels: after } });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect((await audits()).length).toBe(count);
  });

  describe('refuses bad input with a Russian message and changes nothing', () => {
    const unchanged = async (call: () => Promise<{ status: number; body: any }>, status: number, field?: string) => {
      const before = JSON.stringify([await spheresNow(), await skillsNow(), await levelsNow()]);
      const auditCount = (await audits()).length;
      const res = await call();
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.message).toMatch(/[а-яё]/i);
      if (field) expect(res.body.error.fields?.[field], JSON.stringify(res.body)).toMatch(/[а-яё]/i);
      expect(JSON.stringify([await spheresNow(), await skillsNow(), await levelsNow()])).toBe(before);
      expect((await audits()).length).toBe(auditCount);
      return res;
    };
    const put = (levels: unknown[]) => () => t.api('PUT', '/api/reference/awareness-levels', { ...as(issuer), body: { levels } });

    it('a gap, an overlap, a bad edge or too few levels', async () => {
      const gap = await unchanged(put([level('a', 0, 39), level('b', 41, 69), level('c', 70, 100)]), 400, 'levels.1.minScore');
      expect(gap.body.error.fields['levels.1.minScore']).toContain('Разрыв');
      const overlap = await unchanged(put([level('a', 0, 39), level('b', 30, 69), level('c', 70, 100)]), 400, 'levels.1.minScore');
      expect(overlap.body.error.fields['levels.1.minScore']).toContain('Пересекается');
      await unchanged(put([level('a', 0, 39), level('b', 40, 69), level('c', 70, 99)]), 400, 'levels.2.maxScore');
      await unchanged(put([level('a', 5, 39), level('b', 40, 69), level('c', 70, 100)]), 400, 'levels.0.minScore');
      await unchanged(put([level('a', 0, 49), level('b', 50, 100)]), 400, 'levels');
      await unchanged(put([level('a', 0, 39), level('b', 40, 69), level('c', 70, 100, { maxScore: 101 })]), 400, 'levels.2.maxScore');
    });

    it('a duplicate code or a changed code in the levels', async () => {
      await unchanged(put([level('a', 0, 39), level('a', 40, 69), level('c', 70, 100)]), 400, 'levels.1.code');
      const [first] = await levelsNow();
      await unchanged(put([level('renamed', 0, 39, { id: first!.id }), level('b', 40, 69), level('c', 70, 100)]), 400, 'levels.0.code');
      await unchanged(put([level('a', 0, 39, { id: 2_000_000_000 }), level('b', 40, 69), level('c', 70, 100)]), 404, 'levels.0.id');
    });

    it('a competency code that is taken or malformed', async () => {
      const [sphere] = await spheresNow();
      const taken = await unchanged(
        () => t.api('POST', '/api/reference/competencies', { ...as(issuer), body: { sphereId: sphere!.id, code: 'cnc-turning', name: 'Ещё раз токарные' } }),
        409,
        'code',
      );
      expect(taken.body.error.message).toBe('Компетенция с таким кодом уже есть');
      await unchanged(() => t.api('POST', '/api/reference/competencies', { ...as(issuer), body: { sphereId: sphere!.id, code: 'Токарь', name: 'Токарь' } }), 400, 'code');
      await unchanged(() => t.api('POST', '/api/reference/competencies', { ...as(issuer), body: { sphereId: 2_000_000_000, code: 'lathe', name: 'Токарь' } }), 404, 'sphereId');
    });

    it('an empty or too long name, an empty change, unknown fields', async () => {
      const [sphere] = await spheresNow();
      const [skill] = await skillsNow();
      await unchanged(() => t.api('PATCH', `/api/reference/spheres/${sphere!.id}`, { ...as(issuer), body: { name: '   ' } }), 400, 'name');
      await unchanged(() => t.api('PATCH', `/api/reference/spheres/${sphere!.id}`, { ...as(issuer), body: { name: 'я'.repeat(151) } }), 400, 'name');
      await unchanged(() => t.api('PATCH', `/api/reference/spheres/${sphere!.id}`, { ...as(issuer), body: { name: 'Новое', code: 'new' } }), 400, 'code');
      await unchanged(() => t.api('PATCH', `/api/reference/soft-skills/${skill!.id}`, { ...as(issuer), body: {} }), 400);
      await unchanged(() => t.api('PATCH', `/api/reference/soft-skills/${skill!.id}`, { ...as(issuer), body: { description: 'я'.repeat(2001) } }), 400, 'description');
      await unchanged(() => t.api('PATCH', `/api/reference/competencies/${sphere!.competencies[0]!.id}`, { ...as(issuer), body: { name: '' } }), 400, 'name');
    });

    it('an unknown id, or one beyond the integer range', async () => {
      await unchanged(() => t.api('PATCH', '/api/reference/spheres/999999', { ...as(issuer), body: { name: 'Новая' } }), 404);
      await unchanged(() => t.api('PATCH', '/api/reference/spheres/99999999999', { ...as(issuer), body: { name: 'Новая' } }), 400, 'id');
      await unchanged(() => t.api('PATCH', '/api/reference/competencies/99999999999', { ...as(issuer), body: { name: 'Новая' } }), 400, 'id');
      await unchanged(() => t.api('PATCH', '/api/reference/competencies/999999', { ...as(issuer), body: { name: 'Новая' } }), 404);
      await unchanged(() => t.api('PATCH', '/api/reference/soft-skills/abc', { ...as(issuer), body: { name: 'Новая' } }), 400, 'id');
      await unchanged(() => t.api('PATCH', '/api/reference/soft-skills/999999', { ...as(issuer), body: { name: 'Новая' } }), 404);
      const sphereWithCompetencies = (await spheresNow()).find((s) => s.competencies.length > 0);
      await unchanged(
        () => t.api('PATCH', `/api/reference/competencies/${sphereWithCompetencies!.competencies[0]!.id}`, { ...as(issuer), body: { sphereId: 99_999_999_999 } }),
        400,
        'sphereId',
      );
    });
  });

  it('refuses every edit to other roles and to the anonymous, changing nothing', async () => {
    const [sphere] = await spheresNow();
    const [skill] = await skillsNow();
    const levels = await levelsNow();
    const edits: Array<[string, string, unknown]> = [
      ['PATCH', `/api/reference/spheres/${sphere!.id}`, { name: 'Чужая правка' }],
      ['POST', '/api/reference/competencies', { sphereId: sphere!.id, code: 'foreign', name: 'Чужая' }],
      ['PATCH', `/api/reference/competencies/${sphere!.competencies[0]!.id}`, { name: 'Чужая правка' }],
      ['PATCH', `/api/reference/soft-skills/${skill!.id}`, { name: 'Чужая правка' }],
      ['PUT', '/api/reference/awareness-levels', { levels: levels.map(({ id: _id, ...l }) => ({ ...l, name: 'Чужая правка' })) }],
    ];
    const before = JSON.stringify([await spheresNow(), await skillsNow(), await levelsNow()]);
    for (const [method, url, body] of edits) {
      for (const member of [coordinator, methodologist]) {
        const res = await t.api(method, url, { ...as(member), body });
        expect(res.status, `${member.role} ${method} ${url}`).toBe(403);
      }
      expect((await t.api(method, url, { body })).status).toBe(401);
    }
    expect(JSON.stringify([await spheresNow(), await skillsNow(), await levelsNow()])).toBe(before);
  });
});
