import { z } from 'zod';
import {
  ATTENDANCE,
  DIFFICULTIES,
  EVENT_FORMATS,
  EVENT_LIMITS,
  EVENT_STATUSES,
  LESSON,
  MENTOR_GRADES,
  type Attendance,
  type Difficulty,
  type EligibilityCondition,
  type EnrolmentStatus,
  type EventFormat,
  type EventStatus,
} from '../events.js';
import { idSchema, isoDateSchema, plainTextSchema, queryIntSchema, serialIdParamSchema, serialIdSchema } from './fields.js';
import { listQuerySchema } from './lists.js';

const text = plainTextSchema;

const int = (min: number, max: number, message: string) =>
  z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });

/** A moment with its offset, as the browser sends it; it must lie ahead and within the planning horizon. */
export const futureInstantSchema = z
  .string({ error: 'Укажите дату и время начала' })
  .pipe(z.iso.datetime({ offset: true, error: 'Дата и время — в формате ISO 8601 с часовым поясом' }))
  .refine((v) => new Date(v).getTime() > Date.now(), { error: 'Мероприятие не может начинаться в прошлом' })
  .refine((v) => new Date(v).getTime() < Date.now() + EVENT_LIMITS.horizonDays * 24 * 3600 * 1000, {
    error: 'Мероприятие можно запланировать не дальше чем на год вперёд',
  });

const eventFieldsSchema = z.strictObject({
  competencyId: serialIdSchema('Выберите компетенцию'),
  format: z.enum(EVENT_FORMATS, { error: 'Выберите формат мероприятия' }),
  title: text(EVENT_LIMITS.title.min, EVENT_LIMITS.title.max, 'Название'),
  description: text(EVENT_LIMITS.description.min, EVENT_LIMITS.description.max, 'Описание'),
  placeId: idSchema.nullish(),
  videoUrl: z
    .url({ protocol: /^https$/, error: 'Ссылка на видеосвязь должна начинаться с https://' })
    .max(500, { error: 'Ссылка не длиннее 500 символов' })
    .nullish(),
  schoolId: idSchema.nullish(),
  durationMinutes: int(EVENT_LIMITS.durationMinutes.min, EVENT_LIMITS.durationMinutes.max, `Продолжительность — от ${EVENT_LIMITS.durationMinutes.min} до ${EVENT_LIMITS.durationMinutes.max} минут`),
  capacity: int(1, EVENT_LIMITS.capacity, `Количество мест — целое число от 1 до ${EVENT_LIMITS.capacity}`),
  gradeFrom: int(6, 11, 'Классы — с 6 по 11'),
  gradeTo: int(6, 11, 'Классы — с 6 по 11'),
  difficulty: z.enum(DIFFICULTIES, { error: 'Выберите уровень сложности' }),
  ovzSuitable: z.boolean({ error: 'Укажите, подходит ли мероприятие детям с ОВЗ' }),
  ovzNotes: text(0, EVENT_LIMITS.ovzNotes, 'Условия для детей с ОВЗ').nullish(),
  mentorIds: z
    .array(idSchema, { error: 'Выберите наставника' })
    .min(1, { error: 'Назначьте хотя бы одного наставника' })
    .max(EVENT_LIMITS.mentors, { error: `Не больше ${EVENT_LIMITS.mentors} наставников` })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Наставник указан дважды' }),
});

type EventFields = z.infer<typeof eventFieldsSchema>;

/** The rules that tie fields to the format; reported on the field the person has to change. */
function checkFormat(e: EventFields, ctx: z.RefinementCtx): void {
  if (e.gradeTo < e.gradeFrom) ctx.addIssue({ code: 'custom', path: ['gradeTo'], message: 'Последний класс не может быть меньше первого' });
  if (e.format === 'in_person' && !e.placeId) ctx.addIssue({ code: 'custom', path: ['placeId'], message: 'Выберите место проведения' });
  if (e.format === 'online' && !e.videoUrl) ctx.addIssue({ code: 'custom', path: ['videoUrl'], message: 'Укажите ссылку на видеосвязь' });
  if (e.format === 'school_lesson') {
    if (!e.schoolId) ctx.addIssue({ code: 'custom', path: ['schoolId'], message: 'Выберите школу, где пройдёт урок' });
    if (e.durationMinutes !== LESSON.durationMinutes) {
      ctx.addIssue({ code: 'custom', path: ['durationMinutes'], message: `Урок профессионального мастерства длится ${LESSON.durationMinutes} минут` });
    }
    if (e.capacity > LESSON.maxCapacity) {
      ctx.addIssue({ code: 'custom', path: ['capacity'], message: `На урок — не больше ${LESSON.maxCapacity} учеников` });
    }
  }
  if (e.ovzSuitable && !e.ovzNotes) ctx.addIssue({ code: 'custom', path: ['ovzNotes'], message: 'Опишите, какие условия созданы для детей с ОВЗ' });
}

/** A new event, or a series of them: one draft per start time, all sharing the other fields. */
export const createEventSchema = eventFieldsSchema
  .extend({
    startsAt: z
      .array(futureInstantSchema, { error: 'Укажите дату и время начала' })
      .min(1, { error: 'Укажите дату и время начала' })
      .max(EVENT_LIMITS.occurrences, { error: `За один раз — не больше ${EVENT_LIMITS.occurrences} дат` })
      .refine((v) => new Set(v.map((s) => new Date(s).getTime())).size === v.length, { error: 'Одна и та же дата указана дважды' }),
  })
  .superRefine(checkFormat);
export type CreateEventInput = z.infer<typeof createEventSchema>;

export const updateEventSchema = eventFieldsSchema.extend({ startsAt: futureInstantSchema }).superRefine(checkFormat);
export type UpdateEventInput = z.infer<typeof updateEventSchema>;

export const eventParamsSchema = z.object({ eventId: idSchema });
export const enrolmentParamsSchema = z.object({ enrolmentId: idSchema });
export const eventEnrolmentParamsSchema = z.object({ eventId: idSchema, enrolmentId: idSchema });

export const reasonSchema = z.strictObject({ reason: text(EVENT_LIMITS.reason.min, EVENT_LIMITS.reason.max, 'Причина') });
export const returnEventSchema = z.strictObject({ comment: text(EVENT_LIMITS.reason.min, EVENT_LIMITS.reason.max, 'Комментарий') });
export const moveEventSchema = z.strictObject({ startsAt: futureInstantSchema, reason: reasonSchema.shape.reason });

export const staffEventsQuerySchema = listQuerySchema(['startsAt', 'title', 'status'] as const).extend({
  status: z.enum(EVENT_STATUSES, { error: 'Неизвестный статус' }).optional(),
  /** Only events that have not ended yet. */
  upcoming: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

/** A link token is 32 random bytes in base64url; anything else is refused before a lookup. */
export const linkTokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Ссылка повреждена или неполна' }) });

const idempotencyKey = z.string().trim().min(8).max(100).optional();

export const enrolChildSchema = z.strictObject({
  childId: idSchema,
  /** Join the waiting list when no seat is free. */
  waitlist: z.boolean().default(false),
  idempotencyKey,
});

/** Enrolment from an event's card: a pupil asks for itself (no childId), a parent enrols one of its children. */
export const eventEnrolSchema = z.strictObject({ childId: idSchema.optional(), waitlist: z.boolean().default(false), idempotencyKey });

export const groupEnrolSchema = z.strictObject({
  participantIds: z
    .array(idSchema)
    .min(1, { error: 'Выберите хотя бы одного ученика' })
    .max(200, { error: 'За один раз — не больше 200 учеников' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Ученик выбран дважды' }),
});

export const attendanceSchema = z.strictObject({
  marks: z
    .array(z.strictObject({ enrolmentId: idSchema, attendance: z.enum(ATTENDANCE, { error: 'Отметка: был, не пришёл или опоздал' }) }))
    .min(1, { error: 'Отметьте хотя бы одного ученика' })
    .max(EVENT_LIMITS.capacity),
});

export const feedbackSchema = z.strictObject({
  grade: z.union(MENTOR_GRADES.map((g) => z.literal(g)), { error: 'Оценка — от 1 до 5' }),
  feedback: text(EVENT_LIMITS.feedback.min, EVENT_LIMITS.feedback.max, 'Отзыв'),
  skills: z
    .array(z.string().regex(/^[a-z0-9-]{1,40}$/, { error: 'Неизвестный навык' }))
    .max(10, { error: 'Не больше 10 навыков' })
    .refine((v) => new Set(v).size === v.length, { error: 'Навык отмечен дважды' }),
});

export const catalogueQuerySchema = z.object({
  regionId: serialIdParamSchema('Неверный регион').optional(),
  cityId: serialIdParamSchema('Неверный город').optional(),
  /** Every city of the region, even the pupil's own region whose own city is otherwise the default. */
  anyCity: z.enum(['true']).optional(),
  sphere: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  competency: z.string().regex(/^[a-z0-9-]{1,60}$/).optional(),
  format: z.enum(['in_person', 'online'], { error: 'Формат: очно или онлайн' }).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  ovz: z.enum(['true']).optional(),
  withSeats: z.enum(['true']).optional(),
  /** «Подходит вам»: a pupil's catalogue ordered by how well each trial fits its footprint. */
  order: z.enum(['fit', 'date'], { error: 'Порядок: fit («Подходит вам») или date (по дате)' }).default('date'),
  page: queryIntSchema(1, 10_000, 'Номер страницы — число от 1 до 10 000').default(1),
  pageSize: queryIntSchema(1, 50, 'Размер страницы — число от 1 до 50').default(20),
});

export const pupilParamsSchema = z.object({ pupilId: idSchema });

/** What every card of an event shows, to staff and families alike. */
export interface EventCard {
  id: string;
  title: string;
  description: string;
  format: EventFormat;
  competency: { id: number; code: string; name: string; sphereName: string };
  venue: { id: string; name: string };
  place: { id: string; name: string; address: string; cityName: string } | null;
  school: { id: string; name: string } | null;
  videoUrl: string | null;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  capacity: number;
  seatsLeft: number;
  gradeFrom: number;
  gradeTo: number;
  difficulty: Difficulty;
  ovzSuitable: boolean;
  ovzNotes: string | null;
  mentors: Array<{ id: string; name: string }>;
  status: EventStatus;
  changeReason: string | null;
}

/** A row of the staff list of events. */
export interface StaffEventSummary extends EventCard {
  counts: { confirmed: number; held: number; waitlisted: number };
}

export interface StaffEventDetail extends EventCard {
  reviewComment: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  seriesId: string | null;
  counts: { confirmed: number; held: number; waitlisted: number };
  /** The lesson's registration link and its QR code, for the venue and the school. */
  link: { url: string; qrSvg: string; createdAt: string } | null;
  /** What the caller may do with it now. */
  actions: Array<'edit' | 'submit' | 'approve' | 'return' | 'publish' | 'cancel' | 'move' | 'link' | 'roster' | 'group_enrol'>;
}

export interface EligibilityCheck {
  condition: EligibilityCondition;
  ok: boolean;
}

export interface ChildEligibility {
  childId: string;
  name: string;
  grade: number;
  checks: EligibilityCheck[];
  /** The child's live enrolment in this event, if any. */
  enrolment: { id: string; status: EnrolmentStatus } | null;
}

/** The lesson's card behind a registration link, with each of the parent's children checked. */
export interface LinkCard {
  event: EventCard;
  children: ChildEligibility[];
}

export interface EnrolmentView {
  id: string;
  status: EnrolmentStatus;
  source: string;
  reconfirmRequired: boolean;
  holdExpiresAt: string | null;
  /** Why a cancelled enrolment ended, when the pupil's list still shows it ('event_cancelled', 'consent_withdrawn'). */
  endReason: string | null;
  attendance: Attendance | null;
  mentorGrade: number | null;
  feedback: string | null;
  observedSkills: Array<{ code: string; name: string }>;
  event: EventCard;
}

/** A pupil's events for its cabinet and its parents': «Запланированные» and «Прошедшие». */
export interface PupilEvents {
  planned: EnrolmentView[];
  past: EnrolmentView[];
}

export interface EnrolmentResult {
  enrolment: { id: string; status: EnrolmentStatus; holdExpiresAt: string | null };
}

export interface GroupEnrolResult {
  results: Array<{ participantId: string; name: string; outcome: 'enrolled' | 'already' | 'failed'; condition: EligibilityCondition | null; message: string | null }>;
}

export interface RosterEntry {
  enrolmentId: string;
  participantId: string;
  name: string;
  grade: number;
  schoolName: string | null;
  status: EnrolmentStatus;
  /** Shown only where a parent consented to share health data. */
  ovzNote: string | null;
  attendance: Attendance | null;
  mentorGrade: number | null;
  feedback: string | null;
  observedSkills: string[];
}

export interface Roster {
  event: EventCard;
  entries: RosterEntry[];
  /** The soft skills the mentor may mark as observed. */
  skills: Array<{ code: string; name: string }>;
  markingOpen: boolean;
}

/**
 * What a lesson's link shows before anyone signs in: the lesson as its school announces it, and
 * nothing about a person (no mentors, no video link, no enrolments).
 */
export interface PublicLinkSummary {
  title: string;
  format: EventFormat;
  competency: { name: string; sphereName: string };
  venue: { name: string };
  place: { name: string; address: string; cityName: string } | null;
  school: { name: string } | null;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  capacity: number;
  seatsLeft: number;
  gradeFrom: number;
  gradeTo: number;
  status: EventStatus;
}
