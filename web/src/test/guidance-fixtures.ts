import type { PublishedPlan, Recommendations, StudyPlanView } from '@common/guidance.js';
import { eventCard } from '@web/test/event-fixtures';

export const OPPORTUNITY_ID = '7a1f5c2e-3b4d-4e6f-8a9b-0c1d2e3f4a5b';

export function recommendations(overrides: Partial<Recommendations> = {}): Recommendations {
  return {
    participantId: 'u1',
    generatedAt: '2026-12-05T10:00:00Z',
    profile: {
      spheres: [
        { key: 'sphere:it', code: 'it', name: 'Информационные технологии', value: 82, sources: 3, confidence: 'high' },
        { key: 'sphere:med', code: 'med', name: 'Медицина', value: 40, sources: 1, confidence: 'low' },
      ],
      competencies: [],
      softSkills: [],
      testsCompleted: 3,
      trialsAttended: 1,
      confidence: 'medium',
      summary: 'Картина складывается из трёх тестов и одной пробы.',
    },
    tests: [{ slug: 'interests-map', title: 'Карта интересов', kind: 'test', durationMinutes: 15, reason: 'Интерес к медицине пока известен только по одному тесту.' }],
    events: [{ event: eventCard({ title: 'Проба: веб-разработчик' }), score: 0.9, reason: 'Интерес к ИТ по трём тестам и оценка наставника 5.' }],
    opportunities: [
      {
        opportunity: {
          id: OPPORTUNITY_ID,
          kind: 'club',
          title: 'Кружок робототехники',
          provider: 'Дом творчества',
          cityName: 'Киров',
          online: false,
          free: true,
          ovzAccessible: true,
          startsOn: null,
          endsOn: null,
          federal: false,
        },
        score: 0.7,
        reason: 'Кружок в твоём городе по сфере ИТ.',
      },
    ],
    professions: [
      {
        id: 12,
        code: 'developer',
        name: 'Программист',
        description: 'Пишет программы.',
        education: ['spo'],
        programmes: ['09.02.07 — Информационные системы и программирование'],
        reason: 'Связана с компетенцией «Веб-разработка», где у тебя высокий балл.',
      },
    ],
    ...overrides,
  };
}

export function publishedPlan(overrides: Partial<PublishedPlan> = {}): PublishedPlan {
  return {
    version: 2,
    publishedAt: '2026-12-01T09:00:00Z',
    publishedByName: 'Петрова Анна Ивановна',
    content: {
      grade: 8,
      strengths: [{ code: 'teamwork', name: 'Работа в команде', evidence: 'Наставник отметил на пробе «Веб-разработчик».' }],
      interests: [{ code: 'it', name: 'Информационные технологии', evidence: 'Три теста и проба.' }],
      profile: { code: 'technological', reason: 'Сильные интересы в ИТ и инженерии.' },
      subjects: [{ name: 'Информатика', reason: 'Нужна для технологического профиля.' }],
      activities: [],
      opportunities: [{ id: OPPORTUNITY_ID, title: 'Кружок робототехники', kind: 'club', reason: 'Рядом с домом.' }],
      trials: [],
      steps: [
        { id: 'step-1', text: 'Записаться в кружок робототехники', due: '2027-01-15' },
        { id: 'step-2', text: 'Пройти пробу по инженерии', due: null },
      ],
      navigatorNote: 'Ты отлично показал себя на пробе!',
    },
    ...overrides,
  };
}

export function planView(overrides: Partial<StudyPlanView> = {}): StudyPlanView {
  return {
    participantId: 'u1',
    stage: 'plan_published',
    published: publishedPlan(),
    stepsDone: [{ stepId: 'step-1', doneAt: '2026-12-02T10:00:00Z' }],
    versions: [
      { version: 1, publishedAt: '2026-11-20T09:00:00Z' },
      { version: 2, publishedAt: '2026-12-01T09:00:00Z' },
    ],
    ...overrides,
  };
}
