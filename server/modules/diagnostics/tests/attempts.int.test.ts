import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Pupil } from '@server/test/factories.js';
import { createStaff, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import {
  KNOWN_ANSWERS,
  KNOWN_SCALES,
  answer,
  answerRows,
  knownTest,
  likertTest,
  publish,
  pupilOfGrade,
  start,
  startedMinutesAgo,
  takeTest,
  uniqueSlug,
} from './fixtures.js';

let t: TestApp;
let methodologist: StaffMember;
let pupil: Pupil;
let otherPupil: Pupil;

const slugs = {
  band67: uniqueSlug('band-6-7'),
  band89: uniqueSlug('band-8-9'),
  band1011: uniqueSlug('band-10-11'),
  band67and89: uniqueSlug('band-6-9'),
  base: uniqueSlug('ovz-base'),
  adapted: uniqueSlug('ovz-adapted'),
  known: uniqueSlug('known'),
  anytime: uniqueSlug('anytime'),
  stages: [uniqueSlug('stage-a'), uniqueSlug('stage-b'), uniqueSlug('stage-c')],
};

beforeAll(async () => {
  t = await startTestApp();
  methodologist = await createStaff(t, 'methodologist');
  await publish(t, methodologist, likertTest(slugs.band67, { gradeBands: ['6-7'] }));
  await publish(t, methodologist, likertTest(slugs.band89, { gradeBands: ['8-9'] }));
  await publish(t, methodologist, likertTest(slugs.band1011, { gradeBands: ['10-11'] }));
  await publish(t, methodologist, likertTest(slugs.band67and89, { gradeBands: ['6-7', '8-9'] }));
  await publish(t, methodologist, likertTest(slugs.base, { title: 'Обычный вариант' }));
  await publish(t, methodologist, likertTest(slugs.adapted, { title: 'Адаптированный вариант', ovz: { variantOf: slugs.base, adaptations: 'Короче инструкции, крупнее шрифт' } }));
  await publish(t, methodologist, knownTest(slugs.known));
  await publish(t, methodologist, likertTest(slugs.anytime, { retakeAfterDays: 0 }));
  pupil = await pupilOfGrade(t, 7);
  otherPupil = await pupilOfGrade(t, 7);
}, 120_000);
afterAll(() => t.close());

interface CatalogueEntry {
  slug: string;
  adapted: boolean;
  openAttemptId: string | null;
  completedCount: number;
  lastAttemptId: string | null;
  lastCompletedAt: string | null;
  retakeAvailableAt: string | null;
}

async function catalogue(who: Pupil): Promise<{ gradeBand: string; tests: CatalogueEntry[] }> {
  const res = await t.api('GET', '/api/diagnostics/catalogue', { cookie: who.cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const put = (who: Pupil, attemptId: string, itemId: string, value: unknown) =>
  t.api('PUT', `/api/diagnostics/attempts/${attemptId}/answers/${itemId}`, { cookie: who.cookie, body: { value } });
const getAttempt = (who: Pupil, attemptId: string) => t.api('GET', `/api/diagnostics/attempts/${attemptId}`, { cookie: who.cookie });
const getResult = (who: Pupil, attemptId: string) => t.api('GET', `/api/pupils/${who.accountId}/diagnostics/results/${attemptId}`, { cookie: who.cookie });

async function attemptStatus(attemptId: string): Promise<string> {
  const [row] = await t.rows<{ status: string }>(sql`select status from diagnostic_attempts where id = ${attemptId}`);
  return row!.status;
}

describe('the catalogue', () => {
  it('offers a pupil of grade 7 only the tests of its band', async () => {
    const seen = await catalogue(pupil);
    expect(seen.gradeBand).toBe('6-7');
    const offered = seen.tests.map((x) => x.slug);
    expect(offered).toEqual(expect.arrayContaining([slugs.band67, slugs.band67and89]));
    expect(offered).not.toContain(slugs.band89);
    expect(offered).not.toContain(slugs.band1011);

    // Whatever the repository's catalogue holds, every test offered is one of the band's.
    const bands = new Map<string, string[]>(
      (await t.api('GET', '/api/diagnostics/definitions', { cookie: methodologist.cookie })).body.tests.map((x: { slug: string; gradeBands: string[] }) => [x.slug, x.gradeBands]),
    );
    for (const slug of offered) expect(bands.get(slug), slug).toContain('6-7');

    const older = await catalogue(await pupilOfGrade(t, 9));
    expect(older.gradeBand).toBe('8-9');
    expect(older.tests.map((x) => x.slug)).toEqual(expect.arrayContaining([slugs.band89, slugs.band67and89]));
    expect(older.tests.map((x) => x.slug)).not.toContain(slugs.band67);

    const foreign = await t.api('POST', `/api/diagnostics/tests/${slugs.band89}/attempts`, { cookie: pupil.cookie });
    expect(foreign.status).toBe(404);
    expect((await t.api('POST', '/api/diagnostics/tests/no-such-test/attempts', { cookie: pupil.cookie })).status).toBe(404);
  });

  it('shows a pupil with ОВЗ the adapted variant instead of its base', async () => {
    const regular = (await catalogue(pupil)).tests;
    expect(regular.find((x) => x.slug === slugs.base)).toMatchObject({ adapted: false });
    expect(regular.map((x) => x.slug)).not.toContain(slugs.adapted);

    const ovzPupil = await pupilOfGrade(t, 7, { hasOvz: true });
    const adapted = (await catalogue(ovzPupil)).tests;
    expect(adapted.find((x) => x.slug === slugs.adapted)).toMatchObject({ adapted: true });
    expect(adapted.map((x) => x.slug)).not.toContain(slugs.base);
    // Tests without a variant are offered to everyone.
    expect(adapted.map((x) => x.slug)).toContain(slugs.band67);

    const started = await t.api('POST', `/api/diagnostics/tests/${slugs.adapted}/attempts`, { cookie: ovzPupil.cookie });
    expect(started.status).toBe(201);
    expect((await getAttempt(ovzPupil, started.body.attemptId)).body.test.title).toBe('Адаптированный вариант');
  });
});

describe('the stages of the catalogue', () => {
  it('starts a pupil at interests, counts each stage, and moves on after three tests while every test stays open', async () => {
    const senior = await pupilOfGrade(t, 11);
    const first = (await t.api('GET', '/api/diagnostics/catalogue', { cookie: senior.cookie })).body;
    expect(first.stages.map((s: { stage: string; current: boolean }) => [s.stage, s.current])).toEqual([
      ['interests', true],
      ['abilities', false],
      ['professions', false],
    ]);
    for (const stage of first.stages) {
      expect(stage.offered, stage.stage).toBe(first.tests.filter((x: { stage: string }) => x.stage === stage.stage).length);
      expect(stage.completed).toBe(0);
    }

    for (const slug of slugs.stages) {
      await publish(t, methodologist, likertTest(slug, { gradeBands: ['10-11'], stage: 'interests' }));
      const started = await t.api('POST', `/api/diagnostics/tests/${slug}/attempts`, { cookie: senior.cookie });
      await answer(t, senior.cookie, started.body.attemptId, { q1: 4, q2: 2 });
      expect((await t.api('POST', `/api/diagnostics/attempts/${started.body.attemptId}/complete`, { cookie: senior.cookie })).status).toBe(200);
    }

    const after = (await t.api('GET', '/api/diagnostics/catalogue', { cookie: senior.cookie })).body;
    expect(after.stages.find((s: { stage: string }) => s.stage === 'interests')).toMatchObject({ completed: 3, current: false });
    expect(after.stages.find((s: { current: boolean }) => s.current).stage).toBe('abilities');
    const professions = after.tests.find((x: { stage: string }) => x.stage === 'professions');
    expect((await t.api('POST', `/api/diagnostics/tests/${professions.slug}/attempts`, { cookie: senior.cookie })).status).toBe(201);
  });
});

describe('starting and resuming', () => {
  it('resumes the attempt in progress instead of starting a second one', async () => {
    const first = await t.api('POST', `/api/diagnostics/tests/${slugs.band67}/attempts`, { cookie: pupil.cookie });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toEqual({ attemptId: expect.any(String), resumed: false });
    const second = await t.api('POST', `/api/diagnostics/tests/${slugs.band67}/attempts`, { cookie: pupil.cookie });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ attemptId: first.body.attemptId, resumed: true });
    expect((await catalogue(pupil)).tests.find((x) => x.slug === slugs.band67)!.openAttemptId).toBe(first.body.attemptId);

    const attempt = await getAttempt(pupil, first.body.attemptId);
    expect(attempt.status).toBe(200);
    expect(attempt.body).toMatchObject({ id: first.body.attemptId, status: 'in_progress', answers: {}, stimulus: null });
    expect(attempt.body.test).toMatchObject({ slug: slugs.band67, kind: 'test', items: [{ id: 'q1' }, { id: 'q2' }] });
    // The pupil never sees the keys, norms or interpretations.
    expect(attempt.body.test.scales).toBeUndefined();
  });

  it('keeps one attempt in progress when two starts arrive at once', async () => {
    const racer = await pupilOfGrade(t, 7);
    const [a, b] = await Promise.all([
      t.api('POST', `/api/diagnostics/tests/${slugs.band67and89}/attempts`, { cookie: racer.cookie }),
      t.api('POST', `/api/diagnostics/tests/${slugs.band67and89}/attempts`, { cookie: racer.cookie }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.attemptId).toBe(b.body.attemptId);
    const [row] = await t.rows<{ n: number }>(sql`select count(*)::int as n from diagnostic_attempts a join diagnostic_tests t on t.id = a.test_id
      where a.participant_id = ${racer.accountId} and t.slug = ${slugs.band67and89}`);
    expect(row!.n).toBe(1);
  });
});

describe('answers, completion and scores of a test with every item type', () => {
  let attemptId: string;

  beforeAll(async () => {
    attemptId = await start(t, pupil.cookie, slugs.known);
  });

  it('saves answers one by one; the same answer twice is one row, a changed one replaces it', async () => {
    const saved = await put(pupil, attemptId, 'q1', 3);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual({ saved: true });
    expect((await put(pupil, attemptId, 'q1', 3)).status).toBe(200);
    expect(await answerRows(t, attemptId)).toEqual([{ item_id: 'q1', value: 3 }]);
    // A retry racing the original request is still one row.
    const racing = await Promise.all([put(pupil, attemptId, 'q1', 3), put(pupil, attemptId, 'q1', 3)]);
    expect(racing.map((r) => r.status)).toEqual([200, 200]);
    expect(await answerRows(t, attemptId)).toEqual([{ item_id: 'q1', value: 3 }]);

    expect((await put(pupil, attemptId, 'q1', KNOWN_ANSWERS.q1)).status).toBe(200);
    expect(await answerRows(t, attemptId)).toEqual([{ item_id: 'q1', value: 4 }]);
    await answer(t, pupil.cookie, attemptId, { q2: KNOWN_ANSWERS.q2, q3: KNOWN_ANSWERS.q3 });
    expect((await getAttempt(pupil, attemptId)).body.answers).toEqual({ q1: 4, q2: 2, q3: 'b' });
  });

  it('refuses an item not in the test and stores nothing', async () => {
    const before = await answerRows(t, attemptId);
    const unknown = await put(pupil, attemptId, 'q99', 1);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('unknown_item');
    expect((await put(pupil, attemptId, 'Q1;drop', 1)).status).toBe(400);
    expect(await answerRows(t, attemptId)).toEqual(before);
  });

  it('refuses out-of-range values for each item type and stores nothing', async () => {
    const before = await answerRows(t, attemptId);
    const bad: Array<[string, unknown]> = [
      ['q1', 0],
      ['q1', 6],
      ['q1', 2.5],
      ['q1', '3'],
      ['q1', [3]],
      ['q3', 'd'],
      ['q3', 1],
      ['q3', ['b']],
      ['q4', []],
      ['q4', ['a', 'b', 'c']],
      ['q4', ['a', 'a']],
      ['q4', ['z']],
      ['q4', 'a'],
      ['q5', 'a'],
      ['q5', ['x', 'y']],
      ['q6', ['r1', 'r2']],
      ['q6', ['r1', 'r1', 'r2']],
      ['q6', ['r1', 'r2', 'r9']],
      ['q6', ['r1', 'r2', 'r3', 'r1']],
      ['q6', 'r1'],
      ['q7', 11],
      ['q7', -1],
      ['q7', 2.5],
      ['q7', '7'],
      ['q8', 1.5],
      ['q8', -0.1],
      ['q8', null],
      ['q8', { value: 1 }],
    ];
    for (const [itemId, value] of bad) {
      const res = await put(pupil, attemptId, itemId, value);
      expect(res.status, `${itemId} = ${JSON.stringify(value)}: ${JSON.stringify(res.body)}`).toBe(400);
    }
    const noValue = await t.api('PUT', `/api/diagnostics/attempts/${attemptId}/answers/q1`, { cookie: pupil.cookie, body: {} });
    expect(noValue.status).toBe(400);
    const extra = await t.api('PUT', `/api/diagnostics/attempts/${attemptId}/answers/q1`, { cookie: pupil.cookie, body: { value: 3, score: 100 } });
    expect(extra.status).toBe(400);
    expect(await answerRows(t, attemptId)).toEqual(before);
  });

  it('refuses to complete while items are unanswered, naming how many', async () => {
    const missing = await t.api('POST', `/api/diagnostics/attempts/${attemptId}/complete`, { cookie: pupil.cookie });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('answers_missing');
    expect(missing.body.error.message).toBe('Осталось ответить на 5 вопросов');
    const { q8: _last, ...allButOne } = KNOWN_ANSWERS;
    await answer(t, pupil.cookie, attemptId, allButOne);
    const one = await t.api('POST', `/api/diagnostics/attempts/${attemptId}/complete`, { cookie: pupil.cookie });
    expect(one.status).toBe(400);
    expect(one.body.error.message).toBe('Осталось ответить на 1 вопрос');
    expect(await attemptStatus(attemptId)).toBe('in_progress');
    const game = await t.api('POST', `/api/diagnostics/attempts/${attemptId}/game`, { cookie: pupil.cookie, body: { events: { clicks: [] } } });
    expect(game.status).toBe(400);
    expect(game.body.error.code).toBe('not_a_game');
  });

  it('completes with the scores worked out by hand', async () => {
    await answer(t, pupil.cookie, attemptId, { q8: KNOWN_ANSWERS.q8 });
    const done = await t.api('POST', `/api/diagnostics/attempts/${attemptId}/complete`, { cookie: pupil.cookie });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual({ attemptId, completedAt: expect.any(String) });

    const result = await getResult(pupil, attemptId);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({ attemptId, slug: slugs.known, kind: 'test', completedAt: done.body.completedAt, gameSummary: null });
    expect(result.body.scales).toEqual(KNOWN_SCALES.map((s) => ({ ...s, description: null })));
    expect(result.body.attemptsOfThisTest).toEqual([{ attemptId, completedAt: done.body.completedAt }]);

    const list = await t.api('GET', `/api/pupils/${pupil.accountId}/diagnostics/results`, { cookie: pupil.cookie });
    expect(list.body.results.find((r: { attemptId: string }) => r.attemptId === attemptId)).toEqual({
      attemptId,
      slug: slugs.known,
      kind: 'test',
      title: expect.any(String),
      version: 1,
      completedAt: done.body.completedAt,
      scales: KNOWN_SCALES.map((s) => ({ id: s.id, title: s.title, score: s.score, level: s.level.title })),
    });
    const attempt = await getAttempt(pupil, attemptId);
    expect(attempt.body).toMatchObject({ status: 'completed', answers: {} });
  });

  it('refuses a second completion and any answer afterwards, leaving the result as it was', async () => {
    const before = await getResult(pupil, attemptId);
    const rowsBefore = await answerRows(t, attemptId);
    const again = await t.api('POST', `/api/diagnostics/attempts/${attemptId}/complete`, { cookie: pupil.cookie });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('attempt_finished');
    const late = await put(pupil, attemptId, 'q1', 1);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('attempt_finished');
    const lateGame = await t.api('POST', `/api/diagnostics/attempts/${attemptId}/game`, { cookie: pupil.cookie, body: { events: {} } });
    expect(lateGame.status).toBe(409);
    expect(await answerRows(t, attemptId)).toEqual(rowsBefore);
    expect((await getResult(pupil, attemptId)).body).toEqual(before.body);
  });

  it('refuses a retake before the interval, naming the date', async () => {
    const entry = (await catalogue(pupil)).tests.find((x) => x.slug === slugs.known)!;
    expect(entry).toMatchObject({ openAttemptId: null, completedCount: 1, lastAttemptId: attemptId });
    const retakeAt = new Date(new Date(entry.lastCompletedAt!).getTime() + 30 * 86_400_000);
    expect(entry.retakeAvailableAt).toBe(retakeAt.toISOString());

    const retake = await t.api('POST', `/api/diagnostics/tests/${slugs.known}/attempts`, { cookie: pupil.cookie });
    expect(retake.status).toBe(409);
    expect(retake.body.error.code).toBe('retake_too_soon');
    expect(retake.body.error.message).toContain(retakeAt.toLocaleDateString('ru-RU', { timeZone: 'Europe/Moscow' }));
    const [row] = await t.rows<{ n: number }>(sql`select count(*)::int as n from diagnostic_attempts where participant_id = ${pupil.accountId} and status = 'in_progress'
      and test_id = (select id from diagnostic_tests where slug = ${slugs.known})`);
    expect(row!.n).toBe(0);
  });
});

describe('retakes', () => {
  it('allows a retake at once with retakeAfterDays: 0 and keeps both attempts', async () => {
    const taker = await pupilOfGrade(t, 7);
    const first = await takeTest(t, taker.cookie, slugs.anytime, { q1: 1, q2: 1 });
    const second = await takeTest(t, taker.cookie, slugs.anytime, { q1: 5, q2: 5 });
    expect(second).not.toBe(first);

    const list = await t.api('GET', `/api/pupils/${taker.accountId}/diagnostics/results`, { cookie: taker.cookie });
    const mine = list.body.results.filter((r: { slug: string }) => r.slug === slugs.anytime);
    expect(mine.map((r: { attemptId: string; scales: Array<{ score: number }> }) => [r.attemptId, r.scales[0]!.score])).toEqual([
      [second, 100],
      [first, 0],
    ]);
    const result = await getResult(taker, first);
    expect(result.body.attemptsOfThisTest.map((a: { attemptId: string }) => a.attemptId)).toEqual([second, first]);
    expect((await catalogue(taker)).tests.find((x) => x.slug === slugs.anytime)).toMatchObject({
      completedCount: 2,
      lastAttemptId: second,
      retakeAvailableAt: null,
    });
  });
});

describe('two completions at once', () => {
  it('scores the attempt once: one 200, one 409, one footprint snapshot', async () => {
    const taker = await pupilOfGrade(t, 7);
    const attemptId = await start(t, taker.cookie, slugs.anytime);
    await answer(t, taker.cookie, attemptId, { q1: 3, q2: 4 });
    const both = await Promise.all([
      t.api('POST', `/api/diagnostics/attempts/${attemptId}/complete`, { cookie: taker.cookie }),
      t.api('POST', `/api/diagnostics/attempts/${attemptId}/complete`, { cookie: taker.cookie }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const [snapshots] = await t.rows<{ n: number }>(sql`select count(*)::int as n from footprint_snapshots where participant_id = ${taker.accountId}`);
    expect(snapshots!.n).toBe(1);
    const [contributions] = await t.rows<{ n: number }>(sql`select count(*)::int as n from footprint_contributions where participant_id = ${taker.accountId}`);
    expect(contributions!.n).toBe(1);
  });
});

describe('someone else’s attempt', () => {
  it('answers 404 for another pupil’s attempt and an unknown one, and changes nothing', async () => {
    const theirs = await start(t, otherPupil.cookie, slugs.band67);
    await answer(t, otherPupil.cookie, theirs, { q1: 2 });
    for (const id of [theirs, crypto.randomUUID()]) {
      expect((await getAttempt(pupil, id)).status).toBe(404);
      expect((await put(pupil, id, 'q1', 5)).status).toBe(404);
      expect((await put(pupil, id, 'q99', 5)).status).toBe(404);
      expect((await t.api('POST', `/api/diagnostics/attempts/${id}/complete`, { cookie: pupil.cookie })).status).toBe(404);
      expect((await t.api('POST', `/api/diagnostics/attempts/${id}/game`, { cookie: pupil.cookie, body: { events: {} } })).status).toBe(404);
      expect((await getResult(pupil, id)).status).toBe(404);
    }
    expect(await answerRows(t, theirs)).toEqual([{ item_id: 'q1', value: 2 }]);
    expect(await attemptStatus(theirs)).toBe('in_progress');
    expect((await getAttempt(pupil, 'not-a-uuid')).status).toBe(400);
  });
});

// ——— Games: events built from the stimulus the attempt shows, as the browser would send them. ———

type Cell = [number, number];

function normalise(cells: readonly Cell[]): Cell[] {
  const minX = Math.min(...cells.map(([x]) => x));
  const minY = Math.min(...cells.map(([, y]) => y));
  return cells.map(([x, y]): Cell => [x - minX, y - minY]).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

function quarterTurn(cells: readonly Cell[]): Cell[] {
  const bottom = Math.max(...cells.map(([, y]) => y));
  return normalise(cells.map(([x, y]): Cell => [bottom - y, x]));
}

/** Whether the probe is the sample turned (not mirrored), worked out from the figures alone. */
function isTurnedSample(sample: Cell[], probe: Cell[]): boolean {
  const target = JSON.stringify(normalise(probe));
  let figure = normalise(sample);
  for (let q = 0; q < 4; q++) {
    if (JSON.stringify(figure) === target) return true;
    figure = quarterTurn(figure);
  }
  return false;
}

/** Schulte: every number in order, 2 s apart, and one wrong click in each table 1 s after its tenth number. */
function schulteClicks(stimulus: { size: number; tables: number[][] }) {
  const clicks: Array<{ table: number; cell: number; t: number }> = [];
  let time = 0;
  stimulus.tables.forEach((table, index) => {
    for (let n = 1; n <= stimulus.size ** 2; n++) {
      time += 2000;
      clicks.push({ table: index, cell: table.indexOf(n), t: time });
      if (n === 10) clicks.push({ table: index, cell: table.indexOf(25), t: time + 1000 });
    }
  });
  return clicks;
}

async function gameScales(slug: string): Promise<Map<string, string>> {
  const list = await t.api('GET', '/api/diagnostics/definitions', { cookie: methodologist.cookie });
  const id = list.body.tests.find((x: { slug: string }) => x.slug === slug).id;
  const detail = await t.api('GET', `/api/diagnostics/definitions/${id}`, { cookie: methodologist.cookie });
  return new Map(detail.body.latest.definition.scales.map((s: { id: string; metric: string }) => [s.id, s.metric]));
}

describe('games', () => {
  let player: Pupil;

  beforeAll(async () => {
    player = await pupilOfGrade(t, 7);
  });

  const submit = (attemptId: string, events: unknown) => t.api('POST', `/api/diagnostics/attempts/${attemptId}/game`, { cookie: player.cookie, body: { events } });

  it('scores a plausible Schulte game and refuses impossible ones, leaving the attempt open', async () => {
    const attemptId = await start(t, player.cookie, 'game-schulte');
    const attempt = await getAttempt(player, attemptId);
    expect(attempt.body.test).toMatchObject({ kind: 'game', gameType: 'schulte', items: [] });
    const stimulus = attempt.body.stimulus as { size: number; tables: number[][] };
    expect(stimulus.tables.length).toBeGreaterThan(0);
    // The stimulus is drawn from the attempt's seed: the same on every look.
    expect((await getAttempt(player, attemptId)).body.stimulus).toEqual(stimulus);

    const clicks = schulteClicks(stimulus);
    const refused: Array<[string, unknown, RegExp]> = [
      ['finished in 0 ms', { clicks: clicks.map((c) => ({ ...c, t: 0 })) }, /0 секунд/],
      ['inhumanly fast', { clicks: clicks.map((c, i) => ({ ...c, t: (i + 1) * 10 })) }, /быстрее/],
      ['time running backwards', { clicks: clicks.map((c, i) => (i === 5 ? { ...c, t: 1 } : c)) }, /назад/],
      ['unfinished', { clicks: clicks.slice(0, 30) }, /Пройдено таблиц/],
      ['no clicks at all', { clicks: [] }, /Пройдено таблиц: 0/],
      ['a damaged body', { clicks: 'все нажатия' }, /неверном виде/],
      ['longer than since the attempt started', { clicks }, /не сходится/],
    ];
    for (const [what, events, message] of refused) {
      const res = await submit(attemptId, events);
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(422);
      expect(res.body.error.code).toBe('implausible_game');
      expect(res.body.error.message, what).toMatch(message);
    }
    expect(await attemptStatus(attemptId)).toBe('in_progress');
    expect((await getAttempt(player, attemptId)).body.status).toBe('in_progress');
    const asTest = await t.api('POST', `/api/diagnostics/attempts/${attemptId}/complete`, { cookie: player.cookie });
    expect(asTest.status).toBe(400);
    expect(asTest.body.error.code).toBe('is_game');

    // The pupil opened the game five minutes ago and played for two and a half.
    await startedMinutesAgo(t, attemptId, 5);
    const played = await submit(attemptId, { clicks });
    expect(played.status, JSON.stringify(played.body)).toBe(200);
    expect(played.body).toEqual({ attemptId, completedAt: expect.any(String) });

    // Tables of 50 s against 30–80 s for grades 6–7: 60, less 5 per error per table: 55.
    // Accuracy: 3 wrong clicks of 78, 5 points per percent: 100 × (1 − 15 / 78) = 80.8 → 81.
    const metrics: Record<string, number> = { attention: 55, accuracy: 81 };
    const result = await getResult(player, attemptId);
    expect(result.body.gameSummary).toEqual({ tables: 3, meanSecondsPerTable: 50, bestTableSeconds: 50, errors: 3 });
    const scales = await gameScales('game-schulte');
    expect(result.body.scales.length).toBe(scales.size);
    for (const scale of result.body.scales) expect(scale.score, scale.id).toBe(metrics[scales.get(scale.id)!]);
    expect(await attemptStatus(attemptId)).toBe('completed');
    expect((await submit(attemptId, { clicks })).status).toBe(409);
  });

  it('scores a plausible sequence game', async () => {
    const attemptId = await start(t, player.cookie, 'game-sequence');
    const stimulus = (await getAttempt(player, attemptId)).body.stimulus as {
      gridSize: number;
      timing: { pauseMs: number; litMs: number; gapMs: number };
      spans: Array<{ length: number; attempts: number[][] }>;
    };
    // Right at lengths 2–5, then wrong twice at 6: the longest span is 5.
    const plan: Array<{ shown: number[]; right: boolean }> = [
      ...stimulus.spans.slice(0, 4).map((s) => ({ shown: s.attempts[0]!, right: true })),
      { shown: stimulus.spans[4]!.attempts[0]!, right: false },
      { shown: stimulus.spans[4]!.attempts[1]!, right: false },
    ];
    const taps: Array<{ round: number; cell: number; t: number }> = [];
    let time = 0;
    plan.forEach(({ shown, right }, round) => {
      time += shown.length * (stimulus.timing.litMs + stimulus.timing.gapMs) + 500;
      shown.forEach((cell, i) => {
        const last = i === shown.length - 1;
        taps.push({ round, cell: right || !last ? cell : (cell + 1) % stimulus.gridSize ** 2, t: time });
        time += 400;
      });
      time -= 400;
    });
    const tooEarly = await t.api('POST', `/api/diagnostics/attempts/${attemptId}/game`, {
      cookie: player.cookie,
      body: { events: { taps: taps.map((tap) => ({ ...tap, t: tap.t - 1500 })) } },
    });
    expect(tooEarly.status).toBe(422);
    await startedMinutesAgo(t, attemptId, 5);
    const played = await submit(attemptId, { taps });
    expect(played.status, JSON.stringify(played.body)).toBe(200);
    const result = await getResult(player, attemptId);
    expect(result.body.gameSummary).toEqual({ longestSpan: 5, rounds: 6, correctRounds: 4 });
    // A span of 5 between 1 (worth 0) and 7 (worth 100) for grades 6–7: 66.7 → 67.
    const scales = await gameScales('game-sequence');
    expect(result.body.scales.length).toBe(scales.size);
    for (const scale of result.body.scales) expect(scale.score, scale.id).toBe({ memory: 67 }[scales.get(scale.id)!]);
  });

  it('scores a plausible mental rotation game', async () => {
    const attemptId = await start(t, player.cookie, 'game-rotation');
    const stimulus = (await getAttempt(player, attemptId)).body.stimulus as { trials: Array<{ sample: Cell[]; probe: Cell[] }> };
    // Nine right and the last three wrong, one answer every 4 s.
    const answers = stimulus.trials.map((trial, i) => {
      const same = isTurnedSample(trial.sample, trial.probe);
      const right = i < stimulus.trials.length - 3;
      return { trial: i, answer: same === right ? 'same' : 'mirror', t: (i + 1) * 4000 };
    });
    await startedMinutesAgo(t, attemptId, 2);
    const played = await submit(attemptId, { answers });
    expect(played.status, JSON.stringify(played.body)).toBe(200);
    const result = await getResult(player, attemptId);
    expect(result.body.gameSummary).toEqual({ correct: 9, trials: 12, medianSeconds: 4 });
    // Accuracy: 9 of 12 is halfway between guessing (6) and all right: 50. Speed: 4 s between 10 s
    // (0) and 3 s (1) is 6/7; construction = 50 × (0.8 + 0.2 × 6/7) = 48.6 → 49.
    const scales = await gameScales('game-rotation');
    expect(result.body.scales.length).toBe(scales.size);
    for (const scale of result.body.scales) expect(scale.score, scale.id).toBe({ construction: 49, accuracy: 50 }[scales.get(scale.id)!]);
  });
});
