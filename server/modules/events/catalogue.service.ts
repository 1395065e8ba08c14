import type { AppContext } from '@server/context.js';
import type { Principal } from '@server/plugins/session.js';
import { DIFFICULTIES } from '@common/events.js';
import { evidenceOf, interestSentence, type TrialEvidence } from '@common/guidance/evidence.js';
import { EVENT_WEIGHTS, ONLINE_PLACE, affinityOf, competencyKey, competencyScore, difficultyFit, sphereKey } from '@common/guidance/fit-model.js';
import { footprintEvidence, type FootprintEvidence } from '../diagnostics/index.js';
import { toEventCard } from './event-cards.repository.js';
import { attendedTrials, catalogue, pupilHome, type CatalogueFilter, type FitOrder } from './enrolment.repository.js';

type CatalogueQuery = Omit<CatalogueFilter, 'regionId' | 'cityId' | 'ovz' | 'withSeats' | 'fit'> & {
  regionId?: number | undefined;
  cityId?: number | undefined;
  anyCity?: string | undefined;
  ovz?: string | undefined;
  withSeats?: string | undefined;
  order?: 'fit' | 'date' | undefined;
};

/** The model's terms for the catalogue's SQL: every competency the footprint pulls the pupil to, with its score. */
function fitOrderOf(footprint: FootprintEvidence, home: { city_id: number; grade: number }): FitOrder {
  const d = Object.fromEntries(DIFFICULTIES.map((x) => [x, EVENT_WEIGHTS.difficulty * difficultyFit(x, home.grade)])) as FitOrder['difficulty'];
  return {
    competencies: footprint.competencies
      .map((c) => ({ code: c.code, score: competencyScore(footprint.dimensions, c.code, c.sphereCode) }))
      .filter((c) => c.score > 0),
    cityId: home.city_id,
    place: { weight: EVENT_WEIGHTS.place, online: ONLINE_PLACE, city: 1 },
    difficulty: d,
  };
}

/** Why an event sits high in «Подходит вам»: the stronger of its competency's and its sphere's evidence. */
function fitReason(footprint: FootprintEvidence, trials: ReadonlyMap<string, TrialEvidence>, competencyCode: string): string {
  const competency = footprint.competencies.find((c) => c.code === competencyCode);
  if (!competency) return '';
  const sphere = footprint.spheres.find((s) => s.code === competency.sphereCode);
  const byCompetency = affinityOf(footprint.dimensions[competencyKey(competency.code)]) * EVENT_WEIGHTS.competency;
  const bySphere = affinityOf(footprint.dimensions[sphereKey(competency.sphereCode)]) * EVENT_WEIGHTS.sphere;
  if (byCompetency === 0 && bySphere === 0) return '';
  return byCompetency >= bySphere
    ? interestSentence('competency', competency.name, evidenceOf(footprint.sourcesOf.get(competencyKey(competency.code)) ?? [], trials))
    : interestSentence('sphere', sphere?.name ?? competency.sphereCode, evidenceOf(footprint.sourcesOf.get(sphereKey(competency.sphereCode)) ?? [], trials));
}

/**
 * The pupil's catalogue: its region and city unless it chose others; the defaults are echoed for
 * the filters. «Подходит вам» (order=fit) orders a pupil's catalogue by the fit model over its
 * footprint, each card with the reason; anyone else gets the date's order.
 */
export async function browseCatalogue(ctx: AppContext, principal: Principal, query: CatalogueQuery) {
  const pupil = principal.role === 'participant';
  const byFit = pupil && query.order === 'fit';
  const [home, footprint, trials] = await Promise.all([
    pupil ? pupilHome(ctx.db, principal.accountId) : null,
    byFit ? footprintEvidence(ctx.database, principal.accountId) : null,
    byFit ? attendedTrials(ctx.db, principal.accountId) : [],
  ]);
  const regionId = query.regionId ?? home?.region_id ?? null;
  const homeRegion = query.regionId === undefined || query.regionId === home?.region_id;
  const cityId = query.anyCity ? null : (query.cityId ?? (homeRegion ? home?.city_id ?? null : null));
  const fit = footprint && home ? fitOrderOf(footprint, home) : undefined;
  const { rows, total } = await catalogue(ctx.database, { ...query, regionId, cityId, ovz: query.ovz === 'true', withSeats: query.withSeats === 'true', ...(fit ? { fit } : {}) });
  const trialEvidence = new Map(trials.map((t) => [t.event_id, { title: t.title, grade: t.grade }]));
  return {
    items: rows.map(toEventCard),
    total,
    page: query.page,
    pageSize: query.pageSize,
    order: fit ? ('fit' as const) : ('date' as const),
    fit: footprint ? rows.map((r) => ({ eventId: r.id, score: Math.round((r.fit_score ?? 0) * 1000) / 1000, reason: fitReason(footprint, trialEvidence, r.competency.code) })) : [],
    defaults: { regionId: home?.region_id ?? null, cityId: home?.city_id ?? null },
  };
}
