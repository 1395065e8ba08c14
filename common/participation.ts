import { PASSPORT_AGE } from './validators.js';

export type ParticipationStep = 'activation' | 'parent_link' | 'consent';

export interface ParticipationFacts {
  emailVerified: boolean;
  parentLinked: boolean;
  consentGiven: boolean;
}

export interface MissingStep {
  step: ParticipationStep;
  who: 'participant' | 'parent';
  message: string;
}

/**
 * What still stands between a pupil and practical events, in the order it must be done,
 * each with who has to do it. Later features gate events and recommendations on an empty list.
 */
export function missingParticipationSteps(facts: ParticipationFacts): MissingStep[] {
  const missing: MissingStep[] = [];
  if (!facts.emailVerified) {
    missing.push({ step: 'activation', who: 'participant', message: 'Подтвердите адрес почты по ссылке из письма' });
  }
  if (!facts.parentLinked) {
    missing.push({ step: 'parent_link', who: 'participant', message: 'Пригласите родителя: его кабинет нужно связать с вашим' });
  }
  if (!facts.consentGiven) {
    missing.push({
      step: 'consent',
      who: 'parent',
      message: 'Родитель должен дать согласие на обработку персональных данных в своём кабинете',
    });
  }
  return missing;
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
