import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createSchool, createStaff, createVenue, regionByCode, type Place, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { KNOWN_ANSWERS, KNOWN_FOOTPRINT, familyAtSchool, knownTest, likertTest, publish, start, takeTest, uniqueSlug, type Family } from './fixtures.js';

let t: TestApp;
let place: Place;
let family: Family;
let otherFamily: Family;
let methodologist: StaffMember;
let schoolStaff: StaffMember;
let navigator: StaffMember;
let neighbourNavigator: StaffMember;
let unassignedNavigator: StaffMember;
let coordinator: StaffMember;
let mentor: StaffMember;
let issuer: StaffMember;

const known = uniqueSlug('known');
const awareness = uniqueSlug('awareness');

beforeAll(async () => {
  t = await startTestApp();
  place = await regionByCode(t, '43');
  const school = await createSchool(t, place);
  const neighbour = await createSchool(t, place);
  const venue = await createVenue(t, place);
  methodologist = await createStaff(t, 'methodologist');
  schoolStaff = await createStaff(t, 'school', { regionId: place.regionId, schoolId: school.id });
  navigator = await createStaff(t, 'navigator', { regionId: place.regionId, schoolId: school.id });
  unassignedNavigator = await createStaff(t, 'navigator', { regionId: place.regionId, schoolId: school.id });
  neighbourNavigator = await createStaff(t, 'navigator', { regionId: place.regionId, schoolId: neighbour.id });
  coordinator = await createStaff(t, 'regional_coordinator', { regionId: place.regionId });
  mentor = await createStaff(t, 'mentor', { regionId: place.regionId, venueId: venue.id });
  issuer = await createStaff(t, 'issuer_admin');
  family = await familyAtSchool(t, place, school.id, 7);
  otherFamily = await familyAtSchool(t, place, school.id, 7);
  const assigned = await t.api('POST', '/api/participants/navigator', {
    cookie: schoolStaff.cookie,
    body: { participantIds: [family.childId], navigatorId: navigator.accountId },
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);

  await publish(t, methodologist, knownTest(known, { retakeAfterDays: 0 }));
  // Two likert items, sum: both at 5 is 100. Feeds communication (with the known test) and awareness of IT.
  await publish(
    t,
    methodologist,
    likertTest(awareness, {
      scales: [
        {
          id: 'main',
          title: 'Знание IT-профессий',
          keys: [{ item: 'q1' }, { item: 'q2' }],
          maps: [
            { dimension: 'soft_skill:communication', weight: 1 },
            { dimension: 'awareness:it', weight: 1 },
          ],
          levels: [
            { from: 0, to: 49, title: 'Пока немного', text: 'Пока немного' },
            { from: 50, to: 100, title: 'Хорошо', text: 'Хорошо' },
          ],
        },
      ],
    }),
  );
}, 180_000);
afterAll(() => t.close());

interface FootprintDimension {
  key: string;
  kind: string;
  name: string;
  value: number;
  sources: number;
}
interface Footprint {
  directions: Array<{ key: string; label: string; value: number | null; dimensions: FootprintDimension[] }>;
  awarenessLevel: { code: string; name: string; text: string } | null;
  sources: number;
  history: Array<{ recordedAt: string; directions: Record<string, number | null> }>;
}

async function footprint(cookie = family.childCookie, pupilId = family.childId): Promise<Footprint> {
  const res = await t.api('GET', `/api/pupils/${pupilId}/footprint`, { cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Every dimension of the footprint by key: its value and how many sources fed it. */
function dimensions(fp: Footprint): Record<string, { value: number; sources: number }> {
  return Object.fromEntries(fp.directions.flatMap((d) => d.dimensions.map((x) => [x.key, { value: x.value, sources: x.sources }])));
}

function directionValues(fp: Footprint): Record<string, number | null> {
  return Object.fromEntries(fp.directions.map((d) => [d.key, d.value]));
}

let knownAttempt: string;
let awarenessAttempt: string;
let retakeAttempt: string;

describe('the footprint', () => {
  it('is empty before any test', async () => {
    const fp = await footprint();
    expect(fp.directions.map((d) => d.key)).toEqual(['personal', 'skills', 'interests', 'awareness']);
    expect(directionValues(fp)).toEqual({ personal: null, skills: null, interests: null, awareness: null });
    expect(dimensions(fp)).toEqual({});
    expect(fp).toMatchObject({ awarenessLevel: null, sources: 0, history: [] });
  });

  it('holds the mapped dimensions with values and source counts after a completion, and one snapshot', async () => {
    knownAttempt = await takeTest(t, family.childCookie, known, KNOWN_ANSWERS);
    const fp = await footprint();
    expect(dimensions(fp)).toEqual({
      'soft_skill:communication': { value: KNOWN_FOOTPRINT['soft_skill:communication'], sources: 1 },
      'sphere:it': { value: KNOWN_FOOTPRINT['sphere:it'], sources: 1 },
    });
    const skills = fp.directions.find((d) => d.key === 'skills')!;
    expect(skills.dimensions).toEqual([{ key: 'soft_skill:communication', kind: 'soft_skill', name: expect.any(String), value: 70, sources: 1 }]);
    expect(skills.dimensions[0]!.name).not.toBe('soft_skill:communication');
    expect(fp.directions.find((d) => d.key === 'interests')!.dimensions[0]).toMatchObject({ key: 'sphere:it', kind: 'sphere', value: 60 });
    expect(directionValues(fp)).toEqual({ personal: null, skills: 70, interests: 60, awareness: null });
    expect(fp.sources).toBe(1);
    expect(fp.history).toEqual([{ recordedAt: expect.any(String), directions: { personal: null, skills: 70, interests: 60, awareness: null } }]);
  });

  it('averages a dimension over its sources, and names the awareness level', async () => {
    awarenessAttempt = await takeTest(t, family.childCookie, awareness, { q1: 5, q2: 5 });
    const fp = await footprint();
    // Communication: (70 × 1.5 + 100 × 1) / 2.5 = 82 from two sources.
    expect(dimensions(fp)).toEqual({
      'soft_skill:communication': { value: 82, sources: 2 },
      'sphere:it': { value: 60, sources: 1 },
      'awareness:it': { value: 100, sources: 1 },
    });
    expect(directionValues(fp)).toEqual({ personal: null, skills: 82, interests: 60, awareness: 100 });
    expect(fp.sources).toBe(2);
    expect(fp.history.map((h) => h.directions)).toEqual([
      { personal: null, skills: 70, interests: 60, awareness: null },
      { personal: null, skills: 82, interests: 60, awareness: 100 },
    ]);
    const [level] = await t.rows<{ code: string; name: string; pupil_text: string }>(
      sql`select code, name, pupil_text from awareness_levels where 100 between min_score and max_score`,
    );
    expect(fp.awarenessLevel).toEqual({ code: level!.code, name: level!.name, text: level!.pupil_text });
  });

  it('replaces a test’s contribution on a retake instead of counting it twice', async () => {
    // The lowest answers: likert 1 + 2 × 1 = 3 → 0, choice 0 → 0; communication 0, sphere it 0.
    retakeAttempt = await takeTest(t, family.childCookie, known, { q1: 1, q2: 5, q3: 'a', q4: ['b', 'd'], q5: 'x', q6: ['r1', 'r3', 'r2'], q7: 0, q8: 0 });
    const fp = await footprint();
    // Communication: (0 × 1.5 + 100 × 1) / 2.5 = 40, still two sources.
    expect(dimensions(fp)).toEqual({
      'soft_skill:communication': { value: 40, sources: 2 },
      'sphere:it': { value: 0, sources: 1 },
      'awareness:it': { value: 100, sources: 1 },
    });
    expect(fp.sources).toBe(2);
    expect(fp.history).toHaveLength(3);
    expect(fp.history[2]!.directions).toEqual({ personal: null, skills: 40, interests: 0, awareness: 100 });

    const rows = await t.rows<{ source_key: string; dimension: string; attempt_id: string }>(
      sql`select source_key, dimension, attempt_id from footprint_contributions where participant_id = ${family.childId} order by source_key, dimension`,
    );
    expect(rows).toEqual([
      { source_key: `test:${awareness}`, dimension: 'awareness:it', attempt_id: awarenessAttempt },
      { source_key: `test:${awareness}`, dimension: 'soft_skill:communication', attempt_id: awarenessAttempt },
      { source_key: `test:${known}`, dimension: 'soft_skill:communication', attempt_id: retakeAttempt },
      { source_key: `test:${known}`, dimension: 'sphere:it', attempt_id: retakeAttempt },
    ]);
    const snapshots = await t.rows<{ source_key: string }>(sql`select source_key from footprint_snapshots where participant_id = ${family.childId} order by recorded_at`);
    expect(snapshots.map((s) => s.source_key)).toEqual([`test:${known}`, `test:${awareness}`, `test:${known}`]);
  });

  it('leaves the footprint as it was when an attempt is only started', async () => {
    const before = await footprint();
    await start(t, family.childCookie, known);
    expect(await footprint()).toEqual(before);
  });
});

describe('who sees a pupil’s results', () => {
  const urls = () => [
    `/api/pupils/${family.childId}/diagnostics/results`,
    `/api/pupils/${family.childId}/diagnostics/results/${knownAttempt}`,
    `/api/pupils/${family.childId}/footprint`,
  ];

  async function viewsBy(actorId: string): Promise<string[]> {
    const rows = await t.rows<{ what: string }>(
      sql`select details->>'what' as what from audit_log where action = 'diagnostics.results_viewed' and actor_id = ${actorId} and subject_id = ${family.childId} order by id`,
    );
    return rows.map((r) => r.what);
  }

  it('the pupil, its linked parent and its assigned navigator see the list, a result and the footprint', async () => {
    const asPupil: unknown[] = [];
    for (const url of urls()) {
      const res = await t.api('GET', url, { cookie: family.childCookie });
      expect(res.status, url).toBe(200);
      asPupil.push(res.body);
    }
    const list = asPupil[0] as { results: Array<{ attemptId: string }> };
    expect(list.results.map((r) => r.attemptId)).toEqual([retakeAttempt, awarenessAttempt, knownAttempt]);
    const result = asPupil[1] as { attemptId: string; attemptsOfThisTest: Array<{ attemptId: string }> };
    expect(result.attemptId).toBe(knownAttempt);
    expect(result.attemptsOfThisTest.map((a) => a.attemptId)).toEqual([retakeAttempt, knownAttempt]);

    for (const cookie of [family.parentCookie, navigator.cookie]) {
      for (const [i, url] of urls().entries()) {
        const res = await t.api('GET', url, { cookie });
        expect(res.status, url).toBe(200);
        if (i < 2) expect(res.body).toEqual(asPupil[i]);
        else expect(dimensions(res.body)).toEqual(dimensions(asPupil[2] as Footprint));
      }
    }
  });

  it('a parent reads the awareness text meant for parents', async () => {
    const [level] = await t.rows<{ pupil_text: string; parent_text: string }>(
      sql`select pupil_text, parent_text from awareness_levels where 100 between min_score and max_score`,
    );
    expect((await footprint(family.parentCookie)).awarenessLevel!.text).toBe(level!.parent_text);
    expect((await footprint(family.childCookie)).awarenessLevel!.text).toBe(level!.pupil_text);
    expect((await footprint(navigator.cookie)).awarenessLevel!.text).toBe(level!.pupil_text);
  });

  it('records every look of a parent or navigator as diagnostics.results_viewed, and none of the pupil’s own', async () => {
    const parentBefore = await viewsBy(family.parentId);
    await t.api('GET', `/api/pupils/${family.childId}/diagnostics/results/${awarenessAttempt}`, { cookie: family.parentCookie });
    expect(await viewsBy(family.parentId)).toEqual([...parentBefore, 'result']);
    expect(parentBefore).toEqual(expect.arrayContaining(['results', 'result', 'footprint']));
    expect(await viewsBy(navigator.accountId)).toEqual(expect.arrayContaining(['results', 'result', 'footprint']));
    expect(await viewsBy(family.childId)).toEqual([]);
    const [row] = await t.rows<{ actor_role: string }>(
      sql`select actor_role from audit_log where action = 'diagnostics.results_viewed' and actor_id = ${family.parentId} order by id desc limit 1`,
    );
    expect(row!.actor_role).toBe('parent');
  });

  it('answers 404 to a parent of another child, another pupil, navigators not assigned to it and a mentor it never met, and records nothing', async () => {
    const auditBefore = await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'diagnostics.results_viewed'`);
    for (const cookie of [otherFamily.parentCookie, otherFamily.childCookie, neighbourNavigator.cookie, unassignedNavigator.cookie, mentor.cookie]) {
      for (const url of urls()) expect((await t.api('GET', url, { cookie })).status, url).toBe(404);
    }
    expect(await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'diagnostics.results_viewed'`)).toEqual(auditBefore);
  });

  it('answers 403 to the school, the coordinator, the methodologist and the issuer, and 401 to nobody signed in', async () => {
    for (const staff of [schoolStaff, coordinator, methodologist, issuer]) {
      for (const url of urls()) expect((await t.api('GET', url, { cookie: staff.cookie })).status, `${staff.role} ${url}`).toBe(403);
    }
    for (const url of urls()) expect((await t.api('GET', url)).status, url).toBe(401);
  });

  it('answers 404 for an attempt that is not the pupil’s or not finished', async () => {
    const theirs = await takeTest(t, otherFamily.childCookie, awareness, { q1: 3, q2: 3 });
    const open = await start(t, family.childCookie, awareness);
    for (const cookie of [family.childCookie, family.parentCookie, navigator.cookie]) {
      expect((await t.api('GET', `/api/pupils/${family.childId}/diagnostics/results/${theirs}`, { cookie })).status).toBe(404);
      expect((await t.api('GET', `/api/pupils/${family.childId}/diagnostics/results/${open}`, { cookie })).status).toBe(404);
    }
    const own = await t.api('GET', `/api/pupils/${otherFamily.childId}/diagnostics/results/${theirs}`, { cookie: otherFamily.parentCookie });
    expect(own.status).toBe(200);
  });
});
