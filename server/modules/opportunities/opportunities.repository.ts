import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';
import { pageLimit, toListPage } from '@server/db/paging.js';
import { cities, competencies, opportunities, opportunityCompetencies, opportunitySpheres, spheres } from '@server/db/schema/index.js';
import type { OpportunityCard, OpportunityKind, OpportunityStatus, ReferenceName, StaffOpportunityDetail, StaffOpportunitySummary } from '@common/guidance.js';
import { likePattern, type ListPage } from '@common/schemas/lists.js';
import type { OpportunityInput, StaffOpportunitiesQuery } from '@common/schemas/opportunities.js';
import type { OpportunityScope } from './opportunities.policy.js';

function scopeCondition(scope: OpportunityScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'region':
      return sql`o.region_id = ${scope.regionId}`;
    case 'none':
      return sql`false`;
  }
}

interface SummaryRow {
  id: string;
  kind: OpportunityKind;
  title: string;
  provider: string;
  city_name: string | null;
  online: boolean;
  free: boolean;
  ovz_accessible: boolean;
  starts_on: string | null;
  ends_on: string | null;
  region_id: number | null;
  region_name: string | null;
  status: OpportunityStatus;
  grade_from: number;
  grade_to: number;
  updated_at: Date | string;
}

const SUMMARY_COLUMNS = `o.id, o.kind, o.title, o.provider, c.name as city_name, o.online, o.free, o.ovz_accessible,
  o.starts_on::text as starts_on, o.ends_on::text as ends_on, o.region_id, r.name as region_name, o.status,
  o.grade_from, o.grade_to, o.updated_at`;
const SUMMARY_JOINS = 'left join cities c on c.id = o.city_id left join regions r on r.id = o.region_id';

const toSummary = (r: SummaryRow): StaffOpportunitySummary => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  provider: r.provider,
  cityName: r.city_name,
  online: r.online,
  free: r.free,
  ovzAccessible: r.ovz_accessible,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  federal: r.region_id === null,
  status: r.status,
  regionName: r.region_name,
  gradeFrom: r.grade_from,
  gradeTo: r.grade_to,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/**
 * One page of the opportunities the scope keeps, in the order of opportunities_region_title_idx
 * (region, lower(title), id), so a coordinator's page is a range scan of its region's entries.
 */
export async function listStaffOpportunities(executor: Executor, scope: OpportunityScope, query: StaffOpportunitiesQuery): Promise<ListPage<StaffOpportunitySummary>> {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (query.kind) conditions.push(sql`o.kind = ${query.kind}`);
  if (query.status) conditions.push(sql`o.status = ${query.status}`);
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(sql`(o.title ilike ${pattern} or o.provider ilike ${pattern})`);
  }
  const where = sql.join(conditions, sql` and `);
  const direction = sql.raw(query.order === 'desc' ? 'desc' : 'asc');
  const rows = await queryRows<SummaryRow & { total: number }>(
    executor,
    sql`select ${sql.raw(SUMMARY_COLUMNS)}, count(*) over()::int as total
        from opportunities o ${sql.raw(SUMMARY_JOINS)}
        where ${where}
        order by o.region_id ${direction}, lower(o.title) ${direction}, o.id ${direction} ${pageLimit(query)}`,
  );
  const page = await toListPage(executor, rows, query, sql`opportunities o where ${where}`);
  return { ...page, items: page.items.map(toSummary) };
}

export interface OpportunityRef {
  id: string;
  regionId: number | null;
  status: OpportunityStatus;
  title: string;
}

/** The facts the rules need; `forUpdate` locks the row so a change and its checks see one state. */
export async function findOpportunityRef(executor: Executor, id: string, forUpdate = false): Promise<OpportunityRef | undefined> {
  const [row] = await queryRows<{ id: string; region_id: number | null; status: OpportunityStatus; title: string }>(
    executor,
    sql`select id, region_id, status, title from opportunities where id = ${id} ${forUpdate ? sql`for update` : sql``}`,
  );
  return row && { id: row.id, regionId: row.region_id, status: row.status, title: row.title };
}

interface CardRow extends SummaryRow {
  description: string;
  programmes: string[];
  city_id: number | null;
  city_region_id: number | null;
  address: string | null;
  ovz_notes: string | null;
  price_note: string | null;
  url: string | null;
  contact: string | null;
  spheres: ReferenceName[];
  competencies: Array<ReferenceName & { sphereId: number }>;
}

/** The whole card with its spheres and competencies named, whatever its status; callers apply the rules. */
export async function findOpportunityDetail(executor: Executor, id: string): Promise<StaffOpportunityDetail | undefined> {
  const [row] = await queryRows<CardRow>(
    executor,
    sql`select ${sql.raw(SUMMARY_COLUMNS)}, o.description, o.programmes, o.city_id, c.region_id as city_region_id, o.address, o.ovz_notes, o.price_note, o.url, o.contact,
          coalesce((select json_agg(json_build_object('id', s.id, 'code', s.code, 'name', s.name) order by s.name)
                      from opportunity_spheres os join spheres s on s.id = os.sphere_id where os.opportunity_id = o.id), '[]'::json) as spheres,
          coalesce((select json_agg(json_build_object('id', k.id, 'code', k.code, 'name', k.name, 'sphereId', k.sphere_id) order by k.name)
                      from opportunity_competencies oc join competencies k on k.id = oc.competency_id where oc.opportunity_id = o.id), '[]'::json) as competencies
        from opportunities o ${sql.raw(SUMMARY_JOINS)}
        where o.id = ${id}`,
  );
  if (!row) return undefined;
  const implied = new Set(row.competencies.map((c) => c.sphereId));
  const { updatedAt, ...summary } = toSummary(row);
  return {
    ...summary,
    description: row.description,
    programmes: row.programmes,
    spheres: row.spheres,
    competencies: row.competencies.map(({ sphereId: _sphereId, ...c }) => c),
    address: row.address,
    ovzNotes: row.ovz_notes,
    priceNote: row.price_note,
    url: row.url,
    contact: row.contact,
    regionId: row.region_id,
    cityId: row.city_id,
    cityRegionId: row.city_region_id,
    // The spheres chosen on their own: those no competency of the opportunity brings along.
    sphereIds: row.spheres.filter((s) => !implied.has(s.id)).map((s) => s.id),
    competencyIds: row.competencies.map((c) => c.id),
    updatedAt,
  };
}

/** The card a family sees: the detail without what only the form needs. */
export function toCard(detail: StaffOpportunityDetail): OpportunityCard {
  const { status: _s, regionId: _r, cityId: _c, cityRegionId: _cr, sphereIds: _si, competencyIds: _ci, updatedAt: _u, ...card } = detail;
  return card;
}

type Values = Omit<OpportunityInput, 'sphereIds' | 'competencyIds'>;

const columnsOf = (v: Values) => ({
  kind: v.kind,
  title: v.title,
  provider: v.provider,
  description: v.description,
  programmes: v.programmes,
  gradeFrom: v.gradeFrom,
  gradeTo: v.gradeTo,
  cityId: v.cityId,
  address: v.address,
  online: v.online,
  ovzAccessible: v.ovzAccessible,
  ovzNotes: v.ovzNotes,
  free: v.free,
  priceNote: v.free ? null : v.priceNote,
  startsOn: v.startsOn,
  endsOn: v.endsOn,
  url: v.url,
  contact: v.contact,
  status: v.status,
});

export async function insertOpportunity(executor: Executor, regionId: number | null, values: Values, createdBy: string): Promise<string> {
  const [row] = await executor
    .insert(opportunities)
    .values({ ...columnsOf(values), regionId, createdBy })
    .returning({ id: opportunities.id });
  return row!.id;
}

export async function updateOpportunity(executor: Executor, id: string, values: Values, updatedBy: string): Promise<void> {
  await executor
    .update(opportunities)
    .set({ ...columnsOf(values), updatedBy, updatedAt: sql`now()` })
    .where(eq(opportunities.id, id));
}

export async function setOpportunityStatus(executor: Executor, id: string, status: OpportunityStatus, updatedBy: string): Promise<void> {
  await executor.update(opportunities).set({ status, updatedBy, updatedAt: sql`now()` }).where(eq(opportunities.id, id));
}

/**
 * Replaces the opportunity's competencies and spheres together: its spheres are its competencies'
 * spheres plus those chosen on their own, each row carrying the opportunity's region so that
 * recommendations find a region's opportunities of a sphere through one index.
 */
export async function replaceLinks(executor: Executor, id: string, regionId: number | null, sphereIds: readonly number[], competencyIds: readonly number[]): Promise<void> {
  await executor.delete(opportunityCompetencies).where(eq(opportunityCompetencies.opportunityId, id));
  await executor.delete(opportunitySpheres).where(eq(opportunitySpheres.opportunityId, id));
  if (competencyIds.length > 0) {
    await executor.insert(opportunityCompetencies).values(competencyIds.map((competencyId) => ({ opportunityId: id, competencyId })));
  }
  const implied = competencyIds.length > 0
    ? await executor.selectDistinct({ sphereId: competencies.sphereId }).from(competencies).where(inArray(competencies.id, [...competencyIds]))
    : [];
  const all = [...new Set([...sphereIds, ...implied.map((r) => r.sphereId)])];
  if (all.length > 0) await executor.insert(opportunitySpheres).values(all.map((sphereId) => ({ opportunityId: id, sphereId, regionId })));
}

/** Ids among these that are no sphere; an empty list means all exist. */
export async function unknownSpheres(executor: Executor, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await executor.select({ id: spheres.id }).from(spheres).where(inArray(spheres.id, [...ids]));
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

export async function unknownCompetencies(executor: Executor, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await executor.select({ id: competencies.id }).from(competencies).where(inArray(competencies.id, [...ids]));
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

export async function cityExists(executor: Executor, id: number): Promise<boolean> {
  const [row] = await executor.select({ id: cities.id }).from(cities).where(eq(cities.id, id));
  return row !== undefined;
}

/** What an import's names resolve against: every sphere and competency, and the cities of a region (or all, for federal rows). */
export async function importVocabulary(executor: Executor, regionId: number | null): Promise<{
  spheres: Array<{ id: number; code: string; name: string }>;
  competencies: Array<{ id: number; code: string; name: string }>;
  cities: Array<{ id: number; name: string; regionName: string }>;
}> {
  const sphereRows = await executor.select({ id: spheres.id, code: spheres.code, name: spheres.name }).from(spheres);
  const competencyRows = await executor.select({ id: competencies.id, code: competencies.code, name: competencies.name }).from(competencies);
  const cityRows = await queryRows<{ id: number; name: string; region_name: string }>(
    executor,
    sql`select c.id, c.name, r.name as region_name from cities c join regions r on r.id = c.region_id
        ${regionId === null ? sql`` : sql`where c.region_id = ${regionId}`} order by c.id`,
  );
  return { spheres: sphereRows, competencies: competencyRows, cities: cityRows.map((c) => ({ id: c.id, name: c.name, regionName: c.region_name })) };
}
