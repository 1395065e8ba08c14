import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { linkTokenHash } from '../link-token.js';
import { createSchool, createStaff, type StaffMember } from '@server/test/staff-factories.js';
import { startTestApp, type TestApp } from '@server/test/test-app.js';
import { familyAtSchool, type Family } from '@server/modules/diagnostics/tests/fixtures.js';
import { createEvents, eventSetting, hoursFromNow, lessonInput, publishedEvent, step, tokenOf, trialInput, type EventSetting } from './fixtures.js';

let t: TestApp;
let s: EventSetting;
let elsewhere: EventSetting;
let otherSchool: StaffMember;
let neighbourSchoolId: string;

beforeAll(async () => {
  t = await startTestApp();
  s = await eventSetting(t, '43');
  elsewhere = await eventSetting(t, '16');
  const neighbour = await createSchool(t, s.place);
  neighbourSchoolId = neighbour.id;
  otherSchool = await createStaff(t, 'school', { regionId: s.place.regionId, schoolId: neighbour.id });
}, 180_000);
afterAll(() => t.close());

const eventCount = async () => (await t.rows<{ n: number }>(sql`select count(*)::int as n from events`))[0]!.n;
const detail = (cookie: string, id: string) => t.api('GET', `/api/staff/events/${id}`, { cookie });
const listIds = async (cookie: string, query = '') => {
  const res = await t.api('GET', `/api/staff/events?pageSize=100${query}`, { cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Array<{ id: string }>).map((e) => e.id);
};

describe('creating events', () => {
  it('creates one draft with its mentors, shown to the venue with what it may do', async () => {
    const [id] = await createEvents(t, s, trialInput(s));
    const res = await detail(s.venue.cookie, id!);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'draft',
      format: 'in_person',
      durationMinutes: 90,
      capacity: 10,
      seatsLeft: 10,
      seriesId: null,
      place: { id: s.placeId },
      mentors: [{ id: s.mentor.accountId }],
      counts: { confirmed: 0, held: 0, waitlisted: 0 },
      link: null,
    });
    expect(res.body.actions).toEqual(expect.arrayContaining(['edit', 'submit', 'cancel']));
    const [audit] = await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'event.created' and subject_id = ${id}`);
    expect(audit!.n).toBe(1);
  });

  it('creates a draft per date of a recurring event, all in one series', async () => {
    const dates = [hoursFromNow(24), hoursFromNow(24 * 8), hoursFromNow(24 * 15)];
    const ids = await createEvents(t, s, trialInput(s, { startsAt: dates }));
    expect(ids).toHaveLength(3);
    const rows = await t.rows<{ series_id: string; status: string; starts_at: Date; minutes: number }>(
      sql`select series_id, status, starts_at, (extract(epoch from ends_at - starts_at) / 60)::int as minutes from events
          where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) order by starts_at`,
    );
    expect(new Set(rows.map((r) => r.series_id)).size).toBe(1);
    expect(rows[0]!.series_id).toBeTruthy();
    expect(rows.map((r) => r.status)).toEqual(['draft', 'draft', 'draft']);
    expect(rows.map((r) => r.minutes)).toEqual([90, 90, 90]);
    expect(rows.map((r) => new Date(r.starts_at).toISOString())).toEqual(dates);
  });

  it('offers the venue its own competencies, places, mentors and its region’s schools', async () => {
    const res = await t.api('GET', '/api/staff/events/form-options', { cookie: s.venue.cookie });
    expect(res.status).toBe(200);
    expect(res.body.competencies.map((c: { id: number }) => c.id)).toEqual([s.competencyId]);
    expect(res.body.places.map((p: { id: string }) => p.id)).toEqual([s.placeId]);
    expect(res.body.mentors.map((m: { id: string }) => m.id)).toEqual([s.mentor.accountId]);
    const schoolIds = res.body.schools.map((x: { id: string }) => x.id);
    expect(schoolIds).toContain(s.schoolId);
    expect(schoolIds).not.toContain(elsewhere.schoolId);
  });

  const refused: Array<[string, (s: EventSetting) => Record<string, unknown>, number, string, RegExp]> = [
    ['no seats', (x) => trialInput(x, { capacity: 0 }), 400, 'capacity', /от 1/],
    ['a lesson for 16', (x) => lessonInput(x, { capacity: 16 }), 400, 'capacity', /не больше 15/],
    ['a lesson of an hour', (x) => lessonInput(x, { durationMinutes: 60 }), 400, 'durationMinutes', /45 минут/],
    ['a start in the past', (x) => trialInput(x, { startsAt: [hoursFromNow(-1)] }), 400, 'startsAt.0', /в прошлом/],
    ['no duration', (x) => trialInput(x, { durationMinutes: 0 }), 400, 'durationMinutes', /Продолжительность/],
    ['grades upside down', (x) => trialInput(x, { gradeFrom: 9, gradeTo: 7 }), 400, 'gradeTo', /меньше первого/],
    ['a competency the venue does not offer', (x) => trialInput(x, { competencyId: x.competencyId + 1 }), 422, 'competencyId', /компетенции/],
    ['another venue’s place', (x) => trialInput(x, { placeId: elsewhere.placeId }), 422, 'placeId', /место проведения/],
    ['another venue’s mentor', (x) => trialInput(x, { mentorIds: [elsewhere.mentor.accountId] }), 422, 'mentorIds', /наставник/i],
    ['a school of another region', (x) => lessonInput(x, { schoolId: elsewhere.schoolId }), 422, 'schoolId', /школу региона/],
  ];
  it.each(refused)('refuses %s in Russian, naming the field, and writes nothing', async (_label, body, status, field, message) => {
    const before = await eventCount();
    const res = await t.api('POST', '/api/staff/events', { cookie: s.venue.cookie, body: body(s) });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.fields[field]).toMatch(message);
    expect(await eventCount()).toBe(before);
  });
});

describe('the approval workflow', () => {
  it('goes draft → submitted → returned with a comment → submitted → approved with a link → published', async () => {
    const [id] = await createEvents(t, s, lessonInput(s));
    expect((await detail(s.coordinator.cookie, id!)).status, 'a coordinator does not see drafts').toBe(404);
    await step(t, s.venue.cookie, id!, 'approve', 403);

    const submitted = await step(t, s.venue.cookie, id!, 'submit');
    expect(submitted.status).toBe('submitted');
    expect(submitted.submittedAt).toBeTruthy();
    const [notice] = await t.rows<{ title: string }>(sql`select title from notifications where account_id = ${s.coordinator.accountId} and kind = 'event_submitted'`);
    expect(notice?.title).toBe('Мероприятие ждёт согласования');
    expect((await detail(s.coordinator.cookie, id!)).body.actions).toEqual(['approve', 'return']);
    expect(await listIds(s.coordinator.cookie, '&status=submitted')).toContain(id);
    expect((await detail(elsewhere.coordinator.cookie, id!)).status, 'another region’s coordinator').toBe(404);
    expect((await t.api('POST', `/api/staff/events/${id}/approve`, { cookie: elsewhere.coordinator.cookie })).status).toBe(404);

    const noComment = await t.api('POST', `/api/staff/events/${id}/return`, { cookie: s.coordinator.cookie, body: { comment: '' } });
    expect(noComment.status).toBe(400);
    const returned = await t.api('POST', `/api/staff/events/${id}/return`, { cookie: s.coordinator.cookie, body: { comment: 'Уточните, что возьмут с собой ученики' } });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const forVenue = await detail(s.venue.cookie, id!);
    expect(forVenue.body).toMatchObject({ status: 'returned', reviewComment: 'Уточните, что возьмут с собой ученики' });
    const [venueNotice] = await t.rows<{ body: string }>(sql`select body from notifications where account_id = ${s.venue.accountId} and kind = 'event_returned'`);
    expect(venueNotice?.body).toMatch(/Уточните/);

    const edited = await t.api('PUT', `/api/staff/events/${id}`, {
      cookie: s.venue.cookie,
      body: { ...lessonInput(s), description: 'Ученики спроектируют брелок в редакторе и подготовят его к печати. Ничего приносить не нужно.', startsAt: hoursFromNow(96) },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.description).toMatch(/Ничего приносить/);

    await step(t, s.venue.cookie, id!, 'submit');
    expect((await t.api('PUT', `/api/staff/events/${id}`, { cookie: s.venue.cookie, body: { ...lessonInput(s), startsAt: hoursFromNow(96) } })).status).toBe(409);
    await step(t, s.venue.cookie, id!, 'publish', 409);
    const approved = await step(t, s.coordinator.cookie, id!, 'approve');
    expect(approved.status).toBe('approved');
    expect(approved.reviewComment).toBeNull();
    expect(approved.link.url).toMatch(new RegExp(`^${t.baseUrl}/e/[A-Za-z0-9_-]{43}$`));
    expect(approved.link.qrSvg).toMatch(/^<svg/);

    const token = tokenOf(approved.link.url);
    const [stored] = await t.rows<{ token_hash: string; token_enc: string }>(sql`select token_hash, token_enc from event_links where event_id = ${id} and revoked_at is null`);
    expect(stored!.token_hash).toBe(linkTokenHash(token));
    expect(stored!.token_enc).not.toContain(token);

    const forSchool = await detail(s.school.cookie, id!);
    expect(forSchool.status).toBe(200);
    expect(forSchool.body.link.url).toBe(approved.link.url);
    expect(await listIds(s.school.cookie)).toContain(id);
    expect((await detail(otherSchool.cookie, id!)).status, 'another school').toBe(404);
    expect(await listIds(otherSchool.cookie)).not.toContain(id);
    expect((await detail(s.mentor.cookie, id!)).body.link, 'a mentor sees the lesson but not its link').toBeNull();

    const published = await step(t, s.venue.cookie, id!, 'publish');
    expect(published.status).toBe('published');
    expect(published.actions).toEqual(expect.arrayContaining(['cancel', 'move', 'link', 'roster']));
    await step(t, s.venue.cookie, id!, 'publish', 409);
    const actions = await t.rows<{ action: string }>(sql`select action from audit_log where subject_id = ${id}`);
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['event.created', 'event.submitted', 'event.returned', 'event.updated', 'event.approved', 'event.link_issued', 'event.published']),
    );
  });

  it('lets exactly one of two coordinators approving at once succeed', async () => {
    const second = await createStaff(t, 'regional_coordinator', { regionId: s.place.regionId });
    const [id] = await createEvents(t, s, trialInput(s));
    await step(t, s.venue.cookie, id!, 'submit');
    const answers = await Promise.all(
      [s.coordinator, second].map((c) => t.api('POST', `/api/staff/events/${id}/approve`, { cookie: c.cookie })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.error.message).toMatch(/не ждёт согласования/);
    const [audit] = await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'event.approved' and subject_id = ${id}`);
    expect(audit!.n).toBe(1);
  });

  it('answers 404 to the staff of another venue for every step', async () => {
    const [id] = await createEvents(t, s, trialInput(s));
    expect((await detail(elsewhere.venue.cookie, id!)).status).toBe(404);
    await step(t, elsewhere.venue.cookie, id!, 'submit', 404);
    const cancel = await t.api('POST', `/api/staff/events/${id}/cancel`, { cookie: elsewhere.venue.cookie, body: { reason: 'Проверка доступа' } });
    expect(cancel.status).toBe(404);
    expect(await listIds(elsewhere.venue.cookie)).not.toContain(id);
  });
});

describe('changing a published event', () => {
  let family: Family;

  beforeAll(async () => {
    family = await familyAtSchool(t, s.place, s.schoolId, 7);
  }, 60_000);

  async function enrol(eventId: string, status: 'confirmed' | 'held' | 'waitlisted') {
    await t.rows(sql`insert into enrolments (event_id, participant_id, status, source, created_by, confirmed_at, queued_at)
      values (${eventId}, ${family.childId}, ${status}, 'parent', ${family.parentId}, ${status === 'confirmed' ? sql`now()` : sql`null`}, ${status === 'waitlisted' ? sql`now()` : sql`null`})
      returning id`);
    if (status !== 'waitlisted') await t.rows(sql`update events set seats_taken = seats_taken + 1 where id = ${eventId} returning id`);
  }

  const noticesOf = (accountId: string, kind: string) =>
    t.rows<{ title: string; body: string }>(sql`select title, body from notifications where account_id = ${accountId} and kind = ${kind}`);

  it('cancels: ends the enrolments, frees the seats and tells the pupil and the parent why', async () => {
    const { eventId } = await publishedEvent(t, s);
    await enrol(eventId, 'confirmed');
    expect((await detail(s.venue.cookie, eventId)).body).toMatchObject({ seatsLeft: 9, counts: { confirmed: 1 } });

    const noReason = await t.api('POST', `/api/staff/events/${eventId}/cancel`, { cookie: s.venue.cookie, body: {} });
    expect(noReason.status).toBe(400);
    const res = await t.api('POST', `/api/staff/events/${eventId}/cancel`, { cookie: s.venue.cookie, body: { reason: 'Станок на ремонте' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', changeReason: 'Станок на ремонте', seatsLeft: 10, counts: { confirmed: 0, held: 0, waitlisted: 0 } });

    const [enrolment] = await t.rows<{ status: string; end_reason: string; ended_at: Date | null }>(
      sql`select status, end_reason, ended_at from enrolments where event_id = ${eventId}`,
    );
    expect(enrolment).toMatchObject({ status: 'cancelled', end_reason: 'event_cancelled' });
    expect(enrolment!.ended_at).toBeTruthy();
    for (const who of [family.childId, family.parentId]) {
      const [notice] = await noticesOf(who, 'event_cancelled');
      expect(notice?.body).toMatch(/Станок на ремонте/);
      expect(notice?.body).toMatch(/Токарная обработка/);
    }
    const mails = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from outgoing_mail m join accounts a on lower(a.email) = lower(m.to) where a.id in (${family.childId}, ${family.parentId}) and m.text like ${'%Станок на ремонте%'}`,
    );
    expect(mails[0]!.n).toBe(2);
    expect((await t.api('POST', `/api/staff/events/${eventId}/cancel`, { cookie: s.venue.cookie, body: { reason: 'Ещё раз отменяем' } })).status).toBe(409);
  });

  it('moves: keeps the length, asks the family to confirm the new time, and refuses the past', async () => {
    const { eventId } = await publishedEvent(t, s);
    await enrol(eventId, 'confirmed');
    const past = await t.api('POST', `/api/staff/events/${eventId}/move`, { cookie: s.venue.cookie, body: { startsAt: hoursFromNow(-2), reason: 'Перенос по просьбе школы' } });
    expect(past.status).toBe(400);
    expect(past.body.error.fields.startsAt).toMatch(/в прошлом/);

    const to = hoursFromNow(24 * 5);
    const res = await t.api('POST', `/api/staff/events/${eventId}/move`, { cookie: s.venue.cookie, body: { startsAt: to, reason: 'Перенос по просьбе школы' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ startsAt: to, durationMinutes: 90, changeReason: 'Перенос по просьбе школы', status: 'published' });
    const [enrolment] = await t.rows<{ reconfirm_required: boolean; status: string }>(sql`select reconfirm_required, status from enrolments where event_id = ${eventId}`);
    expect(enrolment).toMatchObject({ reconfirm_required: true, status: 'confirmed' });
    for (const who of [family.childId, family.parentId]) {
      const [notice] = (await noticesOf(who, 'event_moved')).filter((n) => n.body.includes('Перенос по просьбе школы'));
      expect(notice?.body).toMatch(/Подтвердите в личном кабинете/);
    }
    const [draft] = await createEvents(t, s, trialInput(s));
    expect((await t.api('POST', `/api/staff/events/${draft}/move`, { cookie: s.venue.cookie, body: { startsAt: to, reason: 'Перенос черновика' } })).status).toBe(409);
  });

  it('issues a new link for a lesson, after which the old one’s hash is inactive, and revokes it', async () => {
    const { eventId, token } = await publishedEvent(t, s, lessonInput(s));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const renewed = await t.api('POST', `/api/staff/events/${eventId}/link`, { cookie: s.venue.cookie });
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    const fresh = tokenOf(renewed.body.link.url);
    expect(fresh).not.toBe(token);
    const links = await t.rows<{ token_hash: string; active: boolean }>(sql`select token_hash, revoked_at is null as active from event_links where event_id = ${eventId}`);
    expect(links.find((l) => l.token_hash === linkTokenHash(token!))?.active).toBe(false);
    expect(links.find((l) => l.token_hash === linkTokenHash(fresh))?.active).toBe(true);

    const revoked = await t.api('DELETE', `/api/staff/events/${eventId}/link`, { cookie: s.venue.cookie });
    expect(revoked.status).toBe(200);
    expect(revoked.body.link).toBeNull();
    expect((await t.api('DELETE', `/api/staff/events/${eventId}/link`, { cookie: s.venue.cookie })).status).toBe(409);
    const trial = await publishedEvent(t, s);
    expect((await t.api('POST', `/api/staff/events/${trial.eventId}/link`, { cookie: s.venue.cookie })).status).toBe(409);
  });
});

describe('the school’s responsible people and the lesson’s link', () => {
  const linkMail = (to: string, eventId: string) =>
    t.rows<{ text: string; html: string }>(sql`select text, html from outgoing_mail where "to" = ${to} and text like ${`%/staff/events/${eventId}%`} order by created_at`);
  const linkNotices = (accountId: string, eventId: string) =>
    t.rows<{ body: string; link: string }>(sql`select body, link from notifications where account_id = ${accountId} and kind = 'event_link_issued' and link = ${`/staff/events/${eventId}`} order by created_at`);

  it('hands the school the link and its QR code, by e-mail and in the cabinet, when the lesson is approved and when a new link is issued', async () => {
    const [eventId] = await createEvents(t, s, lessonInput(s, { startsAt: [hoursFromNow(90)] }));
    await step(t, s.venue.cookie, eventId!, 'submit');
    const approved = await step(t, s.coordinator.cookie, eventId!, 'approve');
    const url = approved.link.url as string;

    const [notice] = await linkNotices(s.school.accountId, eventId!);
    expect(notice, 'a cabinet notice leading to the lesson page with the QR code').toBeDefined();
    expect(notice!.body).toMatch(/QR-код/);
    const [mail] = await linkMail(s.school.email, eventId!);
    expect(mail, 'an e-mail to the school').toBeDefined();
    expect(mail!.text).toContain(url);
    expect(mail!.html).toContain(url);
    expect(mail!.html).toMatch(/<img [^>]*src="data:image\/png;base64,[A-Za-z0-9+/=]{200,}"/);
    expect(await linkNotices(otherSchool.accountId, eventId!), 'another school hears nothing').toEqual([]);

    await step(t, s.venue.cookie, eventId!, 'publish');
    const renewed = await t.api('POST', `/api/staff/events/${eventId}/link`, { cookie: s.venue.cookie });
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    const fresh = renewed.body.link.url as string;
    expect(fresh).not.toBe(url);
    const notices = await linkNotices(s.school.accountId, eventId!);
    expect(notices).toHaveLength(2);
    const mails = await linkMail(s.school.email, eventId!);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain(fresh);
  });
});

describe('who sees which events', () => {
  it('shows a navigator the region’s published trials and its school’s lessons, not drafts or other schools’ lessons', async () => {
    const navigator = await createStaff(t, 'navigator', { regionId: s.place.regionId, schoolId: s.schoolId });
    const otherNavigator = await createStaff(t, 'navigator', { regionId: s.place.regionId, schoolId: neighbourSchoolId });
    const trial = await publishedEvent(t, s);
    const lesson = await publishedEvent(t, s, lessonInput(s));
    const [draft] = await createEvents(t, s, trialInput(s));
    const seen = await listIds(navigator.cookie);
    expect(seen).toEqual(expect.arrayContaining([trial.eventId, lesson.eventId]));
    expect(seen).not.toContain(draft);
    const seenNext = await listIds(otherNavigator.cookie);
    expect(seenNext).toContain(trial.eventId);
    expect(seenNext).not.toContain(lesson.eventId);
    expect((await detail(navigator.cookie, lesson.eventId)).body).toMatchObject({ link: null, actions: ['group_enrol'] });
    expect(await listIds(elsewhere.venue.cookie)).not.toContain(trial.eventId);
    expect(await listIds(s.mentor.cookie)).toEqual(expect.arrayContaining([trial.eventId, lesson.eventId]));
    expect(await listIds(s.mentor.cookie)).not.toContain(draft);
  });
});
