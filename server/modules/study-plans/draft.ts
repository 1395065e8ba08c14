import { SCHOOL_PROFILE_LABELS, type OpportunityKind, type SchoolProfile, type StudyPlanContent } from '@common/guidance.js';
import { plural } from '@common/plural.js';
import { PROFILE_MIN_SHARE, SPHERE_GUIDANCE, UNIVERSAL_SUBJECTS } from './school-profiles.js';

/** A trial the pupil came to, as the drafting reads it. */
export interface AttendedTrial {
  title: string;
  sphereCode: string;
  grade: number | null;
  observedSkills: readonly string[];
}

/** One dimension of the footprint: its strength 0..100 and how many sources (tests, trials) say so. */
export interface Dimension {
  code: string;
  name: string;
  value: number;
  sources: number;
}

/** Everything the system knows when it drafts: the pupil's picture and what is open to it now. */
export interface PlanFacts {
  grade: number;
  spheres: readonly Dimension[];
  softSkills: readonly Dimension[];
  trialsAttended: readonly AttendedTrial[];
  testsCompleted: number;
  /** Upcoming trials the pupil can enrol in, best first, each with why. */
  trials: ReadonlyArray<{ eventId: string; title: string; startsAt: string; reason: string }>;
  /** Regional and federal opportunities that fit, best first, each with why. */
  opportunities: ReadonlyArray<{ id: string; title: string; kind: OpportunityKind; reason: string }>;
}

/** Weaker signals than these are not called a strength or an interest. */
export const STRENGTH_MIN = 60;
export const INTEREST_MIN = 50;
const MAX_STRENGTHS = 4;
const MAX_INTERESTS = 3;
const MAX_SUBJECTS = 4;
const MAX_ACTIVITIES = 4;
const MAX_TRIALS = 3;
const MAX_OPPORTUNITIES = 3;
/** Fewer tests than this leave the picture unsure: the plan asks for one more. */
const TESTS_FOR_A_CLEAR_PICTURE = 3;
const DAY = 86_400_000;

const quoted = (names: readonly string[]) => names.map((n) => `«${n}»`).join(', ');
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

function strengthEvidence(skill: Dimension, trials: readonly AttendedTrial[]): string {
  const seenAt = trials.filter((t) => t.observedSkills.includes(skill.code)).map((t) => t.title);
  const fromTests = Math.max(0, skill.sources - seenAt.length);
  const parts: string[] = [];
  if (seenAt.length > 0) parts.push(`наставник отметил на ${seenAt.length === 1 ? 'пробе' : 'пробах'} ${quoted(seenAt)}`);
  if (fromTests > 0) parts.push(`подтверждают ${fromTests} ${plural(fromTests, ['тест', 'теста', 'тестов'])}`);
  return `${skill.value} из 100: ${parts.join('; ')}.`;
}

function interestEvidence(sphere: Dimension, trials: readonly AttendedTrial[]): string {
  const here = trials.filter((t) => t.sphereCode === sphere.code);
  const fromTests = Math.max(0, sphere.sources - here.length);
  const parts: string[] = [];
  if (fromTests > 0) parts.push(`${fromTests} ${plural(fromTests, ['тест', 'теста', 'тестов'])}`);
  for (const t of here) parts.push(t.grade === null ? `проба «${t.title}»` : `оценка наставника ${t.grade} на пробе «${t.title}»`);
  return `${sphere.value} из 100 по ${sphere.sources} ${plural(sphere.sources, ['источнику', 'источникам', 'источникам'])}: ${parts.join(', ')}.`;
}

/** The profile the interests lead to, weighted by their strength, or the universal one when they pull apart. */
export function recommendProfile(interests: readonly Dimension[]): { code: SchoolProfile; reason: string } | null {
  if (interests.length === 0) return null;
  const weights = new Map<SchoolProfile, number>();
  for (const i of interests) {
    const profile = SPHERE_GUIDANCE[i.code]?.profile ?? 'universal';
    weights.set(profile, (weights.get(profile) ?? 0) + i.value);
  }
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const [best, weight] = [...weights.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const names = quoted(interests.map((i) => i.name));
  if (best !== 'universal' && weight / total >= PROFILE_MIN_SHARE) {
    const leading = quoted(interests.filter((i) => SPHERE_GUIDANCE[i.code]?.profile === best).map((i) => i.name));
    return { code: best, reason: `Сильнее всего интерес к ${leading}: это направление ${SCHOOL_PROFILE_LABELS[best].toLowerCase()} профиля.` };
  }
  return { code: 'universal', reason: `Интересы разные (${names}): универсальный профиль оставит открытыми все направления.` };
}

function subjectsFor(interests: readonly Dimension[], grade: number): StudyPlanContent['subjects'] {
  const seen = new Map<string, string>();
  for (const i of interests.slice(0, 2)) {
    for (const s of SPHERE_GUIDANCE[i.code]?.subjects ?? []) if (!seen.has(s)) seen.set(s, i.name);
  }
  const verb = grade >= 8 ? 'Углубить' : 'Присмотреться';
  const subjects = [...seen].slice(0, MAX_SUBJECTS).map(([name, sphere]) => ({ name, reason: `${verb}: предмет ведёт к сфере «${sphere}».` }));
  if (subjects.length > 0) return subjects;
  return UNIVERSAL_SUBJECTS.map((name) => ({ name, reason: 'Базовый предмет для любого направления, пока интересы уточняются.' }));
}

function activitiesFor(interests: readonly Dimension[]): StudyPlanContent['activities'] {
  return interests
    .slice(0, 2)
    .flatMap((i) => (SPHERE_GUIDANCE[i.code]?.activities ?? []).map((name) => ({ name, reason: `Проверить на деле интерес к сфере «${i.name}».` })))
    .slice(0, MAX_ACTIVITIES);
}

/**
 * Goals for the next quarter, two to four. Each step's id is derived from what it is about, so
 * drafting again from the same facts gives the same steps and a tick survives a refresh.
 */
function stepsFor(facts: PlanFacts, content: Omit<StudyPlanContent, 'steps'>, now: Date): StudyPlanContent['steps'] {
  const inDays = (days: number) => isoDay(new Date(now.getTime() + days * DAY));
  const steps: StudyPlanContent['steps'] = [];
  const trial = content.trials[0];
  if (trial) steps.push({ id: `trial-${trial.eventId.slice(0, 8)}`, text: `Записаться на пробу «${trial.title}» и сходить на неё`, due: trial.startsAt.slice(0, 10) });
  const opportunity = content.opportunities[0];
  if (opportunity) steps.push({ id: `opportunity-${opportunity.id.slice(0, 8)}`, text: `Узнать подробнее о «${opportunity.title}» и решить, участвовать ли`, due: inDays(30) });
  if (facts.testsCompleted < TESTS_FOR_A_CLEAR_PICTURE) {
    steps.push({ id: 'more-tests', text: 'Пройти ещё один тест на платформе, чтобы уточнить интересы', due: inDays(30) });
  }
  if (content.profile) {
    steps.push({ id: 'profile-talk', text: `Обсудить с родителями и классным руководителем ${SCHOOL_PROFILE_LABELS[content.profile.code].toLowerCase()} профиль`, due: inDays(60) });
  } else if (content.activities[0]) {
    steps.push({ id: 'activity-try', text: `Попробовать занятие: ${content.activities[0].name.toLowerCase()}`, due: inDays(60) });
  }
  const fallbacks = [
    { id: 'reflect', text: 'Записать, что понравилось на пробе и чего хочется попробовать дальше', due: inDays(14) },
    { id: 'next-trial-talk', text: 'Обсудить с навигатором, какую пробу выбрать следующей', due: inDays(30) },
  ];
  for (const fallback of fallbacks) if (steps.length < 2) steps.push(fallback);
  return steps.slice(0, 4);
}

/** The system's draft of the plan from what it knows; pure, so the same facts on the same day give the same draft. */
export function composeDraft(facts: PlanFacts, now: Date): StudyPlanContent {
  const interests = [...facts.spheres].filter((s) => s.value >= INTEREST_MIN).sort((a, b) => b.value - a.value || b.sources - a.sources).slice(0, MAX_INTERESTS);
  const strengths = [...facts.softSkills].filter((s) => s.value >= STRENGTH_MIN).sort((a, b) => b.value - a.value || b.sources - a.sources).slice(0, MAX_STRENGTHS);
  const senior = facts.grade >= 8;
  const content: Omit<StudyPlanContent, 'steps'> = {
    grade: facts.grade,
    strengths: strengths.map((s) => ({ code: s.code, name: s.name, evidence: strengthEvidence(s, facts.trialsAttended) })),
    interests: interests.map((s) => ({ code: s.code, name: s.name, evidence: interestEvidence(s, facts.trialsAttended) })),
    profile: senior ? recommendProfile(interests) : null,
    subjects: subjectsFor(interests, facts.grade),
    activities: senior ? [] : activitiesFor(interests),
    opportunities: facts.opportunities.slice(0, MAX_OPPORTUNITIES).map((o) => ({ ...o })),
    trials: facts.trials.slice(0, MAX_TRIALS).map((t) => ({ ...t })),
    navigatorNote: null,
  };
  return { ...content, steps: stepsFor(facts, content, now) };
}
