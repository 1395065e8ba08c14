import { eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';
import { pageLimit, toListPage } from '@server/db/paging.js';
import { accounts, competencies, staffCompetencies, staffProfiles } from '@server/db/schema/index.js';
import type { Role } from '@common/roles.js';
import type { StaffListQuery } from '@common/schemas/organisations.js';
import { likePattern, type ListPage } from '@common/schemas/lists.js';

export async function insertStaffProfile(executor: Executor, values: typeof staffProfiles.$inferInsert): Promise<void> {
  await executor.insert(staffProfiles).values(values);
}

export async function updateStaffProfile(executor: Executor, accountId: string, values: Partial<typeof staffProfiles.$inferInsert>): Promise<void> {
  await executor.update(staffProfiles).set(values).where(eq(staffProfiles.accountId, accountId));
}

export async function setStaffCompetencies(executor: Executor, accountId: string, competencyIds: number[]): Promise<void> {
  await executor.delete(staffCompetencies).where(eq(staffCompetencies.accountId, accountId));
  if (competencyIds.length > 0) {
    await executor.insert(staffCompetencies).values([...new Set(competencyIds)].map((competencyId) => ({ accountId, competencyId })));
  }
}

export async function listStaffCompetencies(executor: Executor, accountId: string) {
  return executor
    .select({ id: competencies.id, code: competencies.code, name: competencies.name })
    .from(staffCompetencies)
    .innerJoin(competencies, eq(competencies.id, staffCompetencies.competencyId))
    .where(eq(staffCompetencies.accountId, accountId))
    .orderBy(competencies.name);
}

/** A staff member with where it works, for policies and cards. */
export async function findStaffMember(executor: Executor, accountId: string) {
  const [row] = await executor
    .select({
      accountId: accounts.id,
      role: accounts.role,
      status: accounts.status,
      email: accounts.email,
      lastName: accounts.lastName,
      firstName: accounts.firstName,
      middleName: accounts.middleName,
      phone: accounts.phone,
      regionId: staffProfiles.regionId,
      schoolId: staffProfiles.schoolId,
      venueId: staffProfiles.venueId,
      position: staffProfiles.position,
      about: staffProfiles.about,
      totpEnabledAt: staffProfiles.totpEnabledAt,
      pdConsentAt: staffProfiles.pdConsentAt,
    })
    .from(staffProfiles)
    .innerJoin(accounts, eq(accounts.id, staffProfiles.accountId))
    .where(eq(staffProfiles.accountId, accountId));
  return row && { ...row, role: row.role as Role };
}

export interface StaffListRow {
  id: string;
  role: Role;
  status: 'pending' | 'active' | 'disabled';
  lastName: string;
  firstName: string;
  middleName: string | null;
  email: string;
  position: string | null;
  regionName: string | null;
  organisationName: string | null;
  competencies: string[];
  createdAt: string;
}

const STAFF_SORT: Record<StaffListQuery['sort'], string> = {
  name: 'lower(a.last_name), lower(a.first_name)',
  role: 'a.role',
  status: 'a.status',
  createdAt: 'a.created_at',
};

/** One page of the staff the caller looks after; the scope condition comes from the caller. */
export async function listStaff(executor: Executor, query: StaffListQuery, scope: SQL | null): Promise<ListPage<StaffListRow>> {
  const conditions: SQL[] = scope ? [scope] : [];
  if (query.role) conditions.push(sql`a.role = ${query.role}`);
  if (query.status) conditions.push(sql`a.status = ${query.status}`);
  if (query.regionId) conditions.push(sql`sp.region_id = ${query.regionId}`);
  if (query.q) {
    const like = likePattern(query.q);
    conditions.push(sql`(a.last_name ilike ${like} or a.first_name ilike ${like} or a.email ilike ${like})`);
  }
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const order = sql.raw(`${STAFF_SORT[query.sort]} ${query.order === 'desc' ? 'desc' : 'asc'}, a.id`);
  const rows = await queryRows<StaffListRow & { total: number }>(
    executor,
    sql`select a.id, a.role, a.status, a.last_name as "lastName", a.first_name as "firstName", a.middle_name as "middleName",
          a.email, sp.position, r.name as "regionName", coalesce(s.name, v.name) as "organisationName",
          coalesce((select array_agg(c.name order by c.name) from staff_competencies sc join competencies c on c.id = sc.competency_id
                    where sc.account_id = a.id), '{}') as competencies,
          to_json(a.created_at) #>> '{}' as "createdAt", count(*) over()::int as total
        from staff_profiles sp join accounts a on a.id = sp.account_id
        left join regions r on r.id = sp.region_id left join schools s on s.id = sp.school_id left join venues v on v.id = sp.venue_id
        ${where}
        order by ${order}
        ${pageLimit(query)}`,
  );
  return toListPage(executor, rows, query, sql`staff_profiles sp join accounts a on a.id = sp.account_id ${where}`);
}
