import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';
import type { OpportunityKind } from '@common/guidance.js';
import type { DismissalKind } from '@common/schemas/recommendations.js';

export interface PupilRow {
  grade: number;
  region_id: number;
  city_id: number;
  has_ovz: boolean;
  consent: boolean;
}

/** What the recommendations need of the pupil itself: grade, home, the ОВЗ flag and whether a parent's consent is in force. */
export async function pupilFacts(executor: Executor, participantId: string): Promise<PupilRow | null> {
  const [row] = await queryRows<PupilRow>(
    executor,
    sql`select pp.grade, pp.region_id, pp.city_id, pp.has_ovz,
        exists(select 1 from consents c where c.child_id = pp.account_id and c.kind = 'pd_processing' and c.withdrawn_at is null) as consent
      from participant_profiles pp where pp.account_id = ${participantId}`,
  );
  return row ?? null;
}

export async function dismissalsOf(executor: Executor, participantId: string): Promise<Array<{ item_kind: DismissalKind; item_id: string }>> {
  return queryRows(executor, sql`select item_kind, item_id from recommendation_dismissals where participant_id = ${participantId}`);
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
  sphere_codes: string[];
  competency_codes: string[];
}

/**
 * Published opportunities of the given spheres for the pupil's region and the federal ones, found
 * through `opportunity_spheres_lookup_idx` (sphere, region), at most `perSphere` per sphere: for
 * its grade, not over, and only accessible ones for a pupil with ОВЗ. Those in its city or online
 * come first within a sphere.
 */
export async function opportunitiesFor(
  executor: Executor,
  q: { participantId: string; sphereIds: readonly number[]; perSphere: number; ovzOnly: boolean },
): Promise<OpportunityRow[]> {
  if (q.sphereIds.length === 0) return [];
  return queryRows<OpportunityRow>(
    executor,
    sql`with pupil as (select grade, region_id, city_id from participant_profiles where account_id = ${q.participantId}),
      hit as (select distinct o.id from unnest(${sql.param([...q.sphereIds])}::int[]) as wanted(sphere_id)
        cross join pupil
        cross join lateral (
          select o.id, o.online, o.city_id from opportunity_spheres os join opportunities o on o.id = os.opportunity_id
          where os.sphere_id = wanted.sphere_id and (os.region_id = pupil.region_id or os.region_id is null)
            and o.status = 'published' and pupil.grade between o.grade_from and o.grade_to
            and (o.ends_on is null or o.ends_on >= (now() at time zone 'Europe/Moscow')::date)
            and (${!q.ovzOnly}::boolean or o.ovz_accessible)
          order by (o.online or o.city_id = pupil.city_id) desc, o.id
          limit ${q.perSphere}) o)
      select o.id, o.kind, o.title, o.provider, o.city_id, ci.name as city_name, o.online, o.free, o.ovz_accessible,
        o.starts_on::text as starts_on, o.ends_on::text as ends_on, o.region_id is null as federal,
        array(select sp.code from opportunity_spheres x join spheres sp on sp.id = x.sphere_id where x.opportunity_id = o.id) as sphere_codes,
        array(select co.code from opportunity_competencies x join competencies co on co.id = x.competency_id where x.opportunity_id = o.id) as competency_codes
      from hit join opportunities o on o.id = hit.id left join cities ci on ci.id = o.city_id`,
  );
}

export interface ProfessionRow {
  id: number;
  code: string;
  name: string;
  description: string;
  education: string[];
  programmes: string[];
  competency_codes: string[];
}

/** Professions linked to the given competencies (through `profession_competencies_competency_idx`), with all their competencies. */
export async function professionsFor(executor: Executor, competencyIds: readonly number[], limit: number): Promise<ProfessionRow[]> {
  if (competencyIds.length === 0) return [];
  return queryRows<ProfessionRow>(
    executor,
    sql`with hit as (select distinct profession_id from profession_competencies where competency_id = any(${sql.param([...competencyIds])}::int[]) limit ${limit})
      select p.id, p.code, p.name, p.description, p.education, p.programmes,
        array(select co.code from profession_competencies x join competencies co on co.id = x.competency_id where x.profession_id = p.id) as competency_codes
      from hit join professions p on p.id = hit.profession_id`,
  );
}

/** Whether the thing a dismissal names exists: a published test's slug, an event, an opportunity or a profession. */
export async function itemExists(executor: Executor, kind: DismissalKind, itemId: string): Promise<boolean> {
  const query = {
    test: sql`select 1 from diagnostic_tests where slug = ${itemId}`,
    event: sql`select 1 from events where id = ${itemId}::uuid`,
    opportunity: sql`select 1 from opportunities where id = ${itemId}::uuid`,
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
