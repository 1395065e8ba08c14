import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { registerPupil, activateFromMail } from '@server/test/factories.js';
import { createSchool, createStaff } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { familyAtSchool, likertTest, publish, takeTest, uniqueSlug, type Family } from '@server/modules/diagnostics/tests/fixtures.js';
import { announceLinkEnrolments } from '../enrolment-announcements.js';
import { expireHolds } from '../hold-expiry.service.js';
import { eventSetting, hoursFromNow, lessonInput, publishedEvent, trialInput, type EventSetting } from './fixtures.js';

let t: TestApp;
let s: EventSetting;
const testSlug = uniqueSlug('first');

beforeAll(async () => {
  t = await startTestApp();
  s = await eventSetting(t);
  const methodologist = await createStaff(t, 'methodologist');
  await publish(t, methodologist, likertTest(testSlug));
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** A linked pupil with the parent's consent who has, unless told otherwise, passed one test: everything seed 000 asks for. */
async function readyFamily(opts: { tested?: boolean; grade?: number } = {}): Promise<Family> {
  const family = await familyAtSchool(t, s.place, s.schoolId, opts.grade ?? 7);
  const [child] = await t.rows<{ email: string }>(sql`select email from accounts where id = ${family.childId}`);
  await activateFromMail(t, child!.email);
  if (opts.tested !== false) await takeTest(t, family.childCookie, testSlug, { q1: 4, q2: 5 });
  return family;
}

const enrolByLink = (token: string, f: Family, body: Record<string, unknown> = {}) =>
  t.api('POST', `/api/enrol-links/${token}/enrolments`, { cookie: f.parentCookie, body: { childId: f.childId, ...body } });

async function seatsTaken(eventId: string): Promise<{ seats: number; holding: number }> {
  const [row] = await t.rows<{ seats: number; holding: number }>(
    sql`select e.seats_taken as seats, (select count(*)::int from enrolments en where en.event_id = e.id and en.status in ('held', 'confirmed')) as holding
      from events e where e.id = ${eventId}`,
  );
  return row!;
}

describe('enrolment by a lesson link (seed 000)', () => {
  it('shows the card, enrols the child once however often the parent presses, and lists it under «Запланированные» for both', async () => {
    const family = await readyFamily();
    const { eventId, token } = await publishedEvent(t, s, lessonInput(s));

    const card = await t.api('GET', `/api/enrol-links/${token}`, { cookie: family.parentCookie });
    expect(card.status, JSON.stringify(card.body)).toBe(200);
    expect(card.body.event).toMatchObject({ id: eventId, format: 'school_lesson', durationMinutes: 45, seatsLeft: 15, school: { id: s.schoolId } });
    expect(card.body.event.mentors).toHaveLength(1);
    expect(card.body.children).toHaveLength(1);
    expect(card.body.children[0].checks.every((c: { ok: boolean }) => c.ok)).toBe(true);

    const first = await enrolByLink(token!, family, { idempotencyKey: 'press-1-abcdef' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.enrolment.status).toBe('confirmed');
    const again = await enrolByLink(token!, family, { idempotencyKey: 'press-1-abcdef' });
    expect(again.status).toBe(200);
    expect(again.body.enrolment.id).toBe(first.body.enrolment.id);
    const otherKey = await enrolByLink(token!, family, { idempotencyKey: 'press-2-abcdef' });
    expect(otherKey.status).toBe(200);
    expect(otherKey.body.enrolment.id).toBe(first.body.enrolment.id);
    expect(await seatsTaken(eventId)).toEqual({ seats: 1, holding: 1 });

    for (const cookie of [family.childCookie, family.parentCookie]) {
      const mine = await t.api('GET', `/api/pupils/${family.childId}/events`, { cookie });
      expect(mine.status).toBe(200);
      expect(mine.body.planned.map((p: { event: { id: string } }) => p.event.id)).toEqual([eventId]);
    }
    const ics = await t.api('GET', `/api/enrolments/${first.body.enrolment.id}/calendar.ics`, { cookie: family.parentCookie });
    expect(ics.status).toBe(200);
    expect(String(ics.headers['content-type'])).toMatch(/text\/calendar/);
    expect(String(ics.body)).toMatch(/BEGIN:VEVENT[\s\S]*SUMMARY:Урок мастерства/);
  });

  it('answers a signed-out request with 401, a pupil with 403, a forged or revoked link and another family\'s child with 404', async () => {
    const family = await readyFamily();
    const stranger = await readyFamily();
    const { eventId, token } = await publishedEvent(t, s, lessonInput(s));
    expect((await t.api('POST', `/api/enrol-links/${token}/enrolments`, { body: { childId: family.childId } })).status).toBe(401);
    expect((await t.api('POST', `/api/enrol-links/${token}/enrolments`, { cookie: family.childCookie, body: { childId: family.childId } })).status).toBe(403);
    expect((await t.api('GET', `/api/enrol-links/${token}`, { cookie: family.childCookie })).status).toBe(403);

    const forged = 'A'.repeat(43);
    const forgedRes = await enrolByLink(forged, family);
    expect(forgedRes.status).toBe(404);
    expect(forgedRes.body.error.message).toMatch(/не найдена/);
    expect((await t.api('GET', `/api/enrol-links/not-a-token`, { cookie: family.parentCookie })).status).toBe(400);

    const foreign = await t.api('POST', `/api/enrol-links/${token}/enrolments`, { cookie: stranger.parentCookie, body: { childId: family.childId } });
    expect(foreign.status).toBe(404);

    const revoked = await t.api('DELETE', `/api/staff/events/${eventId}/link`, { cookie: s.venue.cookie });
    expect(revoked.status, JSON.stringify(revoked.body)).toBeLessThan(300);
    const afterRevoke = await enrolByLink(token!, family);
    expect(afterRevoke.status).toBe(404);
    expect(afterRevoke.body.error.message).toMatch(/отозвана/);
    expect(await seatsTaken(eventId)).toEqual({ seats: 0, holding: 0 });
  });

  it('names the failing condition and what to do, and books nothing', async () => {
    const lesson = await publishedEvent(t, s, lessonInput(s));
    const expectRefusal = async (f: Family, condition: string, token = lesson.token!) => {
      const res = await enrolByLink(token, f);
      expect(res.status, JSON.stringify(res.body)).toBe(condition === 'seat' ? 409 : 422);
      expect(res.body.error.details.condition).toBe(condition);
      expect(res.body.error.message.length).toBeGreaterThan(20);
      const card = await t.api('GET', `/api/enrol-links/${token}`, { cookie: f.parentCookie });
      expect(card.body.children[0].checks.find((c: { ok: boolean }) => !c.ok).condition).toBe(condition);
    };

    const unregistered = await readyFamily();
    await t.rows(sql`update accounts set email_verified_at = null where id = ${unregistered.childId}`);
    await expectRefusal(unregistered, 'registered');

    const noConsent = await readyFamily();
    await t.rows(sql`update consents set withdrawn_at = now() where child_id = ${noConsent.childId}`);
    await expectRefusal(noConsent, 'consent');

    await expectRefusal(await readyFamily({ tested: false }), 'tested');

    const experienced = await readyFamily();
    const past = await publishedEvent(t, s, trialInput(s, { startsAt: [hoursFromNow(1)] }));
    await t.rows(sql`insert into enrolments (event_id, participant_id, status, source, created_by, confirmed_at, attendance)
      values (${past.eventId}, ${experienced.childId}, 'confirmed', 'parent', ${experienced.parentId}, now(), 'present')`);
    // Attendance exists only from the start on: the trial the child came to has taken place.
    await t.rows(sql`update events set starts_at = now() - interval '3 hours', ends_at = now() - interval '90 minutes' where id = ${past.eventId} returning id`);
    await expectRefusal(experienced, 'no_prior_trials');

    const older = await publishedEvent(t, s, lessonInput(s, { gradeFrom: 9, gradeTo: 11 }));
    await expectRefusal(await readyFamily(), 'grade', older.token!);

    const full = await publishedEvent(t, s, lessonInput(s, { capacity: 1 }));
    expect((await enrolByLink(full.token!, await readyFamily())).status).toBe(201);
    const late = await readyFamily();
    await expectRefusal(late, 'seat', full.token!);
    const queued = await enrolByLink(full.token!, late, { waitlist: true });
    expect(queued.status).toBe(201);
    expect(queued.body.enrolment.status).toBe('waitlisted');

    const busy = await readyFamily();
    const sameTime = await publishedEvent(t, s, trialInput(s, { startsAt: [hoursFromNow(72)] }));
    const booked = await t.api('POST', `/api/events/${sameTime.eventId}/enrolments`, { cookie: busy.parentCookie, body: { childId: busy.childId } });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    await expectRefusal(busy, 'no_clash');

    expect(await seatsTaken(lesson.eventId)).toEqual({ seats: 0, holding: 0 });
  });

  it('tells the pupil and the parent about a link enrolment, in the cabinet and by e-mail, as an enrolment from a card does', async () => {
    const family = await readyFamily();
    const { eventId, token } = await publishedEvent(t, s, lessonInput(s, { title: 'Урок мастерства: сварка без искр', startsAt: [hoursFromNow(75)] }));
    const booked = await enrolByLink(token!, family);
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const emails = await t.rows<{ id: string; email: string }>(sql`select id, email from accounts where id in (${family.childId}, ${family.parentId})`);
    for (const { id, email } of emails) {
      // The notices follow the booking within a moment, written by the announcements job.
      const notice = async () =>
        (
          await t.rows<{ title: string; body: string }>(
            sql`select title, body from notifications where account_id = ${id} and kind = 'event.enrolled' and body like ${'%сварка без искр%'}`,
          )
        )[0];
      await expect.poll(notice, { timeout: 10_000 }).toMatchObject({ title: 'Запись на мероприятие подтверждена' });
      expect((await t.waitForMail(email, /Запись на мероприятие подтверждена/)).text).toContain('сварка без искр');
    }
    const again = await enrolByLink(token!, family);
    expect(again.status).toBe(200);
    expect(await announceLinkEnrolments(t.app.ctx)).toBe(0);
    const [count] = await t.rows<{ n: number }>(sql`select count(*)::int as n from notifications where account_id = ${family.parentId} and kind = 'event.enrolled'`);
    expect(count!.n).toBe(1);
    expect(await seatsTaken(eventId)).toEqual({ seats: 1, holding: 1 });
  });

  it('tells the family of a link enrolment that a stopped process booked and never announced', async () => {
    const family = await readyFamily();
    const { token } = await publishedEvent(t, s, lessonInput(s, { title: 'Урок мастерства: пайка без дыма', startsAt: [hoursFromNow(76)] }));
    const booked = await enrolByLink(token!, family);
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const notices = async () =>
      (await t.rows<{ n: number }>(sql`select count(*)::int as n from notifications where account_id = ${family.parentId} and body like ${'%пайка без дыма%'}`))[0]!.n;
    await expect.poll(notices, { timeout: 10_000 }).toBe(1);
    // As the row stands when the process that booked it stopped before its nudge ran.
    await t.rows(sql`delete from notifications where body like ${'%пайка без дыма%'}`);
    await t.rows(sql`update enrolments set announced_at = null where id = ${booked.body.enrolment.id}`);
    expect(await announceLinkEnrolments(t.app.ctx)).toBe(1);
    expect(await notices()).toBe(1);
    const [child] = await t.rows<{ n: number }>(sql`select count(*)::int as n from notifications where account_id = ${family.childId} and body like ${'%пайка без дыма%'}`);
    expect(child!.n).toBe(1);
  });

  it('refuses a pupil of another school a lesson held for one school, naming the condition on the card and in the answer', async () => {
    const otherSchool = await createSchool(t, s.place);
    const family = await familyAtSchool(t, s.place, otherSchool.id, 7);
    const [child] = await t.rows<{ email: string }>(sql`select email from accounts where id = ${family.childId}`);
    await activateFromMail(t, child!.email);
    await takeTest(t, family.childCookie, testSlug, { q1: 4, q2: 5 });
    const { eventId, token } = await publishedEvent(t, s, lessonInput(s, { startsAt: [hoursFromNow(76)] }));

    const card = await t.api('GET', `/api/enrol-links/${token}`, { cookie: family.parentCookie });
    expect(card.status, JSON.stringify(card.body)).toBe(200);
    const failing = card.body.children[0].checks.filter((c: { ok: boolean }) => !c.ok).map((c: { condition: string }) => c.condition);
    expect(failing).toEqual(['own_school']);
    const res = await enrolByLink(token!, family, { waitlist: true });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.details.condition).toBe('own_school');
    expect(res.body.error.message).toMatch(/школ/);
    expect(await seatsTaken(eventId)).toEqual({ seats: 0, holding: 0 });
  });

  it('refuses an unlinked pupil in a navigator\'s group, and reports each pupil\'s own outcome', async () => {
    const navigator = await createStaff(t, 'navigator', { regionId: s.place.regionId, schoolId: s.schoolId });
    const linked = await readyFamily();
    const alone = await registerPupil(t, { schoolId: s.schoolId, schoolName: undefined, ...s.place });
    await activateFromMail(t, alone.email);
    const notMine = await readyFamily();
    const assigned = await t.api('POST', '/api/participants/navigator', {
      cookie: s.school.cookie,
      body: { participantIds: [linked.childId, alone.accountId], navigatorId: navigator.accountId },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const { eventId } = await publishedEvent(t, s, trialInput(s, { startsAt: [hoursFromNow(100)] }));

    const res = await t.api('POST', `/api/staff/events/${eventId}/group-enrolments`, {
      cookie: navigator.cookie,
      body: { participantIds: [linked.childId, alone.accountId, notMine.childId] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const outcome = Object.fromEntries(res.body.results.map((r: { participantId: string }) => [r.participantId, r]));
    expect(outcome[linked.childId]).toMatchObject({ outcome: 'enrolled' });
    expect(outcome[alone.accountId]).toMatchObject({ outcome: 'failed', condition: 'linked' });
    expect(outcome[notMine.childId]).toMatchObject({ outcome: 'failed', condition: null });
    const again = await t.api('POST', `/api/staff/events/${eventId}/group-enrolments`, { cookie: navigator.cookie, body: { participantIds: [linked.childId] } });
    expect(again.body.results[0].outcome).toBe('already');
    expect(await seatsTaken(eventId)).toEqual({ seats: 1, holding: 1 });
  });
});

describe('the catalogue', () => {
  it("shows a pupil the published trials of its region and city by default, never lessons, and every city on request", async () => {
    const family = await readyFamily();
    const trial = await publishedEvent(t, s, trialInput(s, { startsAt: [hoursFromNow(300)] }));
    const online = await publishedEvent(t, s, trialInput(s, { format: 'online', placeId: null, videoUrl: 'https://video.example.ru/x', startsAt: [hoursFromNow(301)] }));
    const lesson = await publishedEvent(t, s, lessonInput(s, { startsAt: [hoursFromNow(302)] }));
    const [otherCity] = await t.rows<{ id: number }>(sql`select id from cities where region_id = ${s.place.regionId} and id <> ${s.place.cityId} limit 1`);
    await t.rows(sql`update participant_profiles set city_id = ${otherCity!.id} where account_id = ${family.childId}`);

    const ids = async (query: string) => {
      const res = await t.api('GET', `/api/events/catalogue?pageSize=50${query}`, { cookie: family.childCookie });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return { ids: res.body.items.map((e: { id: string }) => e.id) as string[], defaults: res.body.defaults };
    };
    const home = await ids('');
    expect(home.defaults).toEqual({ regionId: s.place.regionId, cityId: otherCity!.id });
    expect(home.ids).toContain(online.eventId);
    expect(home.ids).not.toContain(trial.eventId);
    expect(home.ids).not.toContain(lesson.eventId);
    const everywhere = await ids('&anyCity=true');
    expect(everywhere.ids).toEqual(expect.arrayContaining([trial.eventId, online.eventId]));
    expect(everywhere.ids).not.toContain(lesson.eventId);
    expect((await ids('&anyCity=true&format=online')).ids).not.toContain(trial.eventId);
    expect((await t.api('GET', '/api/events/catalogue?format=school_lesson', { cookie: family.childCookie })).status).toBe(400);
  });
});

describe("a pupil's own request and the parent's agreement", () => {
  it('holds the seat until the parent agrees; declining or running out of time frees it', async () => {
    const { eventId } = await publishedEvent(t, s, trialInput(s, { capacity: 2, startsAt: [hoursFromNow(120)] }));
    const agreed = await readyFamily();
    const asked = await t.api('POST', `/api/events/${eventId}/enrolments`, { cookie: agreed.childCookie, body: {} });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body.enrolment.status).toBe('held');
    expect(new Date(asked.body.enrolment.holdExpiresAt).getTime()).toBeGreaterThan(Date.now());
    const [notice] = await t.rows<{ n: number }>(sql`select count(*)::int as n from notifications where account_id = ${agreed.parentId} and kind = 'event.agreement_requested'`);
    expect(notice!.n).toBe(1);
    expect((await t.api('POST', `/api/enrolments/${asked.body.enrolment.id}/approve`, { cookie: agreed.childCookie })).status).toBe(403);
    const approve = await t.api('POST', `/api/enrolments/${asked.body.enrolment.id}/approve`, { cookie: agreed.parentCookie });
    expect(approve.status, JSON.stringify(approve.body)).toBe(200);
    expect(approve.body.enrolment.status).toBe('confirmed');

    const declined = await readyFamily();
    const second = await t.api('POST', `/api/events/${eventId}/enrolments`, { cookie: declined.childCookie, body: {} });
    expect(second.body.enrolment.status).toBe('held');
    expect(await seatsTaken(eventId)).toEqual({ seats: 2, holding: 2 });
    const decline = await t.api('POST', `/api/enrolments/${second.body.enrolment.id}/decline`, { cookie: declined.parentCookie });
    expect(decline.status).toBe(200);
    expect(await seatsTaken(eventId)).toEqual({ seats: 1, holding: 1 });

    const slow = await readyFamily();
    const third = await t.api('POST', `/api/events/${eventId}/enrolments`, { cookie: slow.childCookie, body: {} });
    await t.rows(sql`update enrolments set hold_expires_at = now() - interval '1 minute' where id = ${third.body.enrolment.id}`);
    expect(await expireHolds(t.app.ctx)).toBe(1);
    expect(await seatsTaken(eventId)).toEqual({ seats: 1, holding: 1 });
    const tooLate = await t.api('POST', `/api/enrolments/${third.body.enrolment.id}/approve`, { cookie: slow.parentCookie });
    expect(tooLate.status).toBe(409);
  });

  it('gives a freed seat to the first eligible pupil on the waiting list, keeping the parent\'s agreement rule', async () => {
    const { eventId } = await publishedEvent(t, s, trialInput(s, { capacity: 1, startsAt: [hoursFromNow(140)] }));
    const holder = await readyFamily();
    const byParent = await readyFamily();
    const byPupil = await readyFamily();
    const untested = await readyFamily({ tested: false });
    const seat = await t.api('POST', `/api/events/${eventId}/enrolments`, { cookie: holder.parentCookie, body: { childId: holder.childId } });
    expect(seat.body.enrolment.status).toBe('confirmed');
    const full = await t.api('POST', `/api/events/${eventId}/enrolments`, { cookie: byParent.parentCookie, body: { childId: byParent.childId } });
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({ code: 'event_full', details: { condition: 'seat', waitlist: true } });
    const refusedQueue = await t.api('POST', `/api/events/${eventId}/enrolments`, { cookie: untested.parentCookie, body: { childId: untested.childId, waitlist: true } });
    expect(refusedQueue.status).toBe(422);
    const q1 = await t.api('POST', `/api/events/${eventId}/enrolments`, { cookie: byPupil.childCookie, body: { waitlist: true } });
    const q2 = await t.api('POST', `/api/events/${eventId}/enrolments`, { cookie: byParent.parentCookie, body: { childId: byParent.childId, waitlist: true } });
    expect([q1.body.enrolment.status, q2.body.enrolment.status]).toEqual(['waitlisted', 'waitlisted']);

    const cancel = await t.api('POST', `/api/enrolments/${seat.body.enrolment.id}/cancel`, { cookie: holder.childCookie });
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    const [promoted] = await t.rows<{ status: string }>(sql`select status from enrolments where id = ${q1.body.enrolment.id}`);
    expect(promoted!.status).toBe('held');
    const [note] = await t.rows<{ n: number }>(sql`select count(*)::int as n from notifications where account_id = ${byPupil.parentId} and kind = 'event.promoted'`);
    expect(note!.n).toBe(1);

    const decline = await t.api('POST', `/api/enrolments/${q1.body.enrolment.id}/decline`, { cookie: byPupil.parentCookie });
    expect(decline.status).toBe(200);
    const [next] = await t.rows<{ status: string }>(sql`select status from enrolments where id = ${q2.body.enrolment.id}`);
    expect(next!.status).toBe('confirmed');
    expect(await seatsTaken(eventId)).toEqual({ seats: 1, holding: 1 });
  });
});

describe('capacity under concurrency', () => {
  it('confirms exactly the free seats when many parents press at once, and one seat per child however often it is pressed', async () => {
    const capacity = 4;
    const { eventId, token } = await publishedEvent(t, s, lessonInput(s, { capacity, startsAt: [hoursFromNow(160)] }));
    const families = await Promise.all(Array.from({ length: 10 }, () => readyFamily()));

    const results = await Promise.all(families.map((f, i) => enrolByLink(token!, f, { idempotencyKey: `rush-${i}-key` })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 201)).toHaveLength(capacity);
    expect(statuses.filter((x) => x === 409)).toHaveLength(families.length - capacity);
    expect(await seatsTaken(eventId)).toEqual({ seats: capacity, holding: capacity });

    const { eventId: second, token: secondToken } = await publishedEvent(t, s, lessonInput(s, { capacity: 2, startsAt: [hoursFromNow(200)] }));
    const clicks = await Promise.all(Array.from({ length: 6 }, () => enrolByLink(secondToken!, families[0]!)));
    expect(clicks.every((c) => c.status === 200 || c.status === 201)).toBe(true);
    expect(new Set(clicks.map((c) => c.body.enrolment.id)).size).toBe(1);
    expect(await seatsTaken(second)).toEqual({ seats: 1, holding: 1 });
  }, 120_000);

  it('answers every simultaneous press for one child at the last seat with that child\'s enrolment, by link and from a card', async () => {
    const presses = 8;
    const { eventId, token } = await publishedEvent(t, s, lessonInput(s, { capacity: 2, startsAt: [hoursFromNow(210)] }));
    const [first, child] = [await readyFamily(), await readyFamily()];
    expect((await enrolByLink(token!, first)).status).toBe(201);
    const byLink = await Promise.all(Array.from({ length: presses }, () => enrolByLink(token!, child, { idempotencyKey: 'last-seat-key' })));
    expect(byLink.map((r) => r.status).sort(), JSON.stringify(byLink.map((r) => r.body))).toEqual([...Array(presses - 1).fill(200), 201]);
    expect(new Set(byLink.map((r) => r.body.enrolment.id)).size).toBe(1);
    expect(await seatsTaken(eventId)).toEqual({ seats: 2, holding: 2 });

    const trial = await publishedEvent(t, s, trialInput(s, { capacity: 2, startsAt: [hoursFromNow(220)] }));
    expect((await t.api('POST', `/api/events/${trial.eventId}/enrolments`, { cookie: first.parentCookie, body: { childId: first.childId } })).status).toBe(201);
    const fromCard = await Promise.all(
      Array.from({ length: presses }, () =>
        t.api('POST', `/api/events/${trial.eventId}/enrolments`, { cookie: child.parentCookie, body: { childId: child.childId, idempotencyKey: 'card-last-seat' } }),
      ),
    );
    expect(fromCard.map((r) => r.status).sort(), JSON.stringify(fromCard.map((r) => r.body))).toEqual([...Array(presses - 1).fill(200), 201]);
    expect(new Set(fromCard.map((r) => r.body.enrolment.id)).size).toBe(1);
    expect(await seatsTaken(trial.eventId)).toEqual({ seats: 2, holding: 2 });
  }, 120_000);
});
