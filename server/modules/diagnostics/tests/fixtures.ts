import crypto from 'node:crypto';
import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { CONSENT_TEXTS } from '@common/consents.js';
import { birthDateForAge, confirmedParent, participantInput, registerPupil, type Pupil } from '@server/test/factories.js';
import type { Place, StaffMember } from '@server/test/staff-factories.js';
import type { TestApp } from '@server/test/test-app.js';

/**
 * Definitions with known answers for the diagnostics' integration tests, and the people who take
 * them. Everything goes through the API a methodologist, a parent or a pupil would use.
 */

export const LEVELS = [
  { from: 0, to: 49, title: 'Пока немного', text: 'Это качество пока проявляется нечасто.' },
  { from: 50, to: 100, title: 'Ярко выражено', text: 'Это качество проявляется часто.' },
];

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(4).toString('hex')}`;
}

/** A valid one-scale test of `itemCount` five-point likert items, with every field a test needs. */
export function likertTest(slug: string, overrides: Record<string, unknown> = {}, itemCount = 2): Record<string, unknown> {
  const items = Array.from({ length: itemCount }, (_, i) => ({ id: `q${i + 1}`, type: 'likert', points: 5, text: `Утверждение номер ${i + 1}` }));
  return {
    format: 1,
    slug,
    kind: 'test',
    title: `Тест ${slug}`,
    summary: 'Короткий тест для проверки',
    description: 'Тест, который методист загрузил для проверки платформы.',
    gradeBands: ['6-7'],
    durationMinutes: 5,
    retakeAfterDays: 0,
    source: 'Авторский тест команды',
    licence: 'CC BY 4.0',
    items,
    scales: [
      {
        id: 'main',
        title: 'Общительность',
        keys: items.map((i) => ({ item: i.id })),
        maps: [{ dimension: 'soft_skill:communication', weight: 1 }],
        levels: LEVELS,
      },
    ],
    ...overrides,
  };
}

/**
 * One item of every type and four scales whose results are worked out by hand below, from the
 * rules of docs/diagnostics/FORMAT.md.
 */
export function knownTest(slug: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 1,
    slug,
    kind: 'test',
    title: `Все виды заданий ${slug}`,
    summary: 'Тест со всеми видами заданий',
    description: 'Тест со всеми видами заданий и известными ответами.',
    gradeBands: ['6-7'],
    durationMinutes: 10,
    retakeAfterDays: 30,
    source: 'Авторский тест команды',
    licence: 'CC BY 4.0',
    items: [
      { id: 'q1', type: 'likert', points: 5, text: 'Мне нравится работать в команде' },
      { id: 'q2', type: 'likert', points: 5, text: 'Я предпочитаю работать один' },
      { id: 'q3', type: 'single', text: 'Что ты выберешь?', options: [{ id: 'a', text: 'Книгу' }, { id: 'b', text: 'Компьютер' }, { id: 'c', text: 'Мяч' }] },
      {
        id: 'q4',
        type: 'multiple',
        maxChoices: 2,
        text: 'Что тебе интересно?',
        options: [{ id: 'a', text: 'Программы' }, { id: 'b', text: 'Рисование' }, { id: 'c', text: 'Сайты' }, { id: 'd', text: 'Спорт' }],
      },
      { id: 'q5', type: 'forced', text: 'Что ближе?', options: [{ id: 'x', text: 'Люди' }, { id: 'y', text: 'Техника' }] },
      { id: 'q6', type: 'ranking', text: 'Расставь по интересу', options: [{ id: 'r1', text: 'Музыка' }, { id: 'r2', text: 'Код' }, { id: 'r3', text: 'Лес' }] },
      { id: 'q7', type: 'numeric', min: 0, max: 10, text: 'Сколько будет 15 − 8?' },
      { id: 'q8', type: 'numeric', min: 0, max: 1, integer: false, text: 'Какую долю дня ты за компьютером?' },
    ],
    scales: [
      {
        // raw = q1 + 2 × (6 − q2): from 3 to 15.
        id: 'likert',
        title: 'Командность',
        keys: [{ item: 'q1' }, { item: 'q2', reverse: true, weight: 2 }],
        maps: [{ dimension: 'soft_skill:communication', weight: 1 }],
        levels: LEVELS,
      },
      {
        // raw = 2 (q3 = b) + 1 per a or c among q4 + 1 (q5 = y): from 0 to 5.
        id: 'choice',
        title: 'Интерес к IT',
        keys: [{ item: 'q3', option: 'b', weight: 2 }, { item: 'q4', option: 'a' }, { item: 'q4', option: 'c' }, { item: 'q5', option: 'y' }],
        maps: [{ dimension: 'sphere:it', weight: 1 }, { dimension: 'soft_skill:communication', weight: 0.5 }],
        levels: LEVELS,
      },
      {
        // mean of: r2's place (first 1, second 0.5, last 0), q7 within 1 of 7, q8 itself: from 0 to 1.
        id: 'mixed',
        title: 'Смешанная',
        method: 'mean',
        keys: [{ item: 'q6', option: 'r2' }, { item: 'q7', correct: 7, tolerance: 1 }, { item: 'q8' }],
        levels: LEVELS,
      },
      {
        // q1 through a sten table: 1–3 → 2, 3–5 → 8.
        id: 'normed',
        title: 'По нормам',
        keys: [{ item: 'q1' }],
        norms: { kind: 'sten', bands: { '6-7': [{ from: 1, to: 3, score: 2 }, { from: 3, to: 5, score: 8 }] } },
        levels: LEVELS,
      },
    ],
    ...overrides,
  };
}

export const KNOWN_ANSWERS: Record<string, string | string[] | number> = {
  q1: 4,
  q2: 2,
  q3: 'b',
  q4: ['a', 'd'],
  q5: 'x',
  q6: ['r2', 'r1', 'r3'],
  q7: 8,
  q8: 0.25,
};

/**
 * By hand: likert raw 4 + 2 × (6 − 2) = 12, (12 − 3) / 12 = 75; choice raw 2 + 1 + 0 = 3 of 5 = 60;
 * mixed (1 + 1 + 0.25) / 3 = 0.75 of 1 = 75; normed q1 = 4 falls in 3–5, sten 8, (8 − 1) / 9 = 77.8 → 78.
 */
export const KNOWN_SCALES = [
  { id: 'likert', title: 'Командность', raw: 12, score: 75, norm: null, level: { title: 'Ярко выражено', text: LEVELS[1]!.text } },
  { id: 'choice', title: 'Интерес к IT', raw: 3, score: 60, norm: null, level: { title: 'Ярко выражено', text: LEVELS[1]!.text } },
  { id: 'mixed', title: 'Смешанная', raw: 0.75, score: 75, norm: null, level: { title: 'Ярко выражено', text: LEVELS[1]!.text } },
  { id: 'normed', title: 'По нормам', raw: 4, score: 78, norm: { kind: 'sten', value: 8 }, level: { title: 'Ярко выражено', text: LEVELS[1]!.text } },
];

/**
 * The footprint of the known answers: communication (75 × 1 + 60 × 0.5) / 1.5 = 70 from the
 * likert and choice scales, sphere it 60 from the choice scale; the other two scales map nowhere.
 */
export const KNOWN_FOOTPRINT = { 'soft_skill:communication': 70, 'sphere:it': 60 };

export function source(def: Record<string, unknown>): string {
  return JSON.stringify(def, null, 2);
}

/** Saves a definition as a draft through the workbench; returns the test and version. */
export async function saveDraft(t: TestApp, methodologist: StaffMember, def: Record<string, unknown> | string) {
  const res = await t.api('POST', '/api/diagnostics/definitions', { cookie: methodologist.cookie, body: { source: typeof def === 'string' ? def : source(def) } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { testId: number; versionId: number; version: number; slug: string };
}

/** Saves and publishes a definition, as a methodologist does in the workbench. */
export async function publish(t: TestApp, methodologist: StaffMember, def: Record<string, unknown> | string) {
  const saved = await saveDraft(t, methodologist, def);
  const res = await t.api('POST', `/api/diagnostics/definitions/${saved.testId}/versions/${saved.versionId}/publish`, { cookie: methodologist.cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return saved;
}

/** A pupil who registered itself, of the given grade, optionally with ОВЗ marked in its profile. */
export async function pupilOfGrade(t: TestApp, grade: number, opts: { hasOvz?: boolean } = {}): Promise<Pupil> {
  const pupil = await registerPupil(t, { grade, birthDate: birthDateForAge(grade + 6) });
  if (opts.hasOvz) {
    const res = await t.api('PATCH', '/api/participant/personal-data', { cookie: pupil.cookie, body: { hasOvz: true } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  return pupil;
}

export interface Family {
  childId: string;
  childCookie: string;
  parentId: string;
  parentCookie: string;
}

/** A pupil of the school created by a parent (which links them), with the parent's consent, both signed in. */
export async function familyAtSchool(t: TestApp, place: Place, schoolId: string, grade = 7): Promise<Family> {
  const parent = await confirmedParent(t);
  const { acceptTerms: _a, ...child } = await participantInput(t, { ...place, schoolId, schoolName: undefined, birthDate: birthDateForAge(grade + 6), grade });
  const created = await t.api('POST', '/api/parent/children', { cookie: parent.cookie, body: child });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const childId = created.body.childId as string;
  const consent = await t.api('POST', `/api/parent/children/${childId}/consents`, {
    cookie: parent.cookie,
    body: { kind: 'pd_processing', textVersion: CONSENT_TEXTS.pd_processing.version },
  });
  expect(consent.status, JSON.stringify(consent.body)).toBe(201);
  const signIn = await t.api('POST', '/api/auth/sign-in', { body: { email: child.email, password: child.password } });
  expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
  const session = await t.api('GET', '/api/auth/session', { cookie: parent.cookie });
  return { childId, childCookie: `bilet_sid=${signIn.cookies.bilet_sid}`, parentId: session.body.account.id as string, parentCookie: parent.cookie };
}

/** Starts (or resumes) a test by its slug as the pupil; returns the attempt's id. */
export async function start(t: TestApp, cookie: string, slug: string): Promise<string> {
  const res = await t.api('POST', `/api/diagnostics/tests/${slug}/attempts`, { cookie });
  expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
  return res.body.attemptId as string;
}

/** Saves each answer, one request per item, as the pupil's page does. */
export async function answer(t: TestApp, cookie: string, attemptId: string, answers: Record<string, unknown>): Promise<void> {
  for (const [itemId, value] of Object.entries(answers)) {
    const res = await t.api('PUT', `/api/diagnostics/attempts/${attemptId}/answers/${itemId}`, { cookie, body: { value } });
    expect(res.status, `${itemId}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

export async function complete(t: TestApp, cookie: string, attemptId: string) {
  const res = await t.api('POST', `/api/diagnostics/attempts/${attemptId}/complete`, { cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { attemptId: string; completedAt: string };
}

/** Start, answer everything, complete: one finished attempt. */
export async function takeTest(t: TestApp, cookie: string, slug: string, answers: Record<string, unknown>): Promise<string> {
  const attemptId = await start(t, cookie, slug);
  await answer(t, cookie, attemptId, answers);
  await complete(t, cookie, attemptId);
  return attemptId;
}

/** Moves an attempt's start into the past, as if the pupil had opened the game minutes ago. */
export async function startedMinutesAgo(t: TestApp, attemptId: string, minutes: number): Promise<void> {
  await t.rows(sql`update diagnostic_attempts set started_at = now() - make_interval(mins => ${minutes}) where id = ${attemptId} returning id`);
}

export async function answerRows(t: TestApp, attemptId: string) {
  return t.rows<{ item_id: string; value: unknown }>(sql`select item_id, value from diagnostic_answers where attempt_id = ${attemptId} order by item_id`);
}
