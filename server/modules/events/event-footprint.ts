import type { Tx } from '@server/db/client.js';
import type { Attendance } from '@common/events.js';
import { dimensionKey } from '@common/diagnostics/dimensions.js';
import { recordFootprint, type Contribution } from '../diagnostics/index.js';
import { attended } from './mentor.policy.js';

/** Interest shown by coming, before the mentor has graded the work. */
export const ATTENDED_INTEREST = 70;
/** A soft skill the mentor saw at work counts as clearly present. */
export const OBSERVED_SKILL_VALUE = 80;

export interface EventOutcome {
  attendance: Attendance | null;
  grade: number | null;
  observedSkills: readonly string[];
}

export interface EventSubject {
  sphereCode: string;
  competencyCode: string;
}

/** The mentor's grade 1..5 on the footprint's 0..100 scale: 20 per point. */
export function gradeToValue(grade: number): number {
  return grade * 20;
}

/**
 * What one practical event says about the pupil: coming shows interest in the event's sphere and
 * competency (as strong as the mentor's grade, when there is one), and every skill the mentor
 * observed counts for the skills direction. A pupil who did not come leaves no trace.
 */
export function eventContributions(outcome: EventOutcome, subject: EventSubject): Contribution[] {
  if (!attended(outcome.attendance)) return [];
  const interest = outcome.grade === null ? ATTENDED_INTEREST : gradeToValue(outcome.grade);
  return [
    { dimension: dimensionKey('sphere', subject.sphereCode), value: interest, weight: 1 },
    { dimension: dimensionKey('competency', subject.competencyCode), value: interest, weight: 1 },
    ...outcome.observedSkills.map((code) => ({ dimension: dimensionKey('soft_skill', code), value: OBSERVED_SKILL_VALUE, weight: 1 })),
  ];
}

export const eventSourceKey = (eventId: string) => `event:${eventId}`;

/** Puts the event's say about the pupil in place of what it said before; runs in the caller's transaction. */
export async function recordEventFootprint(
  tx: Tx,
  enrolment: EventOutcome & { participantId: string },
  event: EventSubject & { id: string },
): Promise<void> {
  await recordFootprint(tx, enrolment.participantId, eventSourceKey(event.id), null, eventContributions(enrolment, event));
}
