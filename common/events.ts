/**
 * Practical events: formats, the approval workflow, enrolment statuses, the mentor's scale, and the
 * conditions a pupil must meet to be enrolled, each with what to do about it. The server decides;
 * the web app shows the same words.
 */
export const EVENT_FORMATS = ['in_person', 'online', 'school_lesson'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

export const EVENT_FORMAT_LABELS: Record<EventFormat, string> = {
  in_person: 'Очно на площадке',
  online: 'Онлайн',
  school_lesson: 'Урок профессионального мастерства в школе',
};

/** A professional-mastery lesson: 45 minutes, a group of at most 15 (seed 000). */
export const LESSON = { durationMinutes: 45, maxCapacity: 15 } as const;

export const EVENT_LIMITS = {
  title: { min: 5, max: 200 },
  description: { min: 20, max: 5000 },
  ovzNotes: 1000,
  durationMinutes: { min: 15, max: 480 },
  capacity: 500,
  mentors: 10,
  /** Dates created at once for a recurring event. */
  occurrences: 52,
  reason: { min: 5, max: 1000 },
  feedback: { min: 10, max: 3000 },
  /** How far ahead an event may be planned. */
  horizonDays: 366,
} as const;

export const DIFFICULTIES = ['basic', 'intermediate', 'advanced'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  basic: 'Начальный уровень',
  intermediate: 'Средний уровень',
  advanced: 'Продвинутый уровень',
};

export const EVENT_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  draft: 'Черновик',
  submitted: 'На согласовании',
  returned: 'Возвращено на доработку',
  approved: 'Согласовано',
  published: 'Опубликовано',
  cancelled: 'Отменено',
};

/** Which workflow step may follow which; everything else is refused with 409. */
export const EVENT_TRANSITIONS: Record<'submit' | 'approve' | 'return' | 'publish' | 'cancel' | 'move' | 'edit', readonly EventStatus[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  publish: ['approved'],
  cancel: ['draft', 'submitted', 'returned', 'approved', 'published'],
  move: ['published'],
};

export const ENROLMENT_STATUSES = ['held', 'confirmed', 'waitlisted', 'cancelled', 'declined', 'expired'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  held: 'Ждёт согласия родителя',
  confirmed: 'Записан',
  waitlisted: 'В листе ожидания',
  cancelled: 'Запись отменена',
  declined: 'Родитель не согласовал',
  expired: 'Время на согласие истекло',
};
/** Statuses that hold a seat, counted in events.seats_taken. */
export const SEAT_HOLDING: readonly EnrolmentStatus[] = ['held', 'confirmed'];
/** How long a seat waits for the parent's answer to a pupil's request. */
export const HOLD_HOURS = 48;

export const ATTENDANCE = ['present', 'absent', 'late'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = { present: 'Был', absent: 'Не пришёл', late: 'Опоздал' };

/** The mentor's grade: a fixed five-point scale, each point with a meaning the pupil can read. */
export const MENTOR_GRADES = [1, 2, 3, 4, 5] as const;
export const MENTOR_GRADE_LABELS: Record<(typeof MENTOR_GRADES)[number], string> = {
  1: 'Задание пока не получилось',
  2: 'Справился с частью задания с помощью наставника',
  3: 'Справился с заданием с подсказками',
  4: 'Справился с заданием почти самостоятельно',
  5: 'Справился с заданием самостоятельно и уверенно',
};

/** The conditions of enrolment, in the order they are checked and explained (seed 000 first). */
export const ELIGIBILITY_CONDITIONS = [
  'registered',
  'linked',
  'consent',
  'tested',
  'no_prior_trials',
  'own_school',
  'grade',
  'seat',
  'no_clash',
] as const;
export type EligibilityCondition = (typeof ELIGIBILITY_CONDITIONS)[number];

export const ELIGIBILITY_TEXTS: Record<EligibilityCondition, { title: string; failed: string; remedy: string }> = {
  registered: {
    title: 'Ребёнок и родитель зарегистрированы на платформе',
    failed: 'Ребёнок ещё не завершил регистрацию',
    remedy: 'Ребёнку нужно подтвердить свою почту по ссылке из письма и войти в кабинет',
  },
  linked: {
    title: 'Кабинеты ребёнка и родителя связаны',
    failed: 'Кабинет ребёнка не связан с кабинетом родителя',
    remedy: 'Родитель приглашает ребёнка (или ребёнок — родителя) в разделе «Семья» личного кабинета',
  },
  consent: {
    title: 'Родитель дал согласие на обработку персональных данных',
    failed: 'Нет согласия родителя на обработку персональных данных',
    remedy: 'Родителю нужно дать согласие в своём кабинете, в карточке ребёнка',
  },
  tested: {
    title: 'Ребёнок прошёл хотя бы один онлайн-тест',
    failed: 'Ребёнок ещё не прошёл ни одного онлайн-теста',
    remedy: 'Ребёнку нужно пройти любой тест в разделе «Диагностика» своего кабинета',
  },
  no_prior_trials: {
    title: 'Ребёнок ещё не проходил профессиональные пробы в программе',
    failed: 'Ребёнок уже проходил профессиональные пробы, а урок — для тех, кто ещё не пробовал',
    remedy: 'Выберите профессиональную пробу в каталоге мероприятий',
  },
  own_school: {
    title: 'Ребёнок учится в школе, где проводится урок',
    failed: 'Урок проводится для учеников другой школы',
    remedy: 'Попросите ссылку на урок мастерства в своей школе или выберите профессиональную пробу в каталоге мероприятий',
  },
  grade: {
    title: 'Класс ребёнка подходит для мероприятия',
    failed: 'Мероприятие не рассчитано на класс ребёнка',
    remedy: 'Выберите мероприятие для своего класса в каталоге',
  },
  seat: {
    title: 'Есть свободное место',
    failed: 'Свободных мест нет',
    remedy: 'Встаньте в лист ожидания: когда место освободится, запись придёт автоматически',
  },
  no_clash: {
    title: 'В это время ребёнок не записан на другое мероприятие',
    failed: 'В это время ребёнок уже записан на другое мероприятие',
    remedy: 'Отмените ту запись или выберите другое время',
  },
};

export interface EligibilityFacts {
  registered: boolean;
  linked: boolean;
  consent: boolean;
  tested: boolean;
  /** Only a professional-mastery lesson requires no prior trials. */
  priorTrials: boolean;
  isLesson: boolean;
  /** A lesson is held at one school for that school's pupils. */
  ownSchool: boolean;
  gradeAdmitted: boolean;
  seatFree: boolean;
  clash: boolean;
}

/** Conditions that only a professional-mastery lesson sets, so only its checklist shows them. */
const LESSON_ONLY: readonly EligibilityCondition[] = ['no_prior_trials', 'own_school'];

/** Every condition with whether it holds, in order, so the card can show the whole checklist. */
export function eligibilityChecklist(f: EligibilityFacts): Array<{ condition: EligibilityCondition; ok: boolean }> {
  const ok: Record<EligibilityCondition, boolean> = {
    registered: f.registered,
    linked: f.linked,
    consent: f.consent,
    tested: f.tested,
    no_prior_trials: !f.isLesson || !f.priorTrials,
    own_school: !f.isLesson || f.ownSchool,
    grade: f.gradeAdmitted,
    seat: f.seatFree,
    no_clash: !f.clash,
  };
  return ELIGIBILITY_CONDITIONS.filter((c) => f.isLesson || !LESSON_ONLY.includes(c)).map((condition) => ({ condition, ok: ok[condition] }));
}

/** The first condition that fails, or null when the pupil may be enrolled. */
export function firstFailedCondition(f: EligibilityFacts): EligibilityCondition | null {
  return eligibilityChecklist(f).find((c) => !c.ok)?.condition ?? null;
}
