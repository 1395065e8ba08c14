import type { AppContext } from '@server/context.js';
import { isUniqueViolation } from '@server/db/pg-errors.js';
import { forbidden, notFound, unauthorized } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import { accountOfSession, touchSessionIfStale } from '@server/db/live-session.js';
import { childrenOfParent } from '../identity/index.js';
import { findPupilRelation } from '../participants/index.js';
import { firstFailedCondition } from '@common/events.js';
import type { EnrolmentResult, LinkCard } from '@common/schemas/events.js';
import { eventCard } from './event-cards.repository.js';
import { enrolByLinkStatement, factsFor, findByIdempotencyKey, findLink, findLiveEnrolment, type FactsRow } from './enrolment.repository.js';
import { announceEnrolmentChange } from './enrolment-signal.js';
import { ENROLMENT_ANNOUNCEMENTS_JOB } from './enrolment.jobs.js';
import { assertOpen, childChecks, enrolmentChanged, existing, ineligible, result, toFacts } from './enrolment-rules.js';
import { linkTokenHash } from './link-token.js';

/** A lesson's registration link: the event it names, or why it does not work. */
async function eventOfLink(ctx: AppContext, token: string): Promise<string> {
  const link = await findLink(ctx.db, linkTokenHash(token));
  if (!link) throw notFound('Ссылка для записи не найдена. Проверьте, что она скопирована целиком, или попросите у школы новую');
  if (link.revoked) throw notFound('Эта ссылка для записи отозвана. Попросите у школы новую ссылку');
  return link.event_id;
}

/** The booking statement committed on its own: what waits for its commit may run now. */
const committed = (hook: () => Promise<void> | void) => void hook();

const notYourChild = () => notFound('Ребёнок не найден среди ваших детей');

/** The lesson's card behind a link, with each of the parent's children checked against every condition. */
export async function linkCard(ctx: AppContext, principal: Principal, token: string): Promise<LinkCard> {
  if (principal.role !== 'parent') throw forbidden('Эта ссылка — для родителей: по ней родитель записывает ребёнка на урок');
  const eventId = await eventOfLink(ctx, token);
  const [event, children] = await Promise.all([eventCard(ctx.db, eventId), childrenOfParent(ctx.db, principal.accountId)]);
  if (!event) throw notFound('Урок не найден');
  return { event, children: childChecks(await factsFor(ctx.db, eventId, children.map((c) => c.id)), children) };
}

/**
 * «Записать ребенка» behind a link: one statement decides and books (see enrolByLinkStatement);
 * the reasons are worked out only when it did not book.
 */
export async function enrolByLink(
  ctx: AppContext,
  sessionHash: string | null,
  token: string,
  input: { childId: string; waitlist: boolean; idempotencyKey?: string | undefined },
): Promise<{ status: 200 | 201; body: EnrolmentResult }> {
  if (!sessionHash) throw unauthorized();
  const key = input.idempotencyKey ?? null;
  let row;
  try {
    row = await enrolByLinkStatement(ctx.database, {
      sessionHash,
      idleSeconds: ctx.config.sessionIdleMs / 1000,
      tokenHash: linkTokenHash(token),
      childId: input.childId,
      idempotencyKey: key,
      waitlist: input.waitlist,
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return replayed(ctx, sessionHash, token, input.childId, key);
  }
  if (!row) throw unauthorized();
  await touchSessionIfStale(ctx.database, sessionHash, row.last_seen_at);
  if (row.role !== 'parent') throw forbidden('Записать ребёнка по ссылке может только родитель');
  if (row.enrolment_id) {
    // The family is told by the announcements job, nudged here, which writes a whole rush's notices
    // in a few transactions: each parent's press costs the booking statement alone.
    announceEnrolmentChange(ctx, committed, { status: row.enrolment_status!, count: 1 });
    ctx.jobs.nudge(ENROLMENT_ANNOUNCEMENTS_JOB);
    return { status: 201, body: result(row.enrolment_id, row.enrolment_status!, null) };
  }
  if (!row.link_ok) await eventOfLink(ctx, token);
  if (!row.child_id) throw notYourChild();
  const facts = row as FactsRow;
  if (facts.live_id) return existing({ id: facts.live_id, status: facts.live_status!, hold_expires_at: null });
  // The statement's snapshot predates a simultaneous press for this child that took the seat first:
  // that press's enrolment is the answer, not «no seats».
  const won = await findLiveEnrolment(ctx.db, facts.event_id, facts.child_id);
  if (won) return existing(won);
  assertOpen(facts);
  // Every condition held in the statement's snapshot yet nothing was booked: the last seat went meanwhile.
  throw ineligible(firstFailedCondition(toFacts(facts)) ?? 'seat');
}

/**
 * A retry, or a second click racing the first: answer with the enrolment that won. Only the
 * child's own parent can get here (the statement books for linked children only); checked again
 * so this path never answers about anyone else's child.
 */
async function replayed(ctx: AppContext, sessionHash: string, token: string, childId: string, key: string | null) {
  const eventId = await eventOfLink(ctx, token);
  const accountId = await accountOfSession(ctx.db, sessionHash);
  if (!accountId || (await findPupilRelation(ctx.db, { role: 'parent', accountId }, childId)) !== 'parent') throw notYourChild();
  const live = await findLiveEnrolment(ctx.db, eventId, childId);
  if (live) return existing(live);
  const byKey = key ? await findByIdempotencyKey(ctx.db, accountId, key) : null;
  if (byKey) return existing(byKey);
  throw enrolmentChanged();
}
