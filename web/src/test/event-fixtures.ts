import { ELIGIBILITY_CONDITIONS, type EligibilityCondition } from '@common/events.js';
import type { ChildEligibility, EnrolmentView, EventCard } from '@common/schemas/events.js';

export const EVENT_ID = '2b6f1d9e-0c4a-4f55-9a57-5b1f0f3f7c01';
export const TOKEN = 'A'.repeat(43);

export function eventCard(overrides: Partial<EventCard> = {}): EventCard {
  return {
    id: EVENT_ID,
    title: 'Урок мастерства: 3D-моделирование',
    description: 'Сделаем модель брелока и подготовим её к печати на 3D-принтере.',
    format: 'school_lesson',
    competency: { id: 7, code: 'additive-manufacturing', name: 'Аддитивное производство', sphereName: 'Промышленность' },
    venue: { id: 'v1', name: 'Кировский колледж, мастерская' },
    place: null,
    school: { id: 's1', name: 'Школа № 14' },
    videoUrl: null,
    startsAt: '2026-11-27T11:00:00Z',
    endsAt: '2026-11-27T11:45:00Z',
    durationMinutes: 45,
    capacity: 15,
    seatsLeft: 4,
    gradeFrom: 6,
    gradeTo: 9,
    difficulty: 'basic',
    ovzSuitable: false,
    ovzNotes: null,
    mentors: [{ id: 'm1', name: 'Смирнов Олег Петрович' }],
    status: 'published',
    changeReason: null,
    ...overrides,
  };
}

/** A child's checklist with the named conditions failing and every other one met. */
export function eligibility(childId: string, name: string, failing: EligibilityCondition[] = [], overrides: Partial<ChildEligibility> = {}): ChildEligibility {
  return {
    childId,
    name,
    grade: 7,
    checks: ELIGIBILITY_CONDITIONS.map((condition) => ({ condition, ok: !failing.includes(condition) })),
    enrolment: null,
    ...overrides,
  };
}

export function enrolment(overrides: Partial<EnrolmentView> = {}): EnrolmentView {
  return {
    id: 'e1',
    status: 'confirmed',
    source: 'link',
    reconfirmRequired: false,
    holdExpiresAt: null,
    endReason: null,
    attendance: null,
    mentorGrade: null,
    feedback: null,
    observedSkills: [],
    event: eventCard(),
    ...overrides,
  };
}

export const parentSession = {
  'GET /api/auth/session': {
    body: { account: { id: 'p1', role: 'parent', status: 'active', firstName: 'Мария', lastName: 'Иванова', emailVerified: true, gate: null, regionId: null, schoolId: null, venueId: null } },
  },
};

export const pupilSession = {
  'GET /api/auth/session': {
    body: { account: { id: 'u1', role: 'participant', status: 'active', firstName: 'Артём', lastName: 'Иванов', emailVerified: true, gate: null, regionId: 1, schoolId: 's1', venueId: null } },
  },
};
