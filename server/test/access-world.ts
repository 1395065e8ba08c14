import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { competencies, enrolments, eventMentors, events, navigatorAssignments, venueCompetencies, venuePlaces } from '../db/schema/index.js';
import type { Role } from '@common/roles.js';
import { MULTIPART_HEADERS, TINY_PDF, multipart } from './multipart.js';
import { createSchool, createStaff, createVenue, regionByCode, type Place } from './staff-factories.js';
import { familyAtSchool, likertTest, uniqueSlug } from '../modules/diagnostics/tests/fixtures.js';
import { lessonInput, publishedEvent } from '../modules/events/tests/fixtures.js';
import type { TestApp } from './test-app.js';

export type Caller = 'anonymous' | Role;

/** Everything one region holds: its organisations, their staff, a pupil with a parent, and their records. */
export interface RegionWorld {
  place: Place;
  schoolId: string;
  /** A second school of the same region: "another school" without leaving the region. */
  neighbourSchoolId: string;
  venueId: string;
  placeId: string;
  pupilId: string;
  neighbourPupilId: string;
  parentId: string;
  paperConsentId: string;
  /** A published event of the venue, run by its mentor and open for marking, with the pupil's confirmed place. */
  eventId: string;
  enrolmentId: string;
  /** The pupil's place at the lesson, cancelled earlier: acting on it shows who reaches it without changing anything. */
  endedEnrolmentId: string;
  /** A professional-mastery lesson of the venue at the school, taken through the workflow, with its registration link's token. */
  lessonId: string;
  lessonToken: string;
  staffIds: Record<'regional_coordinator' | 'school' | 'venue' | 'mentor' | 'navigator', string>;
  cookies: Partial<Record<Caller, string>>;
}

/** A test the methodologist published and both regions' pupils took: one attempt finished, one open with no answers. */
export interface DiagnosticsWorld {
  slug: string;
  testId: number;
  versionId: number;
  /** A test saved as a draft and never published. */
  draftTestId: number;
  completedAttemptId: Record<'a' | 'b', string>;
  openAttemptId: Record<'a' | 'b', string>;
}

export interface World {
  a: RegionWorld;
  b: RegionWorld;
  seasonId: number;
  issuerId: string;
  methodologistId: string;
  diagnostics: DiagnosticsWorld;
  /** Session cookies of region A's people plus the issuer's own staff: its administrator, the methodologist and a support operator. */
  cookies: Record<Exclude<Caller, 'anonymous'>, string>;
}

/** Written directly, as the venue's workflow would leave it: published, starting within the hour, the pupil confirmed. */
async function eventOfVenue(t: TestApp, venue: { venueId: string; placeId: string; createdBy: string; mentorId: string }, pupilId: string) {
  const [competency] = await t.database.db.select({ id: competencies.id }).from(competencies).orderBy(competencies.id).limit(1);
  const startsAt = new Date(Date.now() + 30 * 60_000);
  const [event] = await t.database.db
    .insert(events)
    .values({
      venueId: venue.venueId,
      competencyId: competency!.id,
      format: 'in_person',
      title: 'Проба для проверки доступа',
      description: 'Мероприятие, на котором проверяется доступ к данным',
      placeId: venue.placeId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      capacity: 10,
      seatsTaken: 1,
      gradeFrom: 6,
      gradeTo: 11,
      difficulty: 'basic',
      status: 'published',
      publishedAt: new Date(),
      createdBy: venue.createdBy,
    })
    .returning({ id: events.id });
  await t.database.db.insert(eventMentors).values({ eventId: event!.id, mentorId: venue.mentorId });
  const [enrolment] = await t.database.db
    .insert(enrolments)
    .values({ eventId: event!.id, participantId: pupilId, status: 'confirmed', source: 'catalogue', createdBy: pupilId, confirmedAt: new Date() })
    .returning({ id: enrolments.id });
  return { eventId: event!.id, enrolmentId: enrolment!.id };
}

async function lessonOfVenue(
  t: TestApp,
  venue: { venueId: string; placeId: string; schoolId: string; mentorId: string; cookies: { venue: string; coordinator: string } },
) {
  const [competency] = await t.database.db.select({ id: competencies.id }).from(competencies).orderBy(competencies.id).limit(1);
  await t.database.db.insert(venueCompetencies).values({ venueId: venue.venueId, competencyId: competency!.id });
  const refs = { competencyId: competency!.id, placeId: venue.placeId, schoolId: venue.schoolId, mentorId: venue.mentorId };
  const runners = { venue: { cookie: venue.cookies.venue }, coordinator: { cookie: venue.cookies.coordinator } };
  const lesson = await publishedEvent(t, { ...refs, ...runners }, lessonInput(refs));
  return { lessonId: lesson.eventId, lessonToken: lesson.token! };
}

/** Written directly: the pupil's enrolment at the lesson, already cancelled, so it holds no seat. */
async function endedEnrolment(t: TestApp, eventId: string, pupilId: string): Promise<string> {
  const [enrolment] = await t.database.db
    .insert(enrolments)
    .values({ eventId, participantId: pupilId, status: 'cancelled', source: 'link', createdBy: pupilId, endedAt: new Date(), endReason: 'cancelled_by_self' })
    .returning({ id: enrolments.id });
  return enrolment!.id;
}

async function buildRegion(t: TestApp, code: string): Promise<RegionWorld> {
  const place = await regionByCode(t, code);
  const school = await createSchool(t, place);
  const neighbour = await createSchool(t, place);
  const venue = await createVenue(t, place);
  const coordinator = await createStaff(t, 'regional_coordinator', { regionId: place.regionId });
  const schoolStaff = await createStaff(t, 'school', { regionId: place.regionId, schoolId: school.id });
  const navigator = await createStaff(t, 'navigator', { regionId: place.regionId, schoolId: school.id });
  const venueStaff = await createStaff(t, 'venue', { regionId: place.regionId, venueId: venue.id });
  const mentor = await createStaff(t, 'mentor', { regionId: place.regionId, venueId: venue.id });
  // Grade 6: a pupil of the 6-7 band.
  const family = await familyAtSchool(t, place, school.id, 6);
  const neighbourFamily = await familyAtSchool(t, place, neighbour.id, 6);
  await t.database.db.insert(navigatorAssignments).values({ participantId: family.childId, navigatorId: navigator.accountId, assignedBy: schoolStaff.accountId });
  const [venuePlace] = await t.database.db
    .insert(venuePlaces)
    .values({ venueId: venue.id, name: 'Мастерская', cityId: place.cityId, address: 'ул. Заводская, 3', rooms: [{ name: 'Цех', capacity: 12 }] })
    .returning();
  const upload = await t.api('POST', '/api/paper-consents', {
    cookie: schoolStaff.cookie,
    headers: MULTIPART_HEADERS,
    body: multipart([
      { name: 'participantId', value: family.childId },
      { name: 'file', filename: 'soglasie.pdf', content: TINY_PDF, contentType: 'application/pdf' },
    ]),
  });
  expect(upload.status, JSON.stringify(upload.body)).toBe(201);
  const event = await eventOfVenue(t, { venueId: venue.id, placeId: venuePlace!.id, createdBy: venueStaff.accountId, mentorId: mentor.accountId }, family.childId);
  const lesson = await lessonOfVenue(t, {
    venueId: venue.id,
    placeId: venuePlace!.id,
    schoolId: school.id,
    mentorId: mentor.accountId,
    cookies: { venue: venueStaff.cookie, coordinator: coordinator.cookie },
  });
  return {
    place,
    schoolId: school.id,
    neighbourSchoolId: neighbour.id,
    venueId: venue.id,
    placeId: venuePlace!.id,
    pupilId: family.childId,
    neighbourPupilId: neighbourFamily.childId,
    parentId: family.parentId,
    paperConsentId: upload.body.id,
    ...event,
    ...lesson,
    endedEnrolmentId: await endedEnrolment(t, lesson.lessonId, family.childId),
    staffIds: {
      regional_coordinator: coordinator.accountId,
      school: schoolStaff.accountId,
      venue: venueStaff.accountId,
      mentor: mentor.accountId,
      navigator: navigator.accountId,
    },
    cookies: {
      regional_coordinator: coordinator.cookie,
      school: schoolStaff.cookie,
      venue: venueStaff.cookie,
      mentor: mentor.cookie,
      navigator: navigator.cookie,
      participant: family.childCookie,
      parent: family.parentCookie,
    },
  };
}

async function buildDiagnostics(t: TestApp, methodologistCookie: string, pupilCookies: Record<'a' | 'b', string>): Promise<DiagnosticsWorld> {
  const slug = uniqueSlug('access-world');
  const saved = await t.api('POST', '/api/diagnostics/definitions', { cookie: methodologistCookie, body: { source: JSON.stringify(likertTest(slug)) } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  const { testId, versionId } = saved.body;
  const published = await t.api('POST', `/api/diagnostics/definitions/${testId}/versions/${versionId}/publish`, { cookie: methodologistCookie });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  const draft = await t.api('POST', '/api/diagnostics/definitions', { cookie: methodologistCookie, body: { source: JSON.stringify(likertTest(`${slug}-draft`)) } });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);

  const attempts = { completedAttemptId: { a: '', b: '' }, openAttemptId: { a: '', b: '' } };
  for (const region of ['a', 'b'] as const) {
    const cookie = pupilCookies[region];
    const startAttempt = async () => {
      const res = await t.api('POST', `/api/diagnostics/tests/${slug}/attempts`, { cookie });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.attemptId as string;
    };
    const done = await startAttempt();
    for (const item of ['q1', 'q2']) {
      const res = await t.api('PUT', `/api/diagnostics/attempts/${done}/answers/${item}`, { cookie, body: { value: 4 } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const completed = await t.api('POST', `/api/diagnostics/attempts/${done}/complete`, { cookie });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    attempts.completedAttemptId[region] = done;
    attempts.openAttemptId[region] = await startAttempt();
  }
  return { slug, testId, versionId, draftTestId: draft.body.testId, ...attempts };
}

/**
 * Two regions built alike, so every probe can ask for an object of the caller's own part of the
 * programme (region A) and for the same kind of object elsewhere (region B, or a neighbour school).
 */
export async function buildWorld(t: TestApp): Promise<World> {
  const a = await buildRegion(t, '43');
  const b = await buildRegion(t, '16');
  const issuer = await createStaff(t, 'issuer_admin');
  const methodologist = await createStaff(t, 'methodologist');
  const supportOperator = await createStaff(t, 'support_operator');
  const diagnostics = await buildDiagnostics(t, methodologist.cookie, { a: a.cookies.participant!, b: b.cookies.participant! });
  // KPI figures are per season: one around today.
  const [season] = await t.rows<{ id: number }>(
    sql`insert into seasons (name, starts_on, ends_on) values ('Проверочный сезон', current_date - 100, current_date + 100) returning id`,
  );
  return {
    a,
    b,
    seasonId: season!.id,
    issuerId: issuer.accountId,
    methodologistId: methodologist.accountId,
    diagnostics,
    cookies: {
      ...(a.cookies as Record<Exclude<Caller, 'anonymous' | 'issuer_admin' | 'methodologist' | 'support_operator'>, string>),
      issuer_admin: issuer.cookie,
      methodologist: methodologist.cookie,
      support_operator: supportOperator.cookie,
    },
  };
}
