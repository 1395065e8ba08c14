import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { CONSENT_TEXTS } from '@common/consents.js';
import { venuePlaces } from '@server/db/schema/index.js';
import { createSchool, createStaff, createVenue, regionByCode, type Place, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { familyAtSchool, type Family } from '@server/modules/diagnostics/tests/fixtures.js';
import { sendEventReminders } from '../events.jobs.js';

let t: TestApp;
let place: Place;
let venueId: string;
let placeId: string;
let venueStaff: StaffMember;
let mentor: StaffMember;
let sameVenueMentor: StaffMember;
let otherVenueMentor: StaffMember;
let otherVenueStaff: StaffMember;
let schoolStaff: StaffMember;
let first: Family;
let second: Family;
let third: Family;
let schoolId: string;
let competency: { id: number; code: string; sphere_code: string };

beforeAll(async () => {
  t = await startTestApp();
  place = await regionByCode(t, '43');
  const school = await createSchool(t, place);
  const venue = await createVenue(t, place);
  const otherVenue = await createVenue(t, place);
  venueId = venue.id;
  venueStaff = await createStaff(t, 'venue', { regionId: place.regionId, venueId });
  mentor = await createStaff(t, 'mentor', { regionId: place.regionId, venueId });
  sameVenueMentor = await createStaff(t, 'mentor', { regionId: place.regionId, venueId });
  otherVenueMentor = await createStaff(t, 'mentor', { regionId: place.regionId, venueId: otherVenue.id });
  otherVenueStaff = await createStaff(t, 'venue', { regionId: place.regionId, venueId: otherVenue.id });
  schoolStaff = await createStaff(t, 'school', { regionId: place.regionId, schoolId: school.id });
  const [row] = await t.database.db
    .insert(venuePlaces)
    .values({ venueId, name: 'Мастерская', cityId: place.cityId, address: 'ул. Заводская, 3', rooms: [{ name: 'Цех', capacity: 12 }] })
    .returning();
  placeId = row!.id;
  [competency] = await t.rows<{ id: number; code: string; sphere_code: string }>(
    sql`select co.id, co.code, sp.code as sphere_code from competencies co join spheres sp on sp.id = co.sphere_id where co.code = 'web-technologies'`,
  ) as [typeof competency];
  first = await familyAtSchool(t, place, school.id, 7);
  second = await familyAtSchool(t, place, school.id, 6);
  third = await familyAtSchool(t, place, school.id, 7);
  schoolId = school.id;
}, 180_000);
afterAll(() => t.close());

interface EventOptions {
  startsInMinutes?: number;
  status?: string;
  mentorId?: string;
  format?: 'in_person' | 'online';
}

/** An event written straight into the database, as the venue's workflow would leave it; by default it began ten minutes ago. */
async function createEvent(opts: EventOptions = {}): Promise<{ id: string; title: string }> {
  const { startsInMinutes = -10, status = 'published', mentorId = mentor.accountId, format = 'in_person' } = opts;
  const title = `Веб-разработка ${crypto.randomBytes(3).toString('hex')}`;
  const [row] = await t.rows<{ id: string }>(sql`
    insert into events (venue_id, competency_id, format, title, description, place_id, video_url, starts_at, ends_at, capacity, grade_from, grade_to,
      difficulty, status, created_by, published_at, cancelled_at)
    values (${venueId}, ${competency.id}, ${format}, ${title}, 'Соберём страницу и опубликуем её в сети', ${format === 'in_person' ? placeId : null},
      ${format === 'online' ? 'https://meet.example.ru/room' : null},
      now() + make_interval(mins => ${startsInMinutes}), now() + make_interval(mins => ${startsInMinutes + 90}), 10, 6, 11, 'basic', ${status},
      ${venueStaff.accountId}, now(), ${status === 'cancelled' ? sql`now()` : null})
    returning id`);
  await t.rows(sql`insert into event_mentors (event_id, mentor_id) values (${row!.id}, ${mentorId}) returning event_id`);
  return { id: row!.id, title };
}

async function enrol(eventId: string, participantId: string, status: 'confirmed' | 'held' | 'waitlisted' = 'confirmed'): Promise<string> {
  const [row] = await t.rows<{ id: string }>(sql`
    insert into enrolments (event_id, participant_id, status, source, created_by, confirmed_at, queued_at)
    values (${eventId}, ${participantId}, ${status}, 'catalogue', ${participantId}, ${status === 'confirmed' ? sql`now()` : null}, ${status === 'waitlisted' ? sql`now()` : null})
    returning id`);
  if (status !== 'waitlisted') await t.rows(sql`update events set seats_taken = seats_taken + 1 where id = ${eventId} returning id`);
  return row!.id;
}

async function enrolmentState(id: string) {
  const [row] = await t.rows<{ attendance: string | null; grade: number | null; feedback: string | null; observed_skills: string[] }>(
    sql`select attendance, grade, feedback, array_to_json(observed_skills) as observed_skills from enrolments where id = ${id}`,
  );
  return row!;
}

interface Dimension {
  key: string;
  value: number;
  sources: number;
}
async function footprintDimensions(family: Family): Promise<Map<string, Dimension>> {
  const res = await t.api('GET', `/api/pupils/${family.childId}/footprint`, { cookie: family.childCookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const dims = (res.body.directions as Array<{ dimensions: Dimension[] }>).flatMap((d) => d.dimensions);
  return new Map(dims.map((d) => [d.key, d]));
}

const roster = (eventId: string, cookie: string) => t.api('GET', `/api/staff/events/${eventId}/roster`, { cookie });
const mark = (eventId: string, cookie: string, marks: Array<{ enrolmentId: string; attendance: string }>) =>
  t.api('PUT', `/api/staff/events/${eventId}/attendance`, { cookie, body: { marks } });
const feedback = (eventId: string, enrolmentId: string, cookie: string, body: Record<string, unknown>) =>
  t.api('PUT', `/api/staff/events/${eventId}/enrolments/${enrolmentId}/feedback`, { cookie, body });

const GOOD_FEEDBACK = { grade: 4, feedback: 'Собрал страницу почти сам, аккуратно работал с разметкой', skills: ['teamwork', 'attention'] };

describe('roster', () => {
  it('shows the assigned mentor and the venue the pupils holding a seat, and nobody else', async () => {
    const event = await createEvent();
    const confirmed = await enrol(event.id, first.childId);
    const held = await enrol(event.id, second.childId, 'held');
    await enrol(event.id, third.childId, 'waitlisted');

    for (const who of [mentor, venueStaff]) {
      const res = await roster(event.id, who.cookie);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.event.id).toBe(event.id);
      expect(res.body.markingOpen).toBe(true);
      expect(res.body.skills).toHaveLength(10);
      expect(res.body.skills[0]).toEqual({ code: expect.any(String), name: expect.any(String) });
      const byId = new Map((res.body.entries as Array<Record<string, unknown>>).map((e) => [e.enrolmentId, e]));
      expect([...byId.keys()].sort()).toEqual([confirmed, held].sort());
      expect(byId.get(confirmed)).toMatchObject({
        participantId: first.childId,
        grade: 7,
        schoolName: expect.stringMatching(/^Школа/),
        status: 'confirmed',
        ovzNote: null,
        attendance: null,
        mentorGrade: null,
        feedback: null,
        observedSkills: [],
      });
      expect(byId.get(held)).toMatchObject({ status: 'held', grade: 6 });
    }
    for (const who of [sameVenueMentor, otherVenueMentor, otherVenueStaff]) expect((await roster(event.id, who.cookie)).status).toBe(404);
    expect((await roster(event.id, schoolStaff.cookie)).status).toBe(403);
    expect((await roster(crypto.randomUUID(), mentor.cookie)).status).toBe(404);

    const audit = await t.rows<{ actor_id: string }>(sql`select actor_id from audit_log where action = 'event.roster_viewed' and subject_id = ${event.id}`);
    expect(audit.map((a) => a.actor_id).sort()).toEqual([mentor.accountId, venueStaff.accountId].sort());
  });

  it('shows the roster closed for marking until the start', async () => {
    const event = await createEvent({ startsInMinutes: 5 });
    await enrol(event.id, first.childId);
    const res = await roster(event.id, mentor.cookie);
    expect(res.status).toBe(200);
    expect(res.body.markingOpen).toBe(false);
  });

  it('shows a pupil’s ОВЗ note only while a parent’s consent to share health data is in force', async () => {
    const event = await createEvent();
    const enrolmentId = await enrol(event.id, second.childId);
    const changed = await t.api('PATCH', `/api/parent/children/${second.childId}/personal-data`, {
      cookie: second.parentCookie,
      body: { hasOvz: true, ovzDetails: 'Слабовидящий: нужен крупный шрифт' },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const noteOf = async () => ((await roster(event.id, mentor.cookie)).body.entries as Array<{ enrolmentId: string; ovzNote: string | null }>).find((e) => e.enrolmentId === enrolmentId)!.ovzNote;

    expect(await noteOf()).toBeNull();
    const consent = await t.api('POST', `/api/parent/children/${second.childId}/consents`, {
      cookie: second.parentCookie,
      body: { kind: 'health_data', textVersion: CONSENT_TEXTS.health_data.version },
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
    expect(await noteOf()).toBe('Слабовидящий: нужен крупный шрифт');
    const [viewed] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'pd.viewed' and subject_id = ${second.childId} and actor_id = ${mentor.accountId} and details->>'fields' = 'ovz'`,
    );
    expect(viewed!.n).toBeGreaterThan(0);
    const [flagged] = await t.rows<{ ovz: boolean }>(
      sql`select (details->>'ovz')::boolean as ovz from audit_log where action = 'event.roster_viewed' and subject_id = ${event.id} order by id desc limit 1`,
    );
    expect(flagged!.ovz).toBe(true);

    await t.rows(sql`update participant_profiles set ovz_details_enc = null where account_id = ${second.childId} returning account_id`);
    expect(await noteOf()).toBe('Есть ОВЗ');

    const withdrawn = await t.api('POST', `/api/parent/children/${second.childId}/consents/health_data/withdraw`, { cookie: second.parentCookie });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(await noteOf()).toBeNull();
  });
});

describe('attendance', () => {
  it('opens the pupil’s footprint to the mentor of an event it came to, only while a parent’s consent is in force', async () => {
    const family = await familyAtSchool(t, place, schoolId, 7);
    const event = await createEvent();
    const enrolmentId = await enrol(event.id, family.childId);
    const footprintAs = async (cookie: string) => (await t.api('GET', `/api/pupils/${family.childId}/footprint`, { cookie })).status;

    expect(await footprintAs(mentor.cookie)).toBe(404);
    expect((await mark(event.id, mentor.cookie, [{ enrolmentId, attendance: 'present' }])).status).toBe(200);
    expect(await footprintAs(mentor.cookie)).toBe(200);
    expect(await footprintAs(sameVenueMentor.cookie)).toBe(404);

    const withdrawn = await t.api('POST', `/api/parent/children/${family.childId}/consents/pd_processing/withdraw`, { cookie: family.parentCookie });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(await footprintAs(mentor.cookie)).toBe(404);
  });

  it('marks a batch, updates the footprint and answers the roster', async () => {
    const event = await createEvent();
    const a = await enrol(event.id, first.childId);
    const b = await enrol(event.id, second.childId);
    const res = await mark(event.id, mentor.cookie, [
      { enrolmentId: a, attendance: 'present' },
      { enrolmentId: b, attendance: 'absent' },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byId = new Map((res.body.entries as Array<{ enrolmentId: string; attendance: string }>).map((e) => [e.enrolmentId, e.attendance]));
    expect(byId.get(a)).toBe('present');
    expect(byId.get(b)).toBe('absent');

    const dims = await footprintDimensions(first);
    expect(dims.get(`competency:${competency.code}`)?.value).toBe(70);
    expect(dims.get(`sphere:${competency.sphere_code}`)?.value).toBeGreaterThan(0);
    const [contributions] = await t.rows<{ n: number }>(sql`select count(*)::int as n from footprint_contributions where participant_id = ${second.childId} and source_key = ${`event:${event.id}`}`);
    expect(contributions!.n).toBe(0);
    const audit = await t.rows<{ subject_id: string }>(sql`select subject_id from audit_log where action = 'event.attendance_marked' and details->>'eventId' = ${event.id}`);
    expect(audit.map((r) => r.subject_id).sort()).toEqual([a, b].sort());
  });

  it('answers 404 to a mentor of another event and 403 to the venue, changing nothing', async () => {
    const event = await createEvent();
    const a = await enrol(event.id, first.childId);
    const body = [{ enrolmentId: a, attendance: 'present' }];
    expect((await mark(event.id, sameVenueMentor.cookie, body)).status).toBe(404);
    expect((await mark(event.id, otherVenueMentor.cookie, body)).status).toBe(404);
    expect((await mark(event.id, venueStaff.cookie, body)).status).toBe(403);
    expect((await enrolmentState(a)).attendance).toBeNull();
  });

  it('refuses the whole batch with 422 when one enrolment is not a confirmed place in this event', async () => {
    const event = await createEvent();
    const other = await createEvent();
    const a = await enrol(event.id, first.childId);
    const held = await enrol(event.id, second.childId, 'held');
    const foreign = await enrol(other.id, third.childId);

    const res = await mark(event.id, mentor.cookie, [
      { enrolmentId: a, attendance: 'present' },
      { enrolmentId: foreign, attendance: 'present' },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.message).toContain(foreign);
    expect(res.body.error.fields).toEqual({ enrolmentId: foreign });

    const heldRes = await mark(event.id, mentor.cookie, [
      { enrolmentId: a, attendance: 'present' },
      { enrolmentId: held, attendance: 'late' },
    ]);
    expect(heldRes.status).toBe(422);
    expect((await enrolmentState(a)).attendance).toBeNull();
    expect((await enrolmentState(held)).attendance).toBeNull();
    expect((await enrolmentState(foreign)).attendance).toBeNull();
  });

  it('refuses any mark before the start with 422, so nobody counts as having been at an event that has not happened', async () => {
    for (const startsInMinutes of [120, 30, 1]) {
      const event = await createEvent({ startsInMinutes });
      const a = await enrol(event.id, first.childId, 'confirmed');
      for (const attendance of ['present', 'late', 'absent']) {
        const res = await mark(event.id, mentor.cookie, [{ enrolmentId: a, attendance }]);
        expect(res.status, JSON.stringify(res.body)).toBe(422);
        expect(res.body.error.message).toMatch(/с начала мероприятия/);
      }
      expect((await enrolmentState(a)).attendance).toBeNull();
    }
  });

  it('refuses with 409 in a cancelled event', async () => {
    const event = await createEvent({ status: 'cancelled' });
    const a = await enrol(event.id, first.childId, 'confirmed');
    const res = await mark(event.id, mentor.cookie, [{ enrolmentId: a, attendance: 'present' }]);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect((await enrolmentState(a)).attendance).toBeNull();
  });

  it('refuses an unknown mark with 400', async () => {
    const event = await createEvent();
    const a = await enrol(event.id, first.childId);
    expect((await mark(event.id, mentor.cookie, [{ enrolmentId: a, attendance: 'sick' }])).status).toBe(400);
    expect((await mark(event.id, mentor.cookie, [])).status).toBe(400);
  });
});

describe('feedback', () => {
  it('stores the grade and skills, feeds the footprint and tells the pupil and the parent', async () => {
    const event = await createEvent();
    const a = await enrol(event.id, third.childId);
    expect((await mark(event.id, mentor.cookie, [{ enrolmentId: a, attendance: 'late' }])).status).toBe(200);

    const res = await feedback(event.id, a, mentor.cookie, GOOD_FEEDBACK);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ enrolmentId: a, attendance: 'late', mentorGrade: 4, feedback: GOOD_FEEDBACK.feedback, observedSkills: ['teamwork', 'attention'] });
    const [stored] = await t.rows<{ feedback_by: string; feedback_at: Date | null }>(sql`select feedback_by, feedback_at from enrolments where id = ${a}`);
    expect(stored!.feedback_by).toBe(mentor.accountId);
    expect(stored!.feedback_at).not.toBeNull();

    const dims = await footprintDimensions(third);
    expect(dims.get(`competency:${competency.code}`)).toMatchObject({ value: 80, sources: 1 });
    expect(dims.get(`sphere:${competency.sphere_code}`)).toMatchObject({ value: 80 });
    expect(dims.get('soft_skill:teamwork')).toMatchObject({ value: 80 });
    expect(dims.get('soft_skill:attention')).toMatchObject({ value: 80 });

    const notices = await t.rows<{ account_id: string; link: string; body: string }>(
      sql`select account_id, link, body from notifications where kind = 'event_feedback' and body like ${`%${event.title}%`}`,
    );
    expect(new Map(notices.map((n) => [n.account_id, n.link]))).toEqual(
      new Map([
        [third.childId, '/participant/events'],
        [third.parentId, '/parent'],
      ]),
    );
    const [audit] = await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'event.feedback_given' and subject_id = ${a}`);
    expect(audit!.n).toBe(1);

    // Marked absent after all: the grade goes and the event leaves the footprint.
    expect((await mark(event.id, mentor.cookie, [{ enrolmentId: a, attendance: 'absent' }])).status).toBe(200);
    expect(await enrolmentState(a)).toMatchObject({ attendance: 'absent', grade: null, feedback: null, observed_skills: [] });
    const after = await footprintDimensions(third);
    expect(after.has(`competency:${competency.code}`)).toBe(false);
    expect(after.has('soft_skill:teamwork')).toBe(false);
  });

  it('refuses a grade outside 1..5 with 400, unknown skills and absent or unmarked pupils with 422', async () => {
    const event = await createEvent();
    const came = await enrol(event.id, first.childId);
    const absent = await enrol(event.id, second.childId);
    const unmarked = await enrol(event.id, third.childId);
    expect(
      (await mark(event.id, mentor.cookie, [
        { enrolmentId: came, attendance: 'present' },
        { enrolmentId: absent, attendance: 'absent' },
      ])).status,
    ).toBe(200);

    for (const grade of [0, 6]) expect((await feedback(event.id, came, mentor.cookie, { ...GOOD_FEEDBACK, grade })).status).toBe(400);
    const unknown = await feedback(event.id, came, mentor.cookie, { ...GOOD_FEEDBACK, skills: ['telepathy'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('telepathy');
    for (const id of [absent, unmarked]) {
      const res = await feedback(event.id, id, mentor.cookie, GOOD_FEEDBACK);
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.error.message).toMatch(/только ученику, который был/);
    }
    expect((await feedback(event.id, crypto.randomUUID(), mentor.cookie, GOOD_FEEDBACK)).status).toBe(404);
    expect((await feedback(event.id, came, sameVenueMentor.cookie, GOOD_FEEDBACK)).status).toBe(404);
    expect((await enrolmentState(came)).grade).toBeNull();
  });
});

describe('reminders', () => {
  async function reminders(kind: string, title: string) {
    return t.rows<{ account_id: string; title: string; body: string; link: string }>(
      sql`select account_id, title, body, link from notifications where kind = ${kind} and body like ${`%${title}%`}`,
    );
  }

  it('reminds each family member once a day ahead, however often the job runs', async () => {
    const event = await createEvent({ startsInMinutes: 23 * 60 });
    const online = await createEvent({ startsInMinutes: 23 * 60, format: 'online' });
    const far = await createEvent({ startsInMinutes: 30 * 60 });
    await enrol(event.id, first.childId);
    await enrol(online.id, second.childId);
    await enrol(far.id, first.childId);
    await enrol(event.id, third.childId, 'held');

    await Promise.all([sendEventReminders(t.app.ctx), sendEventReminders(t.app.ctx)]);
    await sendEventReminders(t.app.ctx);

    const sent = await reminders('event_reminder_day', event.title);
    expect(sent.map((r) => r.account_id).sort()).toEqual([first.childId, first.parentId].sort());
    expect(sent[0]!.body).toMatch(/\(мск\)\. Место: Мастерская, .*ул\. Заводская, 3\./);
    expect((await reminders('event_reminder_day', online.title))[0]?.body).toContain('https://meet.example.ru/room');
    expect(await reminders('event_reminder_day', far.title)).toEqual([]);
    const [parent] = await t.rows<{ email: string }>(sql`select email from accounts where id = ${first.parentId}`);
    expect((await t.waitForMail(parent!.email, new RegExp(`Напоминание: «${event.title}»`))).text).toContain('ул. Заводская, 3');
  });

  it('reminds within the hour before the start', async () => {
    const event = await createEvent({ startsInMinutes: 50 });
    await enrol(event.id, second.childId);
    await sendEventReminders(t.app.ctx);
    await sendEventReminders(t.app.ctx);
    const sent = await reminders('event_reminder_hour', event.title);
    expect(sent.map((r) => r.account_id).sort()).toEqual([second.childId, second.parentId].sort());
    expect(sent[0]!.title).toBe(`Скоро начало: «${event.title}»`);
    expect(await reminders('event_reminder_day', event.title)).toEqual([]);
  });
});
