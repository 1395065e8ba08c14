import { CHOICE_READINESS, ENVIRONMENT_FACTORS } from '@common/diagnostics/dimensions.js';
import type {
  EventRecommendation,
  OpportunityRecommendation,
  ProfessionRecommendation,
  ProfileDimension,
  RecommendationProfile,
  Recommendations,
  TestRecommendation,
} from '@common/guidance.js';
import { countOfTests, evidenceOf, interestSentence, EVENT_SOURCE_PREFIX, TEST_SOURCE_PREFIX, type TrialEvidence } from '@common/guidance/evidence.js';
import {
  EVENT_WEIGHTS,
  affinityOf,
  competencyKey,
  competencyScore,
  confidenceOf,
  eventFit,
  leastCertain,
  nextTestValue,
  opportunityFit,
  profileConfidence,
  professionFit,
  sphereKey,
  type FootprintReadings,
} from '@common/guidance/fit-model.js';
import { plural } from '@common/plural.js';
import type { EventCard } from '@common/schemas/events.js';
import type { OpportunityRow, ProfessionRow } from './recommendations.repository.js';

/** An opportunity as the engine reads it: its spheres and competencies by code. */
export type OpportunityInput = Omit<OpportunityRow, 'sphere_ids' | 'competency_ids'> & { sphere_codes: string[]; competency_codes: string[] };
export type ProfessionInput = Omit<ProfessionRow, 'competency_ids'> & { competency_codes: string[] };
import type { RecommendationAudience } from './recommendations.policy.js';

/** One collator for every Russian tie-break: `localeCompare` with a locale builds a new one per call. */
const RUSSIAN = new Intl.Collator('ru');
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How many of each kind the pupil is shown. */
export const LIMITS = { tests: 4, events: 6, opportunities: 5, professions: 5 } as const;
/** How many of the strongest competencies and spheres the candidates are looked up for. */
export const CANDIDATES = { competencies: 8, eventsPerCompetency: 6, spheres: 3, opportunitiesPerSphere: 10, professions: 40 } as const;

export interface FootprintInput {
  dimensions: FootprintReadings;
  sourcesOf: ReadonlyMap<string, ReadonlySet<string>>;
  sourceKeys: ReadonlySet<string>;
  spheres: ReadonlyArray<{ id: number; code: string; name: string }>;
  competencies: ReadonlyArray<{ id: number; code: string; name: string; sphereCode: string }>;
  softSkills: ReadonlyArray<{ code: string; name: string }>;
}

export interface OfferedTest {
  slug: string;
  title: string;
  kind: 'test' | 'game';
  durationMinutes: number;
  dimensions: readonly string[];
}

export interface EngineInput {
  participantId: string;
  audience: RecommendationAudience;
  pupil: { grade: number; cityId: number | null; hasOvz: boolean };
  footprint: FootprintInput;
  trials: ReadonlyMap<string, TrialEvidence>;
  tests: readonly OfferedTest[];
  /** `<kind>:<itemId>` of every dismissed recommendation. */
  dismissed: ReadonlySet<string>;
  /** Events the pupil may enrol in right now (the events module's rules), with the city of their place. */
  events: ReadonlyArray<{ card: EventCard; cityId: number | null }>;
  opportunities: readonly OpportunityInput[];
  professions: readonly ProfessionInput[];
  now: Date;
}

/** The strongest competencies by the model's pull, each with its id for the index look-up; nothing the footprint does not point to. */
export function candidateCompetencies(footprint: FootprintInput, limit: number) {
  return footprint.competencies
    .map((c) => ({ ...c, score: competencyScore(footprint.dimensions, c.code, c.sphereCode) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit);
}

export function candidateSpheres(footprint: FootprintInput, limit: number) {
  return footprint.spheres
    .map((s) => ({ ...s, affinity: affinityOf(footprint.dimensions[sphereKey(s.code)]) }))
    .filter((s) => s.affinity > 0)
    .sort((a, b) => b.affinity - a.affinity || a.id - b.id)
    .slice(0, limit);
}

const indexes = new WeakMap<ReadonlyArray<{ code: string }>, Map<string, unknown>>();

/** A reference list keyed by code, built once per list. */
function byCode<T extends { code: string }>(list: ReadonlyArray<T>): ReadonlyMap<string, T> {
  let index = indexes.get(list);
  if (!index) {
    index = new Map(list.map((x) => [x.code, x]));
    indexes.set(list, index);
  }
  return index as ReadonlyMap<string, T>;
}

/** The reference lists are shared by every request until they change: their names are worked out once per list. */
const namesByReference = new WeakMap<FootprintInput['spheres'], Map<string, string>>();

function dimensionNames(footprint: FootprintInput): Map<string, string> {
  const known = namesByReference.get(footprint.spheres);
  if (known) return known;
  const names = new Map<string, string>([
    ...footprint.spheres.map((s) => [sphereKey(s.code), `интерес к сфере «${s.name}»`] as const),
    ...footprint.spheres.map((s) => [`awareness:${s.code}`, `знание профессий сферы «${s.name}»`] as const),
    ...footprint.competencies.map((c) => [competencyKey(c.code), `интерес к направлению «${c.name}»`] as const),
    ...footprint.softSkills.map((s) => [`soft_skill:${s.code}`, `навык «${s.name}»`] as const),
    ...ENVIRONMENT_FACTORS.map((f) => [`environment:${f.code}`, `«${f.name}»`] as const),
    [`awareness:${CHOICE_READINESS}`, 'готовность к выбору профессии'],
  ]);
  namesByReference.set(footprint.spheres, names);
  return names;
}

/** Sentences already worked out for one request: many candidates share a competency or a sphere. */
const sentences = new WeakMap<EngineInput, Map<string, string>>();

function remembered(input: EngineInput, key: string, make: () => string): string {
  let known = sentences.get(input);
  if (!known) {
    known = new Map();
    sentences.set(input, known);
  }
  let sentence = known.get(key);
  if (sentence === undefined) {
    sentence = make();
    known.set(key, sentence);
  }
  return sentence;
}

/** The evidence of one dimension in words, or '' when nothing backs it. */
function evidence(input: EngineInput, key: string): string {
  return remembered(input, `evidence|${key}`, () => evidenceOf(input.footprint.sourcesOf.get(key) ?? [], input.trials));
}

/** The stronger of a competency's and its sphere's evidence, as the sentence that opens a reason. */
function interestReason(input: EngineInput, competencyCode: string, sphereCode: string): string {
  return remembered(input, `interest|${competencyCode}|${sphereCode}`, () => strongerInterest(input, competencyCode, sphereCode));
}

function strongerInterest(input: EngineInput, competencyCode: string, sphereCode: string): string {
  const f = input.footprint;
  const byCompetency = EVENT_WEIGHTS.competency * affinityOf(f.dimensions[competencyKey(competencyCode)]);
  const bySphere = EVENT_WEIGHTS.sphere * affinityOf(f.dimensions[sphereKey(sphereCode)]);
  const competency = byCode(f.competencies).get(competencyCode);
  const sphere = byCode(f.spheres).get(sphereCode);
  if (byCompetency > bySphere && competency) return interestSentence('competency', competency.name, evidence(input, competencyKey(competencyCode)));
  if (bySphere > 0 && sphere) return interestSentence('sphere', sphere.name, evidence(input, sphereKey(sphereCode)));
  return '';
}

function profileOf(input: EngineInput): RecommendationProfile {
  const f = input.footprint;
  const dim = (key: string, code: string, name: string): ProfileDimension | null => {
    const r = f.dimensions[key];
    if (!r) return null;
    return { key, code, name, value: r.value, sources: r.sources, confidence: confidenceOf(r.sources) };
  };
  const byPull = (a: ProfileDimension, b: ProfileDimension) => affinityOf(b) - affinityOf(a) || b.value - a.value || byCodePoint(a.code, b.code);
  const spheres = f.spheres.flatMap((s) => dim(sphereKey(s.code), s.code, s.name) ?? []).sort(byPull);
  const competencies = f.competencies.flatMap((c) => dim(competencyKey(c.code), c.code, c.name) ?? []).sort(byPull);
  const softSkills = f.softSkills.flatMap((s) => dim(`soft_skill:${s.code}`, s.code, s.name) ?? []).sort(byPull);
  const keys = [...f.sourceKeys];
  const testsCompleted = keys.filter((k) => k.startsWith(TEST_SOURCE_PREFIX)).length;
  const trialsAttended = keys.filter((k) => k.startsWith(EVENT_SOURCE_PREFIX)).length;
  return {
    spheres,
    competencies,
    softSkills,
    testsCompleted,
    trialsAttended,
    confidence: profileConfidence(spheres.map((s) => s.sources)),
    summary: summaryOf(input.audience, testsCompleted, trialsAttended, spheres[0]),
  };
}

function summaryOf(audience: RecommendationAudience, tests: number, trials: number, top: ProfileDimension | undefined): string {
  const pupil = audience === 'pupil';
  if (tests === 0 && trials === 0) {
    return pupil
      ? 'Пока нет ни одного теста — начни с тестов ниже: по ним мы подберём пробы и возможности.'
      : 'Ребёнок ещё не прошёл ни одного теста: рекомендации появятся после первых тестов.';
  }
  const done = [tests > 0 ? countOfTests(tests) : null, trials > 0 ? `${trials} ${plural(trials, ['проба', 'пробы', 'проб'])}` : null].filter(Boolean).join(' и ');
  const sure = top ? `Сильнее всего интерес к сфере «${top.name}» (${top.sources} ${plural(top.sources, ['источник', 'источника', 'источников'])}).` : '';
  const more = tests + trials >= 3 ? '' : pupil ? ' Пройди ещё тесты и пробы — подбор станет точнее.' : ' Чем больше тестов и проб, тем точнее подбор.';
  return `Учтено: ${done}. ${sure}${more}`.replace(/\s+/g, ' ').trim();
}

/**
 * The next tests: those not yet taken that would make the least certain dimensions surer. A test
 * once completed is not offered again: a retake replaces its earlier result under the same
 * source (`test:<slug>`), so it cannot add a source, only move the value.
 */
function nextTests(input: EngineInput): TestRecommendation[] {
  const names = dimensionNames(input.footprint);
  const d = input.footprint.dimensions;
  return input.tests
    .filter((t) => !input.footprint.sourceKeys.has(`${TEST_SOURCE_PREFIX}${t.slug}`) && !input.dismissed.has(`test:${t.slug}`))
    .map((t) => ({ t, value: nextTestValue(d, t.dimensions) }))
    .filter((x) => x.value > 0)
    .sort((a, b) => b.value - a.value || a.t.durationMinutes - b.t.durationMinutes || byCodePoint(a.t.slug, b.t.slug))
    .slice(0, LIMITS.tests)
    .map(({ t }) => {
      const weakest = leastCertain(d, t.dimensions, 2);
      const sources = Math.min(...weakest.map((k) => d[k]?.sources ?? 0));
      const listed = weakest.map((k) => names.get(k) ?? k).join(' и ');
      const reason =
        sources === 0
          ? `Уточнит то, о чём ещё нет данных: ${listed}.`
          : `Уточнит ${listed}: сейчас за этим ${sources === 1 ? 'только один источник' : `${sources} ${plural(sources, ['источник', 'источника', 'источников'])}`} (${evidence(input, weakest[0]!)}).`;
      return { slug: t.slug, title: t.title, kind: t.kind, durationMinutes: t.durationMinutes, reason };
    });
}

function placeSentence(online: boolean, cityName: string | null, inCity: boolean): string {
  if (online) return 'Проходит онлайн.';
  if (inCity && cityName) return `Проходит в городе проживания — ${cityName}.`;
  return cityName ? `Проходит в другом городе региона — ${cityName}.` : '';
}

function eventRecommendations(input: EngineInput): EventRecommendation[] {
  const competencies = byCode(input.footprint.competencies);
  return input.events
    .filter(({ card }) => !input.dismissed.has(`event:${card.id}`))
    .flatMap(({ card, cityId }) => {
      const sphereCode = competencies.get(card.competency.code)?.sphereCode;
      if (!sphereCode) return [];
      const interest = interestReason(input, card.competency.code, sphereCode);
      if (!interest) return [];
      const score = eventFit(
        input.footprint.dimensions,
        { competencyCode: card.competency.code, sphereCode, online: card.format === 'online', cityId, difficulty: card.difficulty },
        input.pupil,
      );
      const place = placeSentence(card.format === 'online', card.place?.cityName ?? null, cityId !== null && cityId === input.pupil.cityId);
      // No seat count here: the card shows the live one, while a reason may be kept between requests.
      return [{ event: card, score, reason: `${interest}. ${place}`.replace(/\s+/g, ' ').trim() }];
    })
    .sort((a, b) => b.score - a.score || Date.parse(a.event.startsAt) - Date.parse(b.event.startsAt) || byCodePoint(a.event.id, b.event.id))
    .slice(0, LIMITS.events);
}

function opportunityRecommendations(input: EngineInput): OpportunityRecommendation[] {
  const f = input.footprint;
  return input.opportunities
    .filter((o) => !input.dismissed.has(`opportunity:${o.id}`))
    .flatMap((o) => {
      const sphere = o.sphere_codes
        .map((code) => ({ code, a: affinityOf(f.dimensions[sphereKey(code)]) }))
        .sort((a, b) => b.a - a.a)[0];
      const sphereName = sphere && byCode(f.spheres).get(sphere.code)?.name;
      const interest = sphere && sphere.a > 0 && sphereName ? interestSentence('sphere', sphereName, evidence(input, sphereKey(sphere.code))) : '';
      if (!interest) return [];
      const score = opportunityFit(f.dimensions, { sphereCodes: o.sphere_codes, competencyCodes: o.competency_codes, online: o.online, cityId: o.city_id }, input.pupil);
      const place = placeSentence(o.online, o.city_name, o.city_id !== null && o.city_id === input.pupil.cityId);
      return [
        {
          opportunity: {
            id: o.id,
            kind: o.kind,
            title: o.title,
            provider: o.provider,
            cityName: o.city_name,
            online: o.online,
            free: o.free,
            ovzAccessible: o.ovz_accessible,
            startsOn: o.starts_on,
            endsOn: o.ends_on,
            federal: o.federal,
          },
          score,
          reason: `${interest}. ${place}`.trim(),
        },
      ];
    })
    .sort((a, b) => b.score - a.score || RUSSIAN.compare(a.opportunity.title, b.opportunity.title))
    .slice(0, LIMITS.opportunities);
}

function professionRecommendations(input: EngineInput): ProfessionRecommendation[] {
  const f = input.footprint;
  const competencies = byCode(f.competencies);
  return input.professions
    .filter((p) => !input.dismissed.has(`profession:${p.id}`))
    .flatMap((p) => {
      const linked = p.competency_codes.flatMap((code) => competencies.get(code) ?? []);
      const best = linked
        .map((c) => ({ c, score: competencyScore(f.dimensions, c.code, c.sphereCode) }))
        .sort((a, b) => b.score - a.score)[0];
      if (!best || best.score <= 0) return [];
      const interest = interestReason(input, best.c.code, best.c.sphereCode);
      if (!interest) return [];
      const score = professionFit(f.dimensions, linked);
      const item: ProfessionRecommendation = {
        id: p.id,
        code: p.code,
        name: p.name,
        description: p.description,
        education: p.education,
        programmes: p.programmes,
        reason: `Связана с направлением «${best.c.name}». ${interest}.`,
      };
      return [{ item, score }];
    })
    .sort((a, b) => b.score - a.score || RUSSIAN.compare(a.item.name, b.item.name))
    .slice(0, LIMITS.professions)
    .map((x) => x.item);
}

/** Everything the pupil is advised, each item with the sentence naming its evidence. Pure: the service gathers the inputs. */
export function recommend(input: EngineInput): Recommendations {
  return {
    participantId: input.participantId,
    generatedAt: input.now.toISOString(),
    profile: profileOf(input),
    tests: nextTests(input),
    events: eventRecommendations(input),
    opportunities: opportunityRecommendations(input),
    professions: professionRecommendations(input),
  };
}
