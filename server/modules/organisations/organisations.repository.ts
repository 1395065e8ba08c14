import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';
import { pageLimit, toListPage } from '@server/db/paging.js';
import { accounts, competencies, schools, staffProfiles, venueCompetencies, venues } from '@server/db/schema/index.js';
import type { OrganisationKind } from '@common/organisations.js';
import type { OrganisationListQuery } from '@common/schemas/organisations.js';
import { likePattern, type ListPage } from '@common/schemas/lists.js';

/** Schools and venues share their columns; this is the common view of either table. */
export const organisationTable = (kind: OrganisationKind) => (kind === 'school' ? schools : (venues as unknown as typeof schools));

/** The counter of pupils is the school's own (kept by a trigger) and not part of what both share. */
export type OrganisationRow = Omit<typeof schools.$inferSelect, 'pupilsCount'> & { kind: OrganisationKind; description?: string | null };

export async function findOrganisation(executor: Executor, kind: OrganisationKind, id: string): Promise<OrganisationRow | undefined> {
  if (kind === 'venue') {
    const [row] = await executor.select().from(venues).where(eq(venues.id, id));
    return row && { ...row, kind };
  }
  const [row] = await executor.select().from(schools).where(eq(schools.id, id));
  return row && { ...row, kind };
}

/** Locks the row so a suspension and an edit of the same organisation never interleave. */
export async function lockOrganisation(executor: Executor, kind: OrganisationKind, id: string): Promise<OrganisationRow | undefined> {
  const table = organisationTable(kind);
  const [row] = await executor.select().from(table).where(eq(table.id, id)).for('update');
  return row && { ...row, kind };
}

export async function insertOrganisation(
  executor: Executor,
  kind: OrganisationKind,
  values: typeof schools.$inferInsert & { description?: string | null },
): Promise<string> {
  if (kind === 'venue') {
    const [row] = await executor.insert(venues).values(values).returning({ id: venues.id });
    return row!.id;
  }
  const { description: _ignored, ...schoolValues } = values;
  const [row] = await executor.insert(schools).values(schoolValues).returning({ id: schools.id });
  return row!.id;
}

export async function updateOrganisation(
  executor: Executor,
  kind: OrganisationKind,
  id: string,
  values: Partial<typeof schools.$inferInsert> & { description?: string | null },
): Promise<void> {
  if (kind === 'venue') {
    await executor.update(venues).set(values).where(eq(venues.id, id));
    return;
  }
  const { description: _ignored, ...schoolValues } = values;
  if (Object.keys(schoolValues).length > 0) await executor.update(schools).set(schoolValues).where(eq(schools.id, id));
}

/** Which of the two duplicate rules an organisation breaks, if any: same ИНН anywhere, same name in the region. */
export async function findDuplicate(
  executor: Executor,
  kind: OrganisationKind,
  values: { regionId: number; inn?: string | undefined; name?: string | undefined },
  exceptId?: string,
): Promise<'inn' | 'name' | null> {
  const table = organisationTable(kind);
  const except = exceptId ? sql`${table.id} <> ${exceptId}` : undefined;
  if (values.inn) {
    const rows = await executor.select({ id: table.id }).from(table).where(and(eq(table.inn, values.inn), except)).limit(1);
    if (rows.length > 0) return 'inn';
  }
  if (values.name) {
    const rows = await executor
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.regionId, values.regionId), sql`lower(${table.name}) = lower(${values.name})`, except))
      .limit(1);
    if (rows.length > 0) return 'name';
  }
  return null;
}

export async function setVenueCompetencies(executor: Executor, venueId: string, competencyIds: number[]): Promise<void> {
  await executor.delete(venueCompetencies).where(eq(venueCompetencies.venueId, venueId));
  if (competencyIds.length > 0) {
    await executor.insert(venueCompetencies).values([...new Set(competencyIds)].map((competencyId) => ({ venueId, competencyId })));
  }
}

export async function listVenueCompetencies(executor: Executor, venueId: string) {
  return executor
    .select({ id: competencies.id, code: competencies.code, name: competencies.name })
    .from(venueCompetencies)
    .innerJoin(competencies, eq(competencies.id, venueCompetencies.competencyId))
    .where(eq(venueCompetencies.venueId, venueId))
    .orderBy(competencies.name);
}

export async function countExistingCompetencies(executor: Executor, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await executor.select({ id: competencies.id }).from(competencies).where(inArray(competencies.id, [...new Set(ids)]));
  return rows.length;
}

export interface OrganisationListRow {
  id: string;
  name: string;
  inn: string | null;
  status: 'active' | 'suspended';
  createdAt: string;
  regionId: number;
  regionName: string;
  cityId: number;
  cityName: string;
  /** Pupils of a school, places of a venue. */
  size: number;
  staffCount: number;
}

const SORT_SQL: Record<OrganisationListQuery['sort'], string> = {
  name: 'lower(o.name)',
  city: 'lower(c.name)',
  createdAt: 'o.created_at',
  pupils: 'size',
  status: 'o.status',
};

/**
 * One page of a region's (or the whole country's) schools or venues, with the total in the same
 * statement. Counts are per row of the page only, so the list stays fast at thousands of rows.
 */
export async function listOrganisations(
  executor: Executor,
  query: OrganisationListQuery,
  scope: { regionId: number | null; organisationId: string | null } | null,
): Promise<ListPage<OrganisationListRow>> {
  const table = query.kind === 'school' ? sql.raw('schools') : sql.raw('venues');
  const size =
    query.kind === 'school'
      ? sql.raw('o.pupils_count')
      : sql.raw('(select count(*)::int from venue_places vp where vp.venue_id = o.id)');
  const staffColumn = query.kind === 'school' ? sql.raw('school_id') : sql.raw('venue_id');
  const conditions: SQL[] = [];
  if (scope) conditions.push(sql`o.region_id = ${scope.regionId}`);
  if (scope && scope.organisationId !== null) conditions.push(sql`o.id = ${scope.organisationId}`);
  if (query.regionId) conditions.push(sql`o.region_id = ${query.regionId}`);
  if (query.cityId) conditions.push(sql`o.city_id = ${query.cityId}`);
  if (query.status) conditions.push(sql`o.status = ${query.status}`);
  if (query.q) conditions.push(sql`(o.name ilike ${likePattern(query.q)} or o.inn = ${query.q} or o.address ilike ${likePattern(query.q)})`);
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const order = sql.raw(`${SORT_SQL[query.sort]} ${query.order === 'desc' ? 'desc' : 'asc'}, o.id`);
  // The page is chosen first, joining cities only to sort by them, and only its rows get their
  // counts; sorting by size needs them all.
  const sizeInPage = query.sort === 'pupils';
  const rows = await queryRows<OrganisationListRow & { total: number }>(
    executor,
    sql`with page as (
          select o.id, count(*) over()::int as total ${sizeInPage ? sql`, ${size} as size` : sql``}
          from ${table} o ${query.sort === 'city' ? sql`join cities c on c.id = o.city_id` : sql``}
          ${where}
          order by ${order}
          ${pageLimit(query)}
        )
        select o.id, o.name, o.inn, o.status, to_json(o.created_at) #>> '{}' as "createdAt", o.region_id as "regionId", r.name as "regionName",
          o.city_id as "cityId", c.name as "cityName", ${sizeInPage ? sql`page.size` : size} as size,
          (select count(*)::int from staff_profiles sp where sp.${staffColumn} = o.id) as "staffCount", page.total
        from page join ${table} o on o.id = page.id join cities c on c.id = o.city_id join regions r on r.id = o.region_id
        order by ${sizeInPage ? sql.raw(`page.size ${query.order === 'desc' ? 'desc' : 'asc'}, o.id`) : order}`,
  );
  return toListPage(executor, rows, query, sql`${table} o ${where}`);
}

export async function listOrganisationStaff(executor: Executor, kind: OrganisationKind, id: string) {
  return executor
    .select({
      id: accounts.id,
      role: accounts.role,
      status: accounts.status,
      lastName: accounts.lastName,
      firstName: accounts.firstName,
      middleName: accounts.middleName,
      email: accounts.email,
      position: staffProfiles.position,
    })
    .from(staffProfiles)
    .innerJoin(accounts, eq(accounts.id, staffProfiles.accountId))
    .where(kind === 'school' ? eq(staffProfiles.schoolId, id) : eq(staffProfiles.venueId, id))
    .orderBy(accounts.role, accounts.lastName);
}

