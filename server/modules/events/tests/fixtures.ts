import { expect } from 'vitest';
import { asc } from 'drizzle-orm';
import { competencies, venueCompetencies, venuePlaces } from '@server/db/schema/index.js';
import type { CreateEventInput } from '@common/schemas/events.js';
import { createSchool, createStaff, createVenue, regionByCode, type Place, type StaffMember } from '@server/test/staff-factories.js';
import type { TestApp } from '@server/test/test-app.js';

/**
 * A venue ready to run events, and the people around it, for the events' integration tests and any
 * other test that needs a published trial or lesson. Events go through the API as the venue and
 * the coordinator would make them.
 */
/** What an event's form points at: the venue's competency and place, its mentor, a school of its region. */
export interface VenueRefs {
  competencyId: number;
  placeId: string;
  schoolId: string;
  mentorId: string;
}

/** Who takes an event through the workflow: the venue's account and the region's coordinator. */
export interface EventRunners {
  venue: { cookie: string };
  coordinator: { cookie: string };
}

export interface EventSetting extends VenueRefs, EventRunners {
  place: Place;
  venueId: string;
  venue: StaffMember;
  mentor: StaffMember;
  coordinator: StaffMember;
  school: StaffMember;
}

/** A moment `hours` from now, as the browser sends it. */
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

/** A venue in the region (Kirov by default) offering a competency at a workshop, with its mentor, a school and the region's coordinator. */
export async function eventSetting(t: TestApp, regionCode = '43'): Promise<EventSetting> {
  const place = await regionByCode(t, regionCode);
  const venue = await createVenue(t, place);
  const school = await createSchool(t, place);
  const [competency] = await t.database.db.select({ id: competencies.id }).from(competencies).orderBy(asc(competencies.id)).limit(1);
  await t.database.db.insert(venueCompetencies).values({ venueId: venue.id, competencyId: competency!.id });
  const [workshop] = await t.database.db
    .insert(venuePlaces)
    .values({ venueId: venue.id, name: 'Мастерская', cityId: place.cityId, address: 'ул. Заводская, 3', rooms: [{ name: 'Цех', capacity: 12 }] })
    .returning();
  const mentor = await createStaff(t, 'mentor', { regionId: place.regionId, venueId: venue.id });
  return {
    place,
    venueId: venue.id,
    placeId: workshop!.id,
    competencyId: competency!.id,
    schoolId: school.id,
    mentorId: mentor.accountId,
    venue: await createStaff(t, 'venue', { regionId: place.regionId, venueId: venue.id }),
    mentor,
    coordinator: await createStaff(t, 'regional_coordinator', { regionId: place.regionId }),
    school: await createStaff(t, 'school', { regionId: place.regionId, schoolId: school.id }),
  };
}

/** An in-person trial at the venue's workshop two days ahead; overrides change any field, e.g. the format. */
export function trialInput(s: VenueRefs, overrides: Partial<CreateEventInput> = {}): CreateEventInput {
  return {
    competencyId: s.competencyId,
    format: 'in_person',
    title: 'Токарная обработка: первая деталь',
    description: 'Под руководством мастера участники выточат на станке простую деталь и измерят её штангенциркулем.',
    placeId: s.placeId,
    durationMinutes: 90,
    capacity: 10,
    gradeFrom: 6,
    gradeTo: 11,
    difficulty: 'basic',
    ovzSuitable: false,
    mentorIds: [s.mentorId],
    startsAt: [hoursFromNow(48)],
    ...overrides,
  };
}

/** A professional-mastery lesson for the setting's school three days ahead. */
export function lessonInput(s: VenueRefs, overrides: Partial<CreateEventInput> = {}): CreateEventInput {
  return trialInput(s, {
    format: 'school_lesson',
    title: 'Урок мастерства: 3D-моделирование',
    placeId: null,
    schoolId: s.schoolId,
    videoUrl: 'https://video.example.ru/room/42',
    durationMinutes: 45,
    capacity: 15,
    startsAt: [hoursFromNow(72)],
    ...overrides,
  });
}

/** Creates the drafts as the venue; returns their ids in the order of the dates. */
export async function createEvents(t: TestApp, s: EventRunners, input: CreateEventInput): Promise<string[]> {
  const res = await t.api('POST', '/api/staff/events', { cookie: s.venue.cookie, body: input });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ids as string[];
}

/** One workflow step as the person who takes it; returns the event as that person sees it afterwards. */
export async function step(t: TestApp, cookie: string, eventId: string, action: 'submit' | 'approve' | 'publish', expected = 200) {
  const res = await t.api('POST', `/api/staff/events/${eventId}/${action}`, { cookie });
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(expected);
  return res.body;
}

/** The token of a registration link as the detail shows it. */
export const tokenOf = (url: string) => url.slice(url.lastIndexOf('/e/') + 3);

/**
 * A published event: created by the venue, submitted, approved by the coordinator and published.
 * A lesson comes with its registration link's token.
 */
export async function publishedEvent(t: TestApp, s: EventRunners & VenueRefs, input: CreateEventInput = trialInput(s)): Promise<{ eventId: string; token: string | null }> {
  const [eventId] = await createEvents(t, s, input);
  await step(t, s.venue.cookie, eventId!, 'submit');
  await step(t, s.coordinator.cookie, eventId!, 'approve');
  const published = await step(t, s.venue.cookie, eventId!, 'publish');
  return { eventId: eventId!, token: published.link ? tokenOf(published.link.url as string) : null };
}
