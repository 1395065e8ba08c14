import { sql, type SQL } from 'drizzle-orm';
import { STAFF_ROLES } from '@common/roles.js';
import { queryRows, type Executor } from '@server/db/client.js';

/** A search of the log; lists of ids are the accounts a person filter named (empty: nobody matched). */
export interface AuditSearch {
  regionId: number | null;
  subjectIds: string[] | null;
  actorIds: string[] | null;
  action: string | null;
  from: Date | null;
  to: Date | null;
  /** The id of the last row of the previous page. */
  after: string | null;
  limit: number;
}

export interface AuditRecord {
  id: string;
  at: Date;
  action: string;
  actorRole: string | null;
  actorId: string | null;
  actorName: string | null;
  subjectId: string | null;
  subjectName: string | null;
  ip: string | null;
  details: Record<string, string | number | boolean | null> | null;
}

const idsIn = (column: SQL, ids: string[]) =>
  ids.length === 1 ? sql`${column} = ${ids[0]}::uuid` : sql`${column} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`;

function conditions(s: AuditSearch): SQL[] {
  const where: SQL[] = [];
  if (s.subjectIds) where.push(idsIn(sql`a.subject_id`, s.subjectIds));
  if (s.actorIds) where.push(idsIn(sql`a.actor_id`, s.actorIds));
  if (s.action) where.push(sql`a.action = ${s.action}`);
  if (s.from) where.push(sql`a.at >= ${s.from.toISOString()}::timestamptz`);
  if (s.to) where.push(sql`a.at < ${s.to.toISOString()}::timestamptz`);
  // The cursor's own row gives the (at, id) to continue below, exactly, whatever the clock's precision.
  if (s.after) where.push(sql`(a.at, a.id) < (select c.at, c.id from audit_log c where c.id = ${s.after}::bigint)`);
  return where;
}

const and = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);
const NEWEST_FIRST = sql`order by a.at desc, a.id desc`;

/**
 * Newest first, in the order of the indexes that lead with each filter, so a page costs its rows
 * however large the log grows. A coordinator's region is two ordered index ranges merged: rows
 * whose subject is in the region, and rows whose actor is (and subject is not, so none comes twice).
 */
export async function searchAudit(executor: Executor, s: AuditSearch): Promise<AuditRecord[]> {
  if (s.subjectIds?.length === 0 || s.actorIds?.length === 0) return [];
  const where = conditions(s);
  const page = sql`limit ${s.limit}`;
  const source =
    s.regionId === null
      ? sql`(select a.* from audit_log a where ${and(where)} ${NEWEST_FIRST} ${page})`
      : sql`((select a.* from audit_log a where a.subject_region_id = ${s.regionId} and ${and(where)} ${NEWEST_FIRST} ${page})
             union all
             (select a.* from audit_log a where a.actor_region_id = ${s.regionId} and a.subject_region_id is distinct from ${s.regionId}
                and ${and(where)} ${NEWEST_FIRST} ${page}))`;
  return queryRows<AuditRecord>(
    executor,
    sql`select a.id::text as id, a.at, a.action, a.actor_role as "actorRole", a.actor_id as "actorId",
               nullif(concat_ws(' ', ac.last_name, ac.first_name), '') as "actorName",
               a.subject_id as "subjectId", nullif(concat_ws(' ', su.last_name, su.first_name), '') as "subjectName",
               a.ip, a.details
          from ${source} a
          left join accounts ac on ac.id = a.actor_id
          left join accounts su on su.id = a.subject_id
         ${NEWEST_FIRST} ${page}`,
  );
}

/** The accounts an e-mail names (a parent's may repeat a staff member's). */
export async function accountsByEmail(executor: Executor, email: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(executor, sql`select id from accounts where email = ${email}`);
  return rows.map((r) => r.id);
}

export interface HeavyRevealer {
  actorId: string;
  actorRegionId: number | null;
  revealed: number;
  name: string | null;
  role: string | null;
}

/** Staff accounts that revealed more personal data than the threshold since `since`, with no alert in the last hour. */
export async function heavyRevealers(executor: Executor, actions: readonly string[], since: Date, threshold: number): Promise<HeavyRevealer[]> {
  return queryRows(
    executor,
    sql`select h.*, nullif(concat_ws(' ', ac.last_name, ac.first_name), '') as name, ac.role
          from (select a.actor_id as "actorId", max(a.actor_region_id) as "actorRegionId", count(*)::int as revealed
                  from audit_log a
                 where a.action in (${sql.join(actions.map((x) => sql`${x}`), sql`, `)})
                   and a.at > ${since.toISOString()}::timestamptz
                   and a.actor_id is not null
                   and a.actor_role in (${sql.join(STAFF_ROLES.map((r) => sql`${r}`), sql`, `)})
                 group by a.actor_id
                having count(*) > ${threshold}
                   and not exists (select 1 from audit_alerts al where al.actor_id = a.actor_id and al.created_at > ${since.toISOString()}::timestamptz)) h
          left join accounts ac on ac.id = h."actorId"`,
  );
}

/** The alert, unless another worker raised it for this account and hour first. */
export async function insertAlert(
  executor: Executor,
  alert: { actorId: string; actorRegionId: number | null; revealed: number; threshold: number; windowStart: Date; hour: Date },
): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(
    executor,
    sql`insert into audit_alerts (actor_id, actor_region_id, revealed, threshold, window_start, hour)
        values (${alert.actorId}, ${alert.actorRegionId}, ${alert.revealed}, ${alert.threshold}, ${alert.windowStart.toISOString()}::timestamptz, ${alert.hour.toISOString()}::timestamptz)
        on conflict (actor_id, hour) do nothing returning id`,
  );
  return row?.id;
}

/** Who hears of every alert: the active issuer administrators. */
export async function activeIssuerAdmins(executor: Executor): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(executor, sql`select id from accounts where status = 'active' and role = 'issuer_admin'`);
  return rows.map((r) => r.id);
}

/** Who hears of an alert in a region besides the issuer: its active coordinators. */
export async function activeRegionCoordinators(executor: Executor, regionId: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    executor,
    sql`select a.id from accounts a join staff_profiles sp on sp.account_id = a.id
         where a.status = 'active' and a.role = 'regional_coordinator' and sp.region_id = ${regionId}`,
  );
  return rows.map((r) => r.id);
}

export interface AlertRecord {
  id: string;
  createdAt: Date;
  actorId: string;
  actorName: string | null;
  actorRole: string | null;
  revealed: number;
  threshold: number;
  windowStart: Date;
}

export async function listAlerts(executor: Executor, regionId: number | null, after: string | null, limit: number): Promise<AlertRecord[]> {
  const where: SQL[] = [];
  if (regionId !== null) where.push(sql`al.actor_region_id = ${regionId}`);
  if (after) where.push(sql`(al.created_at, al.id) < (select c.created_at, c.id from audit_alerts c where c.id = ${after}::uuid)`);
  return queryRows<AlertRecord>(
    executor,
    sql`select al.id, al.created_at as "createdAt", al.actor_id as "actorId", nullif(concat_ws(' ', ac.last_name, ac.first_name), '') as "actorName",
               ac.role as "actorRole", al.revealed, al.threshold, al.window_start as "windowStart"
          from audit_alerts al left join accounts ac on ac.id = al.actor_id
         where ${and(where)}
         order by al.created_at desc, al.id desc limit ${limit}`,
  );
}
