import type { AppContext } from '@server/context.js';
import { notFound } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import type { Recommendations } from '@common/guidance.js';
import { EVENT_SOURCE_PREFIX } from '@common/guidance/evidence.js';
import type { DismissalInput } from '@common/schemas/recommendations.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { footprintEvidence, offeredTestsWithDimensions } from '../diagnostics/index.js';
import { admissibleEvents, attendedTrials, toEventCard } from '../events/index.js';
import { findPupilRelation } from '../participants/index.js';
import { CANDIDATES, candidateCompetencies, candidateSpheres, recommend } from './engine.js';
import { recommendationAudience, type RecommendationAudience } from './recommendations.policy.js';
import {
  deleteDismissal,
  insertDismissal,
  itemExists,
  opportunitiesFor,
  professionsFor,
  pupilFacts,
  saveSnapshot,
  snapshotOf,
} from './recommendations.repository.js';

const codes = (byId: ReadonlyMap<number, string>, ids: readonly number[]) => ids.flatMap((id) => byId.get(id) ?? []);

/**
 * A pupil's recommendations as the audience reads them; null for an account that is no pupil.
 * Kept between requests while nothing they are computed from has changed (the triggers of
 * migration 0011 say when, a change to anything an event's card shows included), with the seats
 * of their events read live: a kept event a pupil could no longer take a seat in has the whole set
 * computed anew.
 */
export async function recommendationsFor(ctx: AppContext, participantId: string, audience: RecommendationAudience): Promise<Recommendations | null> {
  const kept = await snapshotOf(ctx.database, participantId, audience);
  if (!kept) return null;
  if (kept.payload && kept.open_seats.length === kept.payload.events.length) return withSeats(kept.payload, kept.open_seats);
  const computed = await computeRecommendations(ctx, participantId, audience);
  if (computed) await saveSnapshot(ctx.db, participantId, audience, kept, computed);
  return computed;
}

function withSeats(kept: Recommendations, seatsLeft: readonly number[]): Recommendations {
  return { ...kept, events: kept.events.map((e, i) => ({ ...e, event: { ...e.event, seatsLeft: seatsLeft[i]! } })) };
}

/**
 * The recommendations worked out from the pupil's facts. Reads only indexed data: the pupil's own
 * rows, and for its strongest competencies and spheres a bounded number of events, opportunities
 * and professions.
 */
async function computeRecommendations(ctx: AppContext, participantId: string, audience: RecommendationAudience): Promise<Recommendations | null> {
  const [pupil, footprint] = await Promise.all([pupilFacts(ctx.database, participantId), footprintEvidence(ctx.database, participantId)]);
  if (!pupil) return null;
  // Trials are named only when the footprint has one as a source: most pupils' requests skip the read.
  const attendedAny = [...footprint.sourceKeys].some((k) => k.startsWith(EVENT_SOURCE_PREFIX));
  const competencies = candidateCompetencies(footprint, CANDIDATES.competencies);
  const spheres = candidateSpheres(footprint, CANDIDATES.spheres);
  // Only the ОВЗ flag is read, never the encrypted details: the flag alone decides suitability and
  // needs no health-data consent, while the details stay with those the consent names.
  const ovzOnly = pupil.has_ovz;
  // Dismissed items are left out of the look-ups, so they never take the places of others.
  const dismissedOf = (kind: string) => pupil.dismissals.filter((d) => d.item_kind === kind).map((d) => d.item_id);
  const [tests, trials, admissible, opportunities, professions] = await Promise.all([
    offeredTestsWithDimensions(ctx, { grade: pupil.grade, hasOvz: pupil.has_ovz }),
    attendedAny ? attendedTrials(ctx.db, participantId) : [],
    admissibleEvents(ctx.database, {
      participantId,
      competencyIds: competencies.map((c) => c.id),
      perCompetency: CANDIDATES.eventsPerCompetency,
      ovzOnly,
      excludeIds: dismissedOf('event'),
    }),
    opportunitiesFor(ctx.database, {
      participantId,
      sphereIds: spheres.map((s) => s.id),
      perSphere: CANDIDATES.opportunitiesPerSphere,
      ovzOnly,
      excludeIds: dismissedOf('opportunity'),
    }),
    professionsFor(ctx.database, {
      competencyIds: competencies.map((c) => c.id),
      limit: CANDIDATES.professions,
      excludeIds: dismissedOf('profession').map(Number),
    }),
  ]);
  const sphereCode = new Map(footprint.spheres.map((x) => [x.id, x.code]));
  const competencyCode = new Map(footprint.competencies.map((x) => [x.id, x.code]));
  const cards = admissible.map(toEventCard);
  const cityOf = new Map(admissible.map((e) => [e.event_id, e.city_id]));
  return recommend({
    participantId,
    audience,
    pupil: { grade: pupil.grade, cityId: pupil.city_id, hasOvz: pupil.has_ovz },
    footprint,
    trials: new Map(trials.map((t) => [t.event_id, { title: t.title, grade: t.grade }])),
    tests,
    dismissed: new Set(pupil.dismissals.map((d) => `${d.item_kind}:${d.item_id}`)),
    // A pupil with ОВЗ is shown only suitable events even if a query above changed: checked twice on purpose.
    events: cards.filter((card) => !ovzOnly || card.ovzSuitable).map((card) => ({ card, cityId: cityOf.get(card.id) ?? null })),
    opportunities: opportunities
      .filter((o) => !ovzOnly || o.ovz_accessible)
      .map(({ sphere_ids, competency_ids, ...o }) => ({ ...o, sphere_codes: codes(sphereCode, sphere_ids), competency_codes: codes(competencyCode, competency_ids) })),
    professions: professions.map(({ competency_ids, ...p }) => ({ ...p, competency_codes: codes(competencyCode, competency_ids) })),
    now: new Date(),
  });
}

export async function myRecommendations(ctx: AppContext, principal: Principal): Promise<Recommendations> {
  const found = await recommendationsFor(ctx, principal.accountId, 'pupil');
  if (!found) throw notFound('Профиль ученика не найден');
  return found;
}

/** A child's recommendations for a linked parent or the assigned navigator; a navigator's look is audited. */
export async function pupilRecommendations(ctx: AppContext, principal: Principal, pupilId: string, actor: AuditActor): Promise<Recommendations> {
  const relation = await findPupilRelation(ctx.db, principal, pupilId);
  const facts = relation ? await pupilFacts(ctx.database, pupilId) : null;
  const audience = facts ? recommendationAudience(relation, facts.consent) : null;
  if (!audience) throw notFound('Ученик не найден');
  const found = await recommendationsFor(ctx, pupilId, audience);
  if (!found) throw notFound('Ученик не найден');
  if (audience !== 'pupil') await recordAudit(ctx.db, actor, 'recommendations.viewed', pupilId, { audience });
  return found;
}

/** «Не интересно»: the item is not offered again until the pupil takes it back. */
export async function dismiss(ctx: AppContext, principal: Principal, input: DismissalInput): Promise<void> {
  if (!(await itemExists(ctx.db, input.kind, input.itemId))) throw notFound('Такой рекомендации нет');
  await insertDismissal(ctx.db, principal.accountId, input.kind, input.itemId);
}

export async function undoDismissal(ctx: AppContext, principal: Principal, input: DismissalInput): Promise<void> {
  if (!(await deleteDismissal(ctx.db, principal.accountId, input.kind, input.itemId))) throw notFound('Такого отказа нет');
}
