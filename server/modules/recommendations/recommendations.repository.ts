import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Executor } from '@server/db/client.js';
import type { EducationLevel, OpportunityKind, Recommendations } from '@common/guidance.js';
import type { DismissalKind } from '@common/schemas/recommendations.js';
import type { RecommendationAudience } from './recommendations.policy.js';

export interface PupilRow {
  grade: number;
  region_id: number;
  city_id: number;
  has_ovz: boolean;
  consent: boolean;
  dismissals: Array<{ item_kind: DismissalKind; item_id: string }>;
}

/**
 * What the recommendations need of the pupil itself, in one statement: grade, home, the ОВЗ flag,
 * whether a parent's consent is in force, and what it dismissed.
 */
const PUPIL_SQL = `select pp.grade, pp.region_id, pp.city_id, pp.has_ovz,
    exists(select 1 from consents c where c.child_id = pp.account_id and c.kind = 'pd_processing' and c.withdrawn_at is null) as consent,
    coalesce((select json_agg(json_build_object('item_kind', d.item_kind, 'item_id', d.item_id))
      from recommendation_dismissals d where d.participant_id = pp.account_id), '[]'::json) as dismissals
  from participant_profiles pp where pp.account_id = $1`;

export async function pupilFacts(database: Database, participantId: string): Promise<PupilRow | null> {
  const [row] = await database.prepared<PupilRow>('recommendation_pupil', PUPIL_SQL, [participantId]);
  return row ?? null;
}

export interface SnapshotRow {
  /** The sum of the input versions now: a snapshot computed from here on is stored under it. */
  basis: string;
  day: string;
  /** The snapshot, when one was computed from exactly these inputs today. */
  payload: Recommendations | null;
  /**
   * Seats left now on the snapshot's events a pupil can still take a seat in (published, not
   * started, a seat free), in the payload's order: shorter than its events when one is no longer open.
   */
  open_seats: number[];
}

/**
 * The pupil's kept recommendations for an audience if still valid with their events' seats now,
 * and the current basis either way, in one statement; no row for an account that is no pupil.
 * Read before anything a computation uses, so a change committed meanwhile leaves the stored
 * basis behind and is seen.
 */
const SNAPSHOT_SQL = `select b.basis::text as basis, t.day::text as day, s.payload,
    array(select greatest(e.capacity - e.seats_taken, 0) from unnest(s.event_ids) with ordinality k(id, n)
      join events e on e.id = k.id and e.status = 'published' and e.starts_at > now() and e.seats_taken < e.capacity
      order by k.n) as open_seats
  from participant_profiles pp
  cross join (select (now() at time zone 'Europe/Moscow')::date as day) t
  cross join lateral (select coalesce(sum(i.version), 0) as basis from recommendation_inputs i
    where i.key in ('global', 'region:' || pp.region_id, 'pupil:' || pp.account_id)) b
  left join recommendation_snapshots s on s.participant_id = pp.account_id and s.audience = $2 and s.basis = b.basis and s.computed_on = t.day
  where pp.account_id = $1`;

export async function snapshotOf(database: Database, participantId: string, audience: RecommendationAudience): Promise<SnapshotRow | null> {
  const [row] = await database.prepared<SnapshotRow>('recommendation_snapshot', SNAPSHOT_SQL, [participantId, audience]);
  return row ?? null;
}

/** Keeps a computation; a slower request that read older inputs never replaces a newer one. */
export async function saveSnapshot(
  executor: Executor,
  participantId: string,
  audience: RecommendationAudience,
  at: Pick<SnapshotRow, 'basis' | 'day'>,
  payload: Recommendations,
): Promise<void> {
  await executor.execute(
    sql`insert into recommendation_snapshots (participant_id, audience, basis, computed_on, payload, event_ids)
      values (${participantId}, ${audience}, ${at.basis}::bigint, ${at.day}::date, ${JSON.stringify(payload)}::jsonb,
        ${`{${payload.events.map((e) => e.event.id).join(',')}}`}::uuid[])
      on conflict (participant_id, audience) do update
        set basis = excluded.basis, computed_on = excluded.computed_on, payload = excluded.payload, event_ids = excluded.event_ids
      where recommendation_snapshots.computed_on < excluded.computed_on or recommendation_snapshots.basis <= excluded.basis`,
  );
}

export interface OpportunityRow {
  id: string;
  kind: OpportunityKind;
  title: string;
  provider: string;
  city_id: number | null;
  city_name: string | null;
  online: boolean;
  free: boolean;
  ovz_accessible: boolean;
  starts_on: string | null;
  ends_on: string | null;
  federal: boolean;
  sphere_ids: number[];
  competency_ids: number[];
}

/** An opportunity `o` of the link `os` a pupil may be offered: published, for its grade, not over, not dismissed, accessible where needed. */
const OPPORTUNITY_OPEN = `o.id = os.opportunity_id and o.status = 'published' and pupil.grade between o.grade_from and o.grade_to
  and (o.ends_on is null or o.ends_on >= (now() at time zone 'Europe/Moscow')::date)
  and (not $4::boolean or o.ovz_accessible) and o.id <> all($5::uuid[])`;

/**
 * Published opportunities of the given spheres for the pupil's region and the federal ones, found
 * through `opportunity_spheres_lookup_idx` (sphere, region), the region's first, then the federal
 * ones (two index ranges: an OR of both would read the sphere's every row), at most `perSphere` per
 * sphere. The scan stops at the limit
 * (no ordering that would read a sphere's every row); the model then puts those in the pupil's
 * city or online first. Prepared, as every pupil's recommendations run it.
 */
const OPPORTUNITIES_SQL = `with pupil as (select grade, region_id, city_id from participant_profiles where account_id = $1),
  hit as (select distinct o.id from unnest($2::int[]) as wanted(sphere_id)
    cross join pupil
    cross join lateral (
      (select os.opportunity_id as id from opportunity_spheres os join opportunities o on ${OPPORTUNITY_OPEN}
        where os.sphere_id = wanted.sphere_id and os.region_id = pupil.region_id limit $3)
      union all
      (select os.opportunity_id as id from opportunity_spheres os join opportunities o on ${OPPORTUNITY_OPEN}
        where os.sphere_id = wanted.sphere_id and os.region_id is null limit $3)
      limit $3) o)
  select o.id, o.kind, o.title, o.provider, o.city_id, ci.name as city_name, o.online, o.free, o.ovz_accessible,
    o.starts_on::text as starts_on, o.ends_on::text as ends_on, o.region_id is null as federal,
    array(select x.sphere_id from opportunity_spheres x where x.opportunity_id = o.id) as sphere_ids,
    array(select x.competency_id from opportunity_competencies x where x.opportunity_id = o.id) as competency_ids
  from hit join opportunities o on o.id = hit.id left join cities ci on ci.id = o.city_id`;

export async function opportunitiesFor(
  database: Database,
  q: { participantId: string; sphereIds: readonly number[]; perSphere: number; ovzOnly: boolean; excludeIds: readonly string[] },
): Promise<OpportunityRow[]> {
  if (q.sphereIds.length === 0) return [];
  return database.prepared<OpportunityRow>('recommended_opportunities', OPPORTUNITIES_SQL, [
    q.participantId,
    [...q.sphereIds],
    q.perSphere,
    q.ovzOnly,
    [...q.excludeIds],
  ]);
}

export interface ProfessionRow {
  id: number;
  code: string;
  name: string;
  description: string;
  education: EducationLevel[];
  programmes: string[];
  competency_ids: number[];
}

/** Professions linked to the given competencies (through `profession_competencies_competency_idx`) but not dismissed, with all their competencies. */
const PROFESSIONS_SQL = `with hit as (select distinct profession_id from profession_competencies
    where competency_id = any($1::int[]) and profession_id <> all($3::int[]) limit $2)
  select p.id, p.code, p.name, p.description, p.education, p.programmes, links.competency_ids
  from hit join professions p on p.id = hit.profession_id
  join (select x.profession_id, array_agg(x.competency_id) as competency_ids from profession_competencies x
    where x.profession_id in (select profession_id from hit) group by x.profession_id) links on links.profession_id = p.id`;

export async function professionsFor(
  database: Database,
  q: { competencyIds: readonly number[]; limit: number; excludeIds: readonly number[] },
): Promise<ProfessionRow[]> {
  if (q.competencyIds.length === 0) return [];
  return database.prepared<ProfessionRow>('recommended_professions', PROFESSIONS_SQL, [[...q.competencyIds], q.limit, [...q.excludeIds]]);
}

/**
 * Whether the thing a dismissal names could have been recommended: a published test, event or
 * opportunity, or a profession. Drafts answer as if missing, so no one learns of them this way.
 */
export async function itemExists(executor: Executor, kind: DismissalKind, itemId: string): Promise<boolean> {
  const query = {
    test: sql`select 1 from diagnostic_tests where slug = ${itemId} and status = 'published'`,
    event: sql`select 1 from events where id = ${itemId}::uuid and status = 'published'`,
    opportunity: sql`select 1 from opportunities where id = ${itemId}::uuid and status = 'published'`,
    profession: sql`select 1 from professions where id = ${itemId}::int`,
  }[kind];
  return (await queryRows(executor, query)).length > 0;
}

export async function insertDismissal(executor: Executor, participantId: string, kind: DismissalKind, itemId: string): Promise<void> {
  await executor.execute(
    sql`insert into recommendation_dismissals (participant_id, item_kind, item_id) values (${participantId}, ${kind}, ${itemId}) on conflict do nothing`,
  );
}

export async function deleteDismissal(executor: Executor, participantId: string, kind: DismissalKind, itemId: string): Promise<boolean> {
  const rows = await queryRows(
    executor,
    sql`delete from recommendation_dismissals where participant_id = ${participantId} and item_kind = ${kind} and item_id = ${itemId} returning item_id`,
  );
  return rows.length > 0;
}
