import { describe, expect, it } from 'vitest';
import { composeDraft, recommendProfile, type PlanFacts } from './draft.js';
import { SPHERE_GUIDANCE } from './school-profiles.js';

const NOW = new Date('2026-12-01T09:00:00Z');

const facts = (overrides: Partial<PlanFacts> = {}): PlanFacts => ({
  grade: 9,
  spheres: [
    { code: 'it', name: 'ИТ и цифровые технологии', value: 90, sources: 3 },
    { code: 'industry', name: 'Промышленность и инженерия', value: 70, sources: 1 },
    { code: 'creative', name: 'Творчество и дизайн', value: 30, sources: 1 },
  ],
  softSkills: [
    { code: 'attention', name: 'Внимание', value: 80, sources: 2 },
    { code: 'memory', name: 'Память', value: 40, sources: 1 },
  ],
  trialsAttended: [{ title: 'Веб-разработка', sphereCode: 'it', grade: 5, observedSkills: ['attention'] }],
  testsCompleted: 2,
  trials: [{ eventId: '11111111-2222-3333-4444-555555555555', title: 'Мобильные приложения', startsAt: '2026-12-10T10:00:00.000Z', reason: 'Сфера ИТ' }],
  opportunities: [{ id: 'aaaaaaaa-2222-3333-4444-555555555555', title: 'Кружок Python', kind: 'club', reason: 'Сфера ИТ' }],
  ...overrides,
});

describe('composeDraft', () => {
  it('names strengths and interests with their evidence, leaving weak signals out', () => {
    const draft = composeDraft(facts(), NOW);
    expect(draft.strengths).toEqual([
      { code: 'attention', name: 'Внимание', evidence: '80 из 100: наставник отметил на пробе «Веб-разработка»; подтверждают 1 тест.' },
    ]);
    expect(draft.interests.map((i) => i.code)).toEqual(['it', 'industry']);
    expect(draft.interests[0]!.evidence).toBe('90 из 100 по 3 источникам: 2 теста, оценка наставника 5 на пробе «Веб-разработка».');
  });

  it('recommends a profile and subjects to deepen for grades 8–11, activities instead for grades 6–7', () => {
    const senior = composeDraft(facts(), NOW);
    expect(senior.profile?.code).toBe('technological');
    expect(senior.activities).toEqual([]);
    expect(senior.subjects.map((s) => s.name)).toEqual(['Информатика', 'Математика', 'Физика', 'Технология']);
    const junior = composeDraft(facts({ grade: 6 }), NOW);
    expect(junior.profile).toBeNull();
    expect(junior.activities.length).toBeGreaterThan(0);
    expect(junior.subjects[0]!.reason).toMatch(/^Присмотреться/);
  });

  it('sets two to four goals with stable ids, and gives the same draft for the same facts', () => {
    const draft = composeDraft(facts(), NOW);
    expect(draft.steps.map((s) => s.id)).toEqual(['trial-11111111', 'opportunity-aaaaaaaa', 'more-tests', 'profile-talk']);
    expect(draft.steps[0]!.due).toBe('2026-12-10');
    expect(composeDraft(facts(), NOW)).toEqual(draft);
    const bare = composeDraft(facts({ trials: [], opportunities: [], testsCompleted: 5, grade: 6, spheres: [] }), NOW);
    expect(bare.steps.length).toBeGreaterThanOrEqual(2);
    expect(bare.subjects.length).toBeGreaterThan(0);
  });
});

describe('recommendProfile', () => {
  it('picks the universal profile when interests pull in different directions', () => {
    const profile = recommendProfile([
      { code: 'it', name: 'ИТ', value: 60, sources: 1 },
      { code: 'health', name: 'Медицина', value: 60, sources: 1 },
      { code: 'media', name: 'Медиа', value: 60, sources: 1 },
    ]);
    expect(profile?.code).toBe('universal');
    expect(recommendProfile([])).toBeNull();
  });

  it('maps every sphere of the reference model to one of the five profiles', () => {
    expect(Object.keys(SPHERE_GUIDANCE)).toHaveLength(15);
  });
});
