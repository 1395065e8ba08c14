import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { registerPupil, type Pupil } from '@server/test/factories.js';
import { createStaff, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { answer, complete, likertTest, publish, pupilOfGrade, saveDraft, source, start, uniqueSlug } from './fixtures.js';

let t: TestApp;
let methodologist: StaffMember;
let issuer: StaffMember;
let navigator: StaffMember;
let pupil: Pupil;

beforeAll(async () => {
  t = await startTestApp();
  methodologist = await createStaff(t, 'methodologist');
  issuer = await createStaff(t, 'issuer_admin');
  navigator = await createStaff(t, 'navigator');
  pupil = await pupilOfGrade(t, 7);
}, 120_000);
afterAll(() => t.close());

const as = (m: StaffMember) => ({ cookie: m.cookie });
const validate = (src: string) => t.api('POST', '/api/diagnostics/definitions/validate', { ...as(methodologist), body: { source: src } });
const save = (src: string) => t.api('POST', '/api/diagnostics/definitions', { ...as(methodologist), body: { source: src } });
const catalogueSlugs = async (cookie = pupil.cookie) => {
  const res = await t.api('GET', '/api/diagnostics/catalogue', { cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.tests as Array<{ slug: string }>).map((x) => x.slug);
};

/** What the workbench shows: the list, and every test's versions. Refused requests must leave it as it was. */
async function workbenchState() {
  const list = await t.api('GET', '/api/diagnostics/definitions', as(methodologist));
  expect(list.status).toBe(200);
  const tests = list.body.tests as Array<{ id: number }>;
  const details = [];
  for (const test of tests) {
    const detail = await t.api('GET', `/api/diagnostics/definitions/${test.id}`, as(methodologist));
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    details.push(detail.body);
  }
  return { list: list.body, details };
}

/** The line (1-based) of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in the source`);
  return index + 1;
}

const YAML_DEFINITION = `format: 1
slug: yaml-test
kind: test
title: Тест
summary: Коротко
description: Подробно
gradeBands: ["6-7"]
durationMinutes: 5
source: Авторский
licence: CC BY 4.0
items:
  - id: q1
    type: likert
    points: 5
    text: Мне нравится
scales:
  - id: main
    title: Шкала
    keys:
      - { item: q1 }
    levels:
      - { from: 0, to: 49, title: Мало, text: Мало }
      - { from: 50, to: 100, title: Много, text: Много }
`;

function replaceLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}

describe('the JSON Schema of definitions', () => {
  it('is public and describes the format', async () => {
    const res = await t.api('GET', '/api/diagnostics/definition-schema.json');
    expect(res.status).toBe(200);
    expect(res.body.$schema).toMatch(/2020-12/);
    expect(Object.keys(res.body.properties)).toEqual(expect.arrayContaining(['format', 'slug', 'kind', 'items', 'scales']));
  });
});

describe('validation names the line and field of every error, and a refused definition changes nothing', () => {
  const slug = uniqueSlug('invalid');
  const base = likertTest(slug);
  const pretty = (def: Record<string, unknown>) => source(def);

  const cases: Array<{ name: string; src: () => string; expected: (src: string) => { line: number; field: string; message: RegExp } }> = [
    {
      name: 'malformed YAML (a key without its colon)',
      src: () => replaceLine(YAML_DEFINITION, 13, '    type likert'),
      expected: () => ({ line: 13, field: '', message: /^Синтаксическая ошибка/ }),
    },
    {
      name: 'malformed YAML (a tab for indentation)',
      src: () => replaceLine(YAML_DEFINITION, 14, '\tpoints: 5'),
      expected: () => ({ line: 14, field: '', message: /табуляци/ }),
    },
    {
      name: 'malformed JSON (a missing comma)',
      src: () => '{\n  "format": 1,\n  "slug": "broken"\n  "kind": "test"\n}',
      expected: () => ({ line: 4, field: '', message: /^Синтаксическая ошибка/ }),
    },
    {
      name: 'an unknown item type',
      src: () => pretty({ ...base, items: [{ id: 'q1', type: 'essay', text: 'Напиши сочинение' }, { id: 'q2', type: 'likert', points: 5, text: 'Второе' }] }),
      expected: (src) => ({ line: lineOf(src, '"type": "essay"'), field: 'items.0.type', message: /Неизвестный тип задания/ }),
    },
    {
      name: 'a scale key naming a missing item',
      src: () => pretty({ ...base, scales: [{ ...(base.scales as object[])[0]!, keys: [{ item: 'q1' }, { item: 'q9' }] }] }),
      expected: (src) => ({ line: lineOf(src, '"item": "q9"'), field: 'scales.0.keys.1.item', message: /Задания «q9» в тесте нет/ }),
    },
    {
      name: 'a norm table with a gap',
      src: () =>
        pretty({
          ...base,
          scales: [
            {
              ...(base.scales as object[])[0]!,
              norms: { kind: 'sten', bands: { '6-7': [{ from: 2, to: 5, score: 3 }, { from: 6, to: 10, score: 7 }] } },
            },
          ],
        }),
      expected: (src) => ({ line: lineOf(src, '"from": 6'), field: 'scales.0.norms.bands.6-7.1.from', message: /Пропуск или наложение в нормах/ }),
    },
    {
      name: 'a script tag in a text',
      src: () => pretty({ ...base, items: [{ id: 'q1', type: 'likert', points: 5, text: 'Мне нравится <script>alert(1)</script>' }, (base.items as object[])[1]!] }),
      expected: (src) => ({ line: lineOf(src, '<script>'), field: 'items.0.text', message: /HTML-разметка/ }),
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      const before = await workbenchState();
      const src = c.src();
      const want = c.expected(src);
      for (const res of [await validate(src), await save(src)]) {
        expect(res.status, JSON.stringify(res.body)).toBe(422);
        expect(res.body.error.code).toBe('definition_invalid');
        const errors = res.body.error.details.errors as Array<{ line: number; column: number; field: string; message: string }>;
        expect(errors[0], JSON.stringify(errors)).toMatchObject({ line: want.line, field: want.field });
        expect(errors[0]!.message).toMatch(want.message);
      }
      expect(await workbenchState()).toEqual(before);
    });
  }

  it('refuses 5,000 items with the item-limit message alone, not an error per item', async () => {
    const before = await workbenchState();
    const items = Array.from({ length: 5000 }, (_, i) => ({ id: `q${i + 1}`, type: 'likert', points: 5, text: `Утверждение номер ${i + 1}` }));
    const src = pretty({ ...base, items });
    for (const call of [validate, save]) {
      const res = await call(src);
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(422);
      expect(res.body.error.details.errors).toEqual([
        { line: lineOf(src, '"items": ['), column: expect.any(Number), field: 'items', message: 'В тесте не больше 200 заданий: разделите его на несколько' },
      ]);
    }
    expect(await workbenchState()).toEqual(before);
  });

  it('refuses an empty source and a body that is not a definition before parsing', async () => {
    expect((await t.api('POST', '/api/diagnostics/definitions/validate', { ...as(methodologist), body: { source: '' } })).status).toBe(400);
    expect((await t.api('POST', '/api/diagnostics/definitions', { ...as(methodologist), body: {} })).status).toBe(400);
    const notObject = await validate('- just\n- a list\n');
    expect(notObject.status).toBe(422);
    expect(notObject.body.error.details.errors[0]).toMatchObject({ line: 1 });
  });

  it('accepts a valid YAML definition and returns it parsed, without saving it', async () => {
    const before = await workbenchState();
    const res = await validate(YAML_DEFINITION);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.definition).toMatchObject({ slug: 'yaml-test', retakeAfterDays: 30, items: [{ id: 'q1', type: 'likert', points: 5 }] });
    expect(await workbenchState()).toEqual(before);
  });
});

describe('drafts, publication, versions, retirement', () => {
  it('saves a draft (201), replaces it on a second save, and publishes it into the catalogue', async () => {
    const slug = uniqueSlug('draft');
    const first = await save(source(likertTest(slug, { title: 'Первый вариант' })));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ slug, version: 1 });
    const { testId, versionId } = first.body;

    const secondSource = source(likertTest(slug, { title: 'Второй вариант' }, 3));
    const second = await save(secondSource);
    expect(second.status).toBe(201);
    expect(second.body).toEqual({ testId, versionId, version: 1, slug });

    const detail = await t.api('GET', `/api/diagnostics/definitions/${testId}`, as(methodologist));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: testId, slug, kind: 'test', status: 'draft' });
    expect(detail.body.versions).toHaveLength(1);
    expect(detail.body.versions[0]).toMatchObject({ id: versionId, version: 1, status: 'draft', itemCount: 3, fromCatalogue: false });
    expect(detail.body.latest).toMatchObject({ id: versionId, status: 'draft', source: secondSource });
    expect(detail.body.latest.definition.title).toBe('Второй вариант');

    const listed = (await t.api('GET', '/api/diagnostics/definitions', as(methodologist))).body.tests.find((x: { slug: string }) => x.slug === slug);
    expect(listed).toMatchObject({ id: testId, status: 'draft', publishedVersion: null, latestVersion: 1, latestStatus: 'draft', title: 'Второй вариант', itemCount: 3 });

    // A draft is not in the catalogue and cannot be started.
    expect(await catalogueSlugs()).not.toContain(slug);
    expect((await t.api('POST', `/api/diagnostics/tests/${slug}/attempts`, { cookie: pupil.cookie })).status).toBe(404);

    const published = await t.api('POST', `/api/diagnostics/definitions/${testId}/versions/${versionId}/publish`, as(methodologist));
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toEqual({ testId, versionId, version: 1 });
    expect(await catalogueSlugs()).toContain(slug);
    const entry = (await t.api('GET', '/api/diagnostics/catalogue', { cookie: pupil.cookie })).body.tests.find((x: { slug: string }) => x.slug === slug);
    expect(entry).toMatchObject({ title: 'Второй вариант', itemCount: 3, kind: 'test', adapted: false, openAttemptId: null, completedCount: 0 });

    const audit = await t.rows<{ action: string }>(
      sql`select action from audit_log where actor_id = ${methodologist.accountId} and details->>'slug' = ${slug} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['diagnostics.definition_saved', 'diagnostics.definition_saved', 'diagnostics.version_published']);
  });

  it('refuses publishing twice, foreign versions, retiring a draft and changing a test into a game, changing nothing', async () => {
    const slug = uniqueSlug('refusals');
    const v1 = await publish(t, methodologist, likertTest(slug));
    const draftOnly = await saveDraft(t, methodologist, likertTest(uniqueSlug('never-published')));
    const before = await workbenchState();

    const twice = await t.api('POST', `/api/diagnostics/definitions/${v1.testId}/versions/${v1.versionId}/publish`, as(methodologist));
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('version_not_draft');
    const foreign = await t.api('POST', `/api/diagnostics/definitions/${v1.testId}/versions/${draftOnly.versionId}/publish`, as(methodologist));
    expect(foreign.status).toBe(404);
    expect((await t.api('POST', `/api/diagnostics/definitions/999999/versions/${v1.versionId}/publish`, as(methodologist))).status).toBe(404);
    const retireDraft = await t.api('POST', `/api/diagnostics/definitions/${draftOnly.testId}/retire`, as(methodologist));
    expect(retireDraft.status).toBe(409);
    const restoreDraft = await t.api('POST', `/api/diagnostics/definitions/${draftOnly.testId}/restore`, as(methodologist));
    expect(restoreDraft.status).toBe(409);
    expect((await t.api('POST', '/api/diagnostics/definitions/999999/retire', as(methodologist))).status).toBe(404);
    expect((await t.api('GET', '/api/diagnostics/definitions/999999', as(methodologist))).status).toBe(404);
    expect((await t.api('GET', '/api/diagnostics/definitions/999999/statistics', as(methodologist))).status).toBe(404);
    expect((await t.api('GET', `/api/diagnostics/definitions/${draftOnly.testId}/statistics`, as(methodologist))).status).toBe(404);

    const asGame = source({
      ...likertTest(slug),
      kind: 'game',
      game: { type: 'schulte' },
      items: [],
      scales: [{ id: 'attention', title: 'Внимание', metric: 'attention', levels: [{ from: 0, to: 100, title: 'Любой', text: 'Любой результат' }] }],
    });
    expect((await validate(asGame)).status).toBe(200);
    const kindChanged = await save(asGame);
    expect(kindChanged.status).toBe(409);
    expect(kindChanged.body.error.code).toBe('definition_kind_changed');

    expect(await workbenchState()).toEqual(before);
  });

  it('keeps v1 for an attempt started on it while new attempts get v2', async () => {
    const slug = uniqueSlug('versions');
    const v1 = await publish(t, methodologist, likertTest(slug, { title: 'Версия 1' }, 2));
    const first = await pupilOfGrade(t, 7);
    const onV1 = await start(t, first.cookie, slug);
    await answer(t, first.cookie, onV1, { q1: 5 });

    const v2 = await publish(t, methodologist, likertTest(slug, { title: 'Версия 2' }, 3));
    expect(v2).toMatchObject({ testId: v1.testId, version: 2 });
    expect(v2.versionId).not.toBe(v1.versionId);
    const detail = await t.api('GET', `/api/diagnostics/definitions/${v1.testId}`, as(methodologist));
    expect(detail.body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);

    // The attempt under way keeps the items it started with.
    const kept = await t.api('GET', `/api/diagnostics/attempts/${onV1}`, { cookie: first.cookie });
    expect(kept.body.test.title).toBe('Версия 1');
    expect(kept.body.test.items.map((i: { id: string }) => i.id)).toEqual(['q1', 'q2']);
    expect(kept.body.answers).toEqual({ q1: 5 });
    const v2Item = await t.api('PUT', `/api/diagnostics/attempts/${onV1}/answers/q3`, { cookie: first.cookie, body: { value: 3 } });
    expect(v2Item.status).toBe(400);
    await answer(t, first.cookie, onV1, { q2: 5 });
    await complete(t, first.cookie, onV1);

    // A new attempt, by another pupil or the same one (retakeAfterDays: 0), takes v2.
    const second = await pupilOfGrade(t, 7);
    const onV2 = await start(t, second.cookie, slug);
    const fresh = await t.api('GET', `/api/diagnostics/attempts/${onV2}`, { cookie: second.cookie });
    expect(fresh.body.test.title).toBe('Версия 2');
    expect(fresh.body.test.items.map((i: { id: string }) => i.id)).toEqual(['q1', 'q2', 'q3']);
    const again = await start(t, first.cookie, slug);
    expect((await t.api('GET', `/api/diagnostics/attempts/${again}`, { cookie: first.cookie })).body.test.items).toHaveLength(3);

    const results = await t.api('GET', `/api/pupils/${first.accountId}/diagnostics/results`, { cookie: first.cookie });
    expect(results.body.results.find((r: { attemptId: string }) => r.attemptId === onV1)).toMatchObject({ slug, version: 1, title: 'Версия 1' });
    const versions = (await t.api('GET', `/api/diagnostics/definitions/${v1.testId}`, as(methodologist))).body.versions;
    expect(versions.map((v: { version: number; completedAttempts: number }) => [v.version, v.completedAttempts])).toEqual([
      [2, 0],
      [1, 1],
    ]);
  });

  it('retire hides a test from the catalogue and restore brings it back', async () => {
    const slug = uniqueSlug('retire');
    const { testId } = await publish(t, methodologist, likertTest(slug));
    expect(await catalogueSlugs()).toContain(slug);
    const taker = await pupilOfGrade(t, 7);
    const done = await start(t, taker.cookie, slug);
    await answer(t, taker.cookie, done, { q1: 4, q2: 4 });
    await complete(t, taker.cookie, done);

    const retired = await t.api('POST', `/api/diagnostics/definitions/${testId}/retire`, as(methodologist));
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    expect(retired.body).toEqual({ testId, status: 'retired' });
    expect(await catalogueSlugs()).not.toContain(slug);
    expect((await t.api('POST', `/api/diagnostics/tests/${slug}/attempts`, { cookie: pupil.cookie })).status).toBe(404);
    const listed = (await t.api('GET', '/api/diagnostics/definitions', as(methodologist))).body.tests.find((x: { slug: string }) => x.slug === slug);
    expect(listed.status).toBe('retired');
    // Results of a retired test stay with the pupil.
    const kept = await t.api('GET', `/api/pupils/${taker.accountId}/diagnostics/results/${done}`, { cookie: taker.cookie });
    expect(kept.status).toBe(200);
    expect(kept.body.slug).toBe(slug);

    const restored = await t.api('POST', `/api/diagnostics/definitions/${testId}/restore`, as(methodologist));
    expect(restored.status).toBe(200);
    expect(restored.body).toEqual({ testId, status: 'published' });
    expect(await catalogueSlugs()).toContain(slug);
    expect((await t.api('POST', `/api/diagnostics/tests/${slug}/attempts`, { cookie: pupil.cookie })).status).toBe(201);
  });
});

describe('item statistics', () => {
  it('says "not enough" below 30 attempts, then gives alpha and item figures and flags the random item', async () => {
    const slug = uniqueSlug('statistics');
    const { testId, versionId } = await publish(t, methodologist, likertTest(slug, {}, 4));
    const taker = await pupilOfGrade(t, 7);

    // The first three items follow one trait L; the fourth is noise, orthogonal to it by construction.
    const answersOf = (i: number) => {
      const trait = (i % 5) + 1;
      return { q1: trait, q2: trait, q3: Math.min(5, trait + (i % 2)), q4: (Math.floor(i / 5) % 5) + 1 };
    };
    const takeOnce = async (i: number) => {
      const attemptId = await start(t, taker.cookie, slug);
      await answer(t, taker.cookie, attemptId, answersOf(i));
      await complete(t, taker.cookie, attemptId);
    };

    const empty = await t.api('GET', `/api/diagnostics/definitions/${testId}/statistics`, as(methodologist));
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      testId,
      versionId,
      version: 1,
      needed: 30,
      attempts: 0,
      enough: false,
      scales: [],
      normsNeeded: 300,
      norms: [{ gradeBand: '6-7', source: 'none', firstAttempts: 0, sampleSize: null, computedAt: null }],
    });

    for (let i = 0; i < 29; i++) await takeOnce(i);
    // An attempt still open does not count.
    await start(t, taker.cookie, slug);
    const few = await t.api('GET', `/api/diagnostics/definitions/${testId}/statistics`, as(methodologist));
    expect(few.body).toMatchObject({ attempts: 29, enough: false, scales: [] });

    const open = await start(t, taker.cookie, slug);
    await answer(t, taker.cookie, open, answersOf(29));
    await complete(t, taker.cookie, open);
    for (let i = 30; i < 40; i++) await takeOnce(i);

    const stats = await t.api('GET', `/api/diagnostics/definitions/${testId}/statistics?versionId=${versionId}`, as(methodologist));
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    expect(stats.body).toMatchObject({ testId, versionId, attempts: 40, enough: true });
    const [scale] = stats.body.scales;
    expect(scale.scaleId).toBe('main');
    expect(scale.alpha).toEqual(expect.any(Number));
    expect(scale.alpha).toBeGreaterThan(0.5);
    const byItem = Object.fromEntries(scale.items.map((i: { itemId: string }) => [i.itemId, i]));
    expect(Object.keys(byItem)).toEqual(['q1', 'q2', 'q3', 'q4']);
    for (const id of ['q1', 'q2', 'q3']) {
      expect(byItem[id]).toMatchObject({ weak: false });
      expect(byItem[id].facility).toBeGreaterThan(0.3);
      expect(byItem[id].discrimination).toBeGreaterThan(0.7);
    }
    expect(byItem.q1.facility).toBe(0.5);
    expect(byItem.q4.weak).toBe(true);
    expect(Math.abs(byItem.q4.discrimination)).toBeLessThan(0.2);

    const listed = (await t.api('GET', '/api/diagnostics/definitions', as(methodologist))).body.tests.find((x: { slug: string }) => x.slug === slug);
    expect(listed.completedAttempts).toBe(40);
  });

  it('has no item figures for a game', async () => {
    const game = (await t.api('GET', '/api/diagnostics/definitions', as(methodologist))).body.tests.find((x: { slug: string }) => x.slug === 'game-schulte');
    const stats = await t.api('GET', `/api/diagnostics/definitions/${game.id}/statistics`, as(methodologist));
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ testId: game.id, attempts: 0, enough: false, scales: [] });
  });
});

describe('only methodologists reach the workbench', () => {
  it('answers 403 to other roles and 401 to nobody signed in', async () => {
    const other = await registerPupil(t);
    const { testId, versionId } = await saveDraft(t, methodologist, likertTest(uniqueSlug('guarded')));
    const before = await workbenchState();
    const calls: Array<[string, string, unknown?]> = [
      ['GET', '/api/diagnostics/definitions'],
      ['POST', '/api/diagnostics/definitions/validate', { source: YAML_DEFINITION }],
      ['POST', '/api/diagnostics/definitions', { source: YAML_DEFINITION }],
      ['GET', `/api/diagnostics/definitions/${testId}`],
      ['POST', `/api/diagnostics/definitions/${testId}/versions/${versionId}/publish`],
      ['POST', `/api/diagnostics/definitions/${testId}/retire`],
      ['POST', `/api/diagnostics/definitions/${testId}/restore`],
      ['GET', `/api/diagnostics/definitions/${testId}/statistics`],
    ];
    for (const [method, url, body] of calls) {
      for (const cookie of [other.cookie, issuer.cookie, navigator.cookie]) {
        const res = await t.api(method, url, { cookie, ...(body ? { body } : {}) });
        expect(res.status, `${method} ${url}`).toBe(403);
      }
      expect((await t.api(method, url, body ? { body } : {})).status, `${method} ${url} anonymous`).toBe(401);
    }
    expect(await workbenchState()).toEqual(before);
  });
});
