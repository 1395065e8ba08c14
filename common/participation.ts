import { ELIGIBILITY_CONDITIONS, type EligibilityCondition } from './events.js';
import { PASSPORT_AGE } from './validators.js';

/**
 * The conditions of enrolment that are about the child rather than about one event, as the
 * enrolment checklist defines them: the cabinets list the open ones, so «всё готово» there means
 * the same as a clean checklist on a card (the event's own conditions aside).
 */
export const CHILD_CONDITIONS = ['registered', 'linked', 'consent', 'tested'] as const satisfies readonly EligibilityCondition[];
export type ParticipationStep = (typeof CHILD_CONDITIONS)[number];

export interface ParticipationFacts {
  emailVerified: boolean;
  parentLinked: boolean;
  consentGiven: boolean;
  /** At least one online test completed. */
  tested: boolean;
}

export interface MissingStep {
  step: ParticipationStep;
  who: 'participant' | 'parent';
  /** What to do, said to the pupil («ты»: see docs/voice.md). */
  message: string;
}

const STEPS: Record<ParticipationStep, { who: MissingStep['who']; message: string; done: (f: ParticipationFacts) => boolean }> = {
  registered: { who: 'participant', message: 'Подтверди адрес почты по ссылке из письма', done: (f) => f.emailVerified },
  linked: { who: 'participant', message: 'Пригласи родителя: его кабинет нужно связать с твоим', done: (f) => f.parentLinked },
  consent: { who: 'parent', message: 'Родитель должен дать согласие на обработку персональных данных в своём кабинете', done: (f) => f.consentGiven },
  tested: { who: 'participant', message: 'Пройди любой тест в разделе «Диагностика»', done: (f) => f.tested },
};

/**
 * What still stands between a pupil and practical events, in the checklist's order, each with who
 * has to do it. Events and recommendations are open only when the list is empty.
 */
export function missingParticipationSteps(facts: ParticipationFacts): MissingStep[] {
  return ELIGIBILITY_CONDITIONS.flatMap((condition) => {
    const step = CHILD_CONDITIONS.find((c) => c === condition);
    if (!step || STEPS[step].done(facts)) return [];
    return [{ step, who: STEPS[step].who, message: STEPS[step].message }];
  });
}

/** From 14 a Russian citizen has a passport; before that the birth certificate is the document. */
export function documentTypeForAge(age: number): 'passport' | 'birth_certificate' {
  return age >= PASSPORT_AGE ? 'passport' : 'birth_certificate';
}

/** A parent may open a cabinet for a child under 14; older children accept an invitation themselves. */
export function parentMayCreateChild(age: number): boolean {
  return age < PASSPORT_AGE;
}

export const MAX_PARENTS_PER_CHILD = 2;
