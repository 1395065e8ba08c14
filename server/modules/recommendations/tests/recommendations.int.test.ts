import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, ne, sql } from 'drizzle-orm';
import { competencies, navigatorAssignments, spheres, venueCompetencies } from '@server/db/schema/index.js';
import { activateFromMail, confirmedParent } from '@server/test/factories.js';
import { createSchool, createStaff, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { familyAtSchool, likertTest, publish, takeTest, uniqueSlug, type Family } from '@server/modules/diagnostics/tests/fixtures.js';
import { createEvents, eventSetting, hoursFromNow, publishedEvent, trialInput, type EventSetting } from '@server/modules/events/tests/fixtures.js';
import { CANDIDATES } from '../engine.js';

let t: TestApp;
let s: EventSetting;
let sphere: { code: string; name: string };
let other: { id: number; sphereName: string };
let tested: Family;
let untested: Family;
let navigator: StaffMember;
let strangerNavigator: StaffMember;
let ownEventId: string;
let otherEventId: string;
const interestSlug = uniqueSlug('interest');

async function readyFamily(): Promise<Family> {
  const family = await familyAtSchool(t, s.place, s.schoolId, 7);
  const [child] = await t.rows<{ email: string }>(sql`select email from accounts where id = ${family.childId}`);
  await activateFromMail(t, child!.email);
  return family;
}

beforeAll(async () => {
  t = await startTestApp();
  s = await eventSetting(t);
  const [own] = await t.database.db
    .select({ code: spheres.code, name: spheres.name, sphereId: spheres.id })
    .from(competencies)
    .innerJoin(spheres, eq(spheres.id, competencies.sphereId))
    .where(eq(competencies.id, s.competencyId));
  sphere = own!;
  const [rival] = await t.database.db
    .select({ id: competencies.id, sphereName: spheres.name })
    .from(competencies)
    .innerJoin(spheres, eq(spheres.id, competencies.sphereId))
    .where(ne(competencies.sphereId, own!.sphereId))
    .orderBy(asc(competencies.id))
    .limit(1);
  other = rival!;
  await t.database.db.insert(venueCompetencies).values({ venueId: s.venueId, competencyId: other.id });
  const methodologist = await createStaff(t, 'methodologist');
  await publish(
    t,
    methodologist,
    likertTest(interestSlug, {
      scales: [
        {
          id: 'main',
          title: 'Интерес',
          keys: [{ item: 'q1' }, { item: 'q2' }],
          maps: [{ dimension: `sphere:${sphere.code}`, weight: 1 }],
          levels: [
            { from: 0, to: 50, title: 'Низкий', text: 'Интерес пока невелик.' },
            { from: 51, to: 100, title: 'Высокий', text: 'Интерес высокий.' },
          ],
        },
      ],
    }),
  );
  // The rival sphere's trial comes first by date; the pupil's own sphere's trial a day later.
  otherEventId = (await publishedEvent(t, s, trialInput({ ...s, competencyId: other.id }, { title: 'Проба другой сферы', startsAt: [hoursFromNow(30)] }))).eventId;
  ownEventId = (await publishedEvent(t, s, trialInput(s, { title: 'Проба своей сферы', startsAt: [hoursFromNow(60)] }))).eventId;
  tested = await readyFamily();
  await takeTest(t, tested.childCookie, interestSlug, { q1: 5, q2: 5 });
  untested = await readyFamily();
  navigator = await createStaff(t, 'navigator', { regionId: s.place.regionId, schoolId: s.schoolId });
  await t.database.db.insert(navigatorAssignments).values({ participantId: tested.childId, navigatorId: navigator.accountId, assignedBy: s.school.accountId });
  const neighbour = await createSchool(t, s.place);
  strangerNavigator = await createStaff(t, 'navigator', { regionId: s.place.regionId, schoolId: neighbour.id });
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('a pupil’s recommendations', () => {
  it('gives a pupil without tests the tests first and no trial it could not enrol in', async () => {
    const res = await t.api('GET', '/api/recommendations/me', { cookie: untested.childCookie });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.profile.testsCompleted).toBe(0);
    expect(res.body.tests.length).toBeGreaterThan(0);
    expect(res.body.events).toEqual([]);
    expect(res.body.profile.summary).toMatch(/начни с тестов/);
  });

  it('after a test, recommends the trial of the sphere the test found, naming the test', async () => {
    const res = await t.api('GET', '/api/recommendations/me', { cookie: tested.childCookie });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.profile.spheres[0]).toMatchObject({ code: sphere.code, sources: 1, confidence: 'low' });
    expect(res.body.events.map((e: { event: { id: string } }) => e.event.id)).toEqual([ownEventId]);
    expect(res.body.events[0].reason).toContain(`Интерес к сфере «${sphere.name}»: один тест`);
    expect(res.body.tests.map((x: { slug: string }) => x.slug)).not.toContain(interestSlug);
  });

  it('shows them to a linked parent and the assigned navigator, auditing their looks, and to nobody else', async () => {
    const url = `/api/pupils/${tested.childId}/recommendations`;
    expect((await t.api('GET', url, { cookie: tested.parentCookie })).status).toBe(200);
    const seen = await t.api('GET', url, { cookie: navigator.cookie });
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.body.events).toHaveLength(1);
    const audit = await t.rows<{ actor_id: string }>(sql`select actor_id from audit_log where action = 'recommendations.viewed' and subject_id = ${tested.childId}`);
    expect(audit.map((a) => a.actor_id)).toEqual(expect.arrayContaining([navigator.accountId, tested.parentId]));

    const unlinked = await confirmedParent(t);
    expect((await t.api('GET', url, { cookie: unlinked.cookie })).status).toBe(404);
    expect((await t.api('GET', url, { cookie: strangerNavigator.cookie })).status).toBe(404);
    expect((await t.api('GET', url, { cookie: untested.childCookie })).status).toBe(404);
    expect((await t.api('GET', url, { cookie: untested.parentCookie })).status).toBe(404);
    expect((await t.api('GET', url, { cookie: s.coordinator.cookie })).status).toBe(403);
    expect((await t.api('GET', url, { cookie: s.mentor.cookie })).status).toBe(403);
  });

  it('hides them from the navigator once the consent is withdrawn, not from the family', async () => {
    const url = `/api/pupils/${untested.childId}/recommendations`;
    await t.database.db.insert(navigatorAssignments).values({ participantId: untested.childId, navigatorId: navigator.accountId, assignedBy: s.school.accountId });
    expect((await t.api('GET', url, { cookie: navigator.cookie })).status).toBe(200);
    await t.rows(sql`update consents set withdrawn_at = now() where child_id = ${untested.childId} returning id`);
    expect((await t.api('GET', url, { cookie: navigator.cookie })).status).toBe(404);
    expect((await t.api('GET', url, { cookie: untested.parentCookie })).status).toBe(200);
    expect((await t.api('GET', '/api/recommendations/me', { cookie: untested.childCookie })).status).toBe(200);
  });

  it('drops a dismissed item until the pupil takes it back, refusing bad input with nothing changed', async () => {
    const dismissals = sql`select count(*)::int as n from recommendation_dismissals where participant_id = ${tested.childId}`;
    for (const body of [{}, { kind: 'event', itemId: 'not-a-uuid' }, { kind: 'movie', itemId: ownEventId }, { kind: 'event', itemId: ownEventId, extra: 1 }]) {
      const bad = await t.api('POST', '/api/recommendations/me/dismissals', { cookie: tested.childCookie, body });
      expect(bad.status, JSON.stringify(bad.body)).toBe(400);
      expect(bad.body.message ?? bad.body.error).toBeTruthy();
    }
    expect((await t.api('POST', '/api/recommendations/me/dismissals', { cookie: tested.childCookie, body: { kind: 'event', itemId: crypto.randomUUID() } })).status).toBe(404);
    const [draftId] = await createEvents(t, s, trialInput(s, { title: 'Черновик пробы', startsAt: [hoursFromNow(200)] }));
    expect((await t.api('POST', '/api/recommendations/me/dismissals', { cookie: tested.childCookie, body: { kind: 'event', itemId: draftId } })).status).toBe(404);
    expect((await t.rows<{ n: number }>(dismissals))[0]!.n).toBe(0);

    expect((await t.api('POST', '/api/recommendations/me/dismissals', { cookie: tested.childCookie, body: { kind: 'event', itemId: ownEventId } })).status).toBe(204);
    expect((await t.api('GET', '/api/recommendations/me', { cookie: tested.childCookie })).body.events).toEqual([]);
    expect((await t.api('DELETE', `/api/recommendations/me/dismissals/event/${ownEventId}`, { cookie: tested.childCookie })).status).toBe(204);
    expect((await t.api('DELETE', `/api/recommendations/me/dismissals/event/${ownEventId}`, { cookie: tested.childCookie })).status).toBe(404);
    expect((await t.api('GET', '/api/recommendations/me', { cookie: tested.childCookie })).body.events).toHaveLength(1);
    expect((await t.api('POST', '/api/recommendations/me/dismissals', { cookie: tested.parentCookie, body: { kind: 'event', itemId: ownEventId } })).status).toBe(403);
  });

  it('orders the pupil’s catalogue by fit on «Подходит вам», by date otherwise', async () => {
    const byDate = await t.api('GET', '/api/events/catalogue', { cookie: tested.childCookie });
    expect(byDate.status, JSON.stringify(byDate.body)).toBe(200);
    expect(byDate.body.order).toBe('date');
    expect(byDate.body.items.map((e: { id: string }) => e.id)).toEqual([otherEventId, ownEventId]);
    const byFit = await t.api('GET', '/api/events/catalogue?order=fit&pageSize=1', { cookie: tested.childCookie });
    expect(byFit.status, JSON.stringify(byFit.body)).toBe(200);
    expect(byFit.body).toMatchObject({ order: 'fit', total: 2 });
    expect(byFit.body.items.map((e: { id: string }) => e.id)).toEqual([ownEventId]);
    expect(byFit.body.fit[0]).toMatchObject({ eventId: ownEventId, reason: `Интерес к сфере «${sphere.name}»: один тест` });
    const second = await t.api('GET', '/api/events/catalogue?order=fit&pageSize=1&page=2', { cookie: tested.childCookie });
    expect(second.body.items.map((e: { id: string }) => e.id)).toEqual([otherEventId]);
    expect((await t.api('GET', '/api/events/catalogue?order=best', { cookie: tested.childCookie })).status).toBe(400);
  });

  it('keeps them between requests, with the seats and the card of each trial as they are now', async () => {
    const ids = (body: { events: Array<{ event: { id: string } }> }) => body.events.map((e) => e.event.id);
    const seatsOf = (body: { events: Array<{ event: { seatsLeft: number } }> }) => body.events[0]!.event.seatsLeft;
    const first = await t.api('GET', '/api/recommendations/me', { cookie: tested.childCookie });
    expect(ids(first.body)).toEqual([ownEventId]);
    const [kept] = await t.rows<{ n: number }>(sql`select count(*)::int as n from recommendation_snapshots where participant_id = ${tested.childId} and audience = 'pupil'`);
    expect(kept!.n).toBe(1);

    await t.database.db.execute(sql`update events set seats_taken = seats_taken + 1 where id = ${ownEventId}`);
    const fewer = await t.api('GET', '/api/recommendations/me', { cookie: tested.childCookie });
    expect(seatsOf(fewer.body)).toBe(seatsOf(first.body) - 1);

    await t.database.db.execute(sql`update events set title = 'Проба своей сферы: новое название' where id = ${ownEventId}`);
    const renamed = await t.api('GET', '/api/recommendations/me', { cookie: tested.childCookie });
    expect(renamed.body.events[0].event.title).toBe('Проба своей сферы: новое название');

    await t.database.db.execute(sql`update events set seats_taken = capacity where id = ${ownEventId}`);
    expect(ids((await t.api('GET', '/api/recommendations/me', { cookie: tested.childCookie })).body)).toEqual([]);
    await t.database.db.execute(sql`update events set seats_taken = 0 where id = ${ownEventId}`);
    expect(ids((await t.api('GET', '/api/recommendations/me', { cookie: tested.childCookie })).body)).toEqual([ownEventId]);
  });

  it('stops recommending a trial once the pupil is enrolled in it', async () => {
    const enrol = await t.api('POST', `/api/events/${ownEventId}/enrolments`, { cookie: tested.childCookie, body: {} });
    expect([200, 201], JSON.stringify(enrol.body)).toContain(enrol.status);
    const res = await t.api('GET', '/api/recommendations/me', { cookie: tested.childCookie });
    expect(res.body.events).toEqual([]);
  });

  it('lets a trial the pupil has not dismissed take the place of those it has, however many', async () => {
    const ids: string[] = [];
    for (let i = 0; i < CANDIDATES.eventsPerCompetency + 1; i++) {
      ids.push((await publishedEvent(t, s, trialInput(s, { title: `Ещё проба ${i + 1}`, startsAt: [hoursFromNow(100 + 3 * i)] }))).eventId);
    }
    const dismissed = ids.slice(0, CANDIDATES.eventsPerCompetency);
    for (const itemId of dismissed) {
      expect((await t.api('POST', '/api/recommendations/me/dismissals', { cookie: tested.childCookie, body: { kind: 'event', itemId } })).status).toBe(204);
    }
    const res = await t.api('GET', '/api/recommendations/me', { cookie: tested.childCookie });
    expect(res.body.events.map((e: { event: { id: string } }) => e.event.id)).toEqual([ids.at(-1)]);
  });
});

