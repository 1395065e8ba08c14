import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './identity.js';
import { venuePlaces } from './organisations.js';
import { competencies, schools, venues } from './reference.js';

/**
 * A practical event of a venue. `seats_taken` counts the enrolments that hold a seat; the check
 * `seats_taken <= capacity` is what makes overbooking impossible, whatever the application does:
 * every seat is taken by a conditional UPDATE of this row, which concurrent enrolments queue on.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    venueId: uuid('venue_id').notNull().references(() => venues.id),
    competencyId: integer('competency_id').notNull().references(() => competencies.id),
    format: text('format').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    placeId: uuid('place_id').references(() => venuePlaces.id),
    videoUrl: text('video_url'),
    schoolId: uuid('school_id').references(() => schools.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    seatsTaken: integer('seats_taken').notNull().default(0),
    gradeFrom: smallint('grade_from').notNull(),
    gradeTo: smallint('grade_to').notNull(),
    difficulty: text('difficulty').notNull(),
    ovzSuitable: boolean('ovz_suitable').notNull().default(false),
    ovzNotes: text('ovz_notes'),
    status: text('status').notNull().default('draft'),
    reviewComment: text('review_comment'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    changeReason: text('change_reason'),
    /** Events created together as recurring dates share one series id. */
    seriesId: uuid('series_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_venue_idx').on(t.venueId, t.startsAt),
    index('events_school_idx').on(t.schoolId, t.startsAt),
    index('events_open_idx').on(t.startsAt).where(sql`${t.status} = 'published'`),
    // Recommendations look up a pupil's strongest competencies' upcoming events through this index.
    index('events_competency_open_idx').on(t.competencyId, t.startsAt).where(sql`${t.status} = 'published'`),
    index('events_status_idx').on(t.status, t.startsAt),
    check('events_format_ck', sql`${t.format} in ('in_person', 'online', 'school_lesson')`),
    check('events_status_ck', sql`${t.status} in ('draft', 'submitted', 'returned', 'approved', 'published', 'cancelled')`),
    check('events_difficulty_ck', sql`${t.difficulty} in ('basic', 'intermediate', 'advanced')`),
    check('events_time_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check('events_capacity_ck', sql`${t.capacity} > 0 and (${t.format} <> 'school_lesson' or ${t.capacity} <= 15)`),
    check('events_seats_ck', sql`${t.seatsTaken} >= 0 and ${t.seatsTaken} <= ${t.capacity}`),
    check('events_grades_ck', sql`${t.gradeFrom} between 6 and 11 and ${t.gradeTo} between ${t.gradeFrom} and 11`),
    check('events_place_ck', sql`${t.format} <> 'in_person' or ${t.placeId} is not null`),
    check('events_school_ck', sql`${t.format} <> 'school_lesson' or ${t.schoolId} is not null`),
  ],
);

export const eventMentors = pgTable(
  'event_mentors',
  {
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id').notNull().references(() => accounts.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.mentorId] }), index('event_mentors_mentor_idx').on(t.mentorId)],
);

/**
 * A professional-mastery lesson's registration link. The token is looked up by its SHA-256 and
 * kept encrypted so the venue and the school can show it again; a revoked link stops working.
 */
export const eventLinks = pgTable(
  'event_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    tokenEnc: text('token_enc').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('event_links_token_uq').on(t.tokenHash),
    uniqueIndex('event_links_active_uq').on(t.eventId).where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * A pupil's place in an event. `held` (waiting for the parent's agreement) and `confirmed` hold a
 * seat; `waitlisted` queues by `queued_at`. One live enrolment per pupil and event, so a retry or
 * a second click never takes a second seat.
 */
export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull().references(() => events.id),
    participantId: uuid('participant_id').notNull().references(() => accounts.id),
    status: text('status').notNull(),
    source: text('source').notNull(),
    createdBy: uuid('created_by').notNull(),
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** Set when the event moved: the family is asked to confirm the new time. */
    reconfirmRequired: boolean('reconfirm_required').notNull().default(false),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    attendance: text('attendance'),
    attendanceMarkedAt: timestamp('attendance_marked_at', { withTimezone: true }),
    grade: smallint('grade'),
    feedback: text('feedback'),
    observedSkills: text('observed_skills').array().notNull().default(sql`'{}'::text[]`),
    feedbackBy: uuid('feedback_by'),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    remindedDayAt: timestamp('reminded_day_at', { withTimezone: true }),
    remindedHourAt: timestamp('reminded_hour_at', { withTimezone: true }),
    /**
     * When the family was told of the enrolment. A link enrolment leaves it empty and its notices
     * follow in batches (enrolment-announcements.ts); every other path tells the family in its own
     * transaction, and the default marks it told.
     */
    announcedAt: timestamp('announced_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    uniqueIndex('enrolments_live_uq').on(t.eventId, t.participantId).where(sql`${t.status} in ('held', 'confirmed', 'waitlisted')`),
    uniqueIndex('enrolments_idempotency_uq').on(t.createdBy, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    // An event's rosters, counts and waiting list read its live enrolments through enrolments_live_uq;
    // no second index on event_id, since every index is paid for by each enrolment in a rush.
    index('enrolments_participant_idx').on(t.participantId, t.status),
    index('enrolments_hold_idx').on(t.holdExpiresAt).where(sql`${t.status} = 'held'`),
    index('enrolments_unannounced_idx').on(t.createdAt).where(sql`${t.announcedAt} is null`),
    check('enrolments_status_ck', sql`${t.status} in ('held', 'confirmed', 'waitlisted', 'cancelled', 'declined', 'expired')`),
    check('enrolments_source_ck', sql`${t.source} in ('link', 'catalogue', 'navigator', 'parent')`),
    check('enrolments_attendance_ck', sql`${t.attendance} is null or ${t.attendance} in ('present', 'absent', 'late')`),
    check('enrolments_grade_ck', sql`${t.grade} is null or ${t.grade} between 1 and 5`),
  ],
);
