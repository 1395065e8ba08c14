import type { AppContext } from '@server/context.js';
import { AppError, notFound } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { findPupilRelation } from '../participants/index.js';
import type { EligibilityCondition } from '@common/events.js';
import type { GroupEnrolResult } from '@common/schemas/events.js';
import { pupilsByIds } from './enrolment.repository.js';
import { canSeeEvent } from './events.policy.js';
import { findEventRef } from './events.repository.js';
import { bookSeat } from './seat-booking.js';

/**
 * A navigator enrols a group of its assigned pupils in one event; each pupil gets its own outcome
 * and its own transaction, so one pupil's unmet condition does not stop the others.
 */
export async function groupEnrol(ctx: AppContext, principal: Principal, eventId: string, participantIds: readonly string[], actor: AuditActor): Promise<GroupEnrolResult> {
  const event = await findEventRef(ctx.db, eventId);
  if (!event || !canSeeEvent(principal, event)) throw notFound('Мероприятие не найдено');
  const names = new Map((await pupilsByIds(ctx.db, participantIds)).map((p) => [p.id, p.name]));
  const results: GroupEnrolResult['results'] = [];
  for (const participantId of participantIds) {
    const name = names.get(participantId) ?? '';
    if (!names.has(participantId) || (await findPupilRelation(ctx.db, principal, participantId)) !== 'navigator') {
      results.push({ participantId, name, outcome: 'failed', condition: null, message: 'Ученик не закреплён за вами' });
      continue;
    }
    try {
      const done = await bookSeat(ctx, { eventId, childId: participantId, actorId: principal.accountId, source: 'navigator', seatStatus: 'confirmed', waitlist: false, idempotencyKey: null });
      results.push({ participantId, name, outcome: done.status === 201 ? 'enrolled' : 'already', condition: null, message: null });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const condition = (err.details as { condition?: EligibilityCondition } | undefined)?.condition ?? null;
      results.push({ participantId, name, outcome: 'failed', condition, message: err.message });
    }
  }
  await recordAudit(ctx.db, actor, 'event.group_enrolled', eventId, { pupils: participantIds.length, enrolled: results.filter((r) => r.outcome === 'enrolled').length });
  return { results };
}
