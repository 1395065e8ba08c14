import { sql } from 'drizzle-orm';
import { queryRows, type Executor, type Tx } from '@server/db/client.js';
import { correctionRequests } from '@server/db/schema/index.js';
import type { CorrectionStatus } from '@common/schemas/corrections.js';

export type RequestedCorrection = { lastName?: string; firstName?: string; birthDate?: string; schoolId?: string };

/** A pupil's data as a correction reads and changes it. */
export interface CorrectablePupil {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  birth_date: string | null;
  grade: number;
  region_id: number;
  city_id: number;
  school_id: string | null;
  school_name: string | null;
  snils_enc: string;
}

export async function findCorrectablePupil(executor: Executor, id: string, lock = false): Promise<CorrectablePupil | undefined> {
  const [row] = await queryRows<CorrectablePupil>(
    executor,
    sql`select a.id, a.last_name, a.first_name, a.middle_name, a.birth_date::text as birth_date, pp.grade, pp.region_id, pp.city_id, pp.school_id,
        s.name as school_name, pp.snils_enc
      from accounts a join participant_profiles pp on pp.account_id = a.id left join schools s on s.id = pp.school_id
      where a.id = ${id} and a.status <> 'disabled' ${lock ? sql`for update of a, pp` : sql``}`,
  );
  return row;
}

export async function insertCorrection(tx: Tx, values: typeof correctionRequests.$inferInsert): Promise<string> {
  const [row] = await tx.insert(correctionRequests).values(values).returning({ id: correctionRequests.id });
  return row!.id;
}

export async function hasPendingCorrection(executor: Executor, participantId: string): Promise<boolean> {
  const rows = await queryRows(executor, sql`select 1 from correction_requests where participant_id = ${participantId} and status = 'pending'`);
  return rows.length > 0;
}

export interface CorrectionRow {
  id: string;
  participant_id: string;
  requested_by: string;
  school_id: string;
  status: CorrectionStatus;
  requested: RequestedCorrection;
  comment: string | null;
  refusal_reason: string | null;
  created_at: Date;
  decided_at: Date | null;
  pupil_last_name: string;
  pupil_first_name: string;
  pupil_middle_name: string | null;
  pupil_birth_date: string | null;
  pupil_grade: number;
  pupil_school_id: string | null;
  pupil_school_name: string | null;
  requested_school_name: string | null;
  requester_last_name: string;
  requester_first_name: string;
  requester_role: 'participant' | 'parent';
}

const VIEW = sql`select c.id, c.participant_id, c.requested_by, c.school_id, c.status, c.requested, c.comment, c.refusal_reason,
    c.created_at, c.decided_at,
    a.last_name as pupil_last_name, a.first_name as pupil_first_name, a.middle_name as pupil_middle_name,
    a.birth_date::text as pupil_birth_date, pp.grade as pupil_grade, pp.school_id as pupil_school_id, cs.name as pupil_school_name,
    rs.name as requested_school_name,
    r.last_name as requester_last_name, r.first_name as requester_first_name, r.role as requester_role
  from correction_requests c
  -- A pupil frozen for erasure is out of every staff view, its corrections too.
  join accounts a on a.id = c.participant_id and a.status <> 'disabled'
  join participant_profiles pp on pp.account_id = c.participant_id
  left join schools cs on cs.id = pp.school_id
  left join schools rs on rs.id = (c.requested->>'schoolId')::uuid
  join accounts r on r.id = c.requested_by`;

export function correctionsOfPupil(executor: Executor, participantId: string): Promise<CorrectionRow[]> {
  return queryRows<CorrectionRow>(executor, sql`${VIEW} where c.participant_id = ${participantId} order by c.created_at desc limit 20`);
}

/** The school's queue: pending requests oldest first, decided ones newest first. */
export function correctionsOfSchool(executor: Executor, schoolId: string, status: CorrectionStatus): Promise<CorrectionRow[]> {
  const order = status === 'pending' ? sql`c.created_at asc` : sql`c.decided_at desc`;
  return queryRows<CorrectionRow>(executor, sql`${VIEW} where c.school_id = ${schoolId} and c.status = ${status} order by ${order}, c.id limit 200`);
}

export async function findCorrectionOfSchool(executor: Executor, schoolId: string, id: string): Promise<CorrectionRow | undefined> {
  const [row] = await queryRows<CorrectionRow>(executor, sql`${VIEW} where c.id = ${id} and c.school_id = ${schoolId}`);
  return row;
}

/** The school's request, locked while it is decided, so two clicks never decide it twice. */
export async function lockCorrection(tx: Tx, schoolId: string, id: string): Promise<CorrectionRow | undefined> {
  const [row] = await queryRows<CorrectionRow>(tx, sql`${VIEW} where c.id = ${id} and c.school_id = ${schoolId} for update of c`);
  return row;
}

export async function decideCorrection(tx: Tx, id: string, decidedBy: string, status: 'confirmed' | 'refused', refusalReason: string | null): Promise<void> {
  await tx.execute(sql`update correction_requests set status = ${status}, decided_by = ${decidedBy}, decided_at = now(), refusal_reason = ${refusalReason}
    where id = ${id}`);
}

export async function applyCorrection(
  tx: Tx,
  participantId: string,
  values: { lastName: string; firstName: string; birthDate: string | null; schoolId: string | null; identityBidx: string },
): Promise<void> {
  await tx.execute(sql`update accounts set last_name = ${values.lastName}, first_name = ${values.firstName}, birth_date = ${values.birthDate}
    where id = ${participantId}`);
  // A school of the pupil's region may lie in another of its cities: the profile follows the school.
  await tx.execute(sql`update participant_profiles pp set identity_bidx = ${values.identityBidx}, updated_at = now(),
      school_id = coalesce(${values.schoolId}::uuid, pp.school_id),
      city_id = coalesce((select s.city_id from schools s where s.id = ${values.schoolId}::uuid), pp.city_id),
      school_name_typed = case when ${values.schoolId}::uuid is null then pp.school_name_typed end
    where pp.account_id = ${participantId}`);
}

/** The active school staff who decide a school's requests. */
export async function schoolAdminIds(executor: Executor, schoolId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    executor,
    sql`select a.id from staff_profiles sp join accounts a on a.id = sp.account_id where a.role = 'school' and a.status = 'active' and sp.school_id = ${schoolId}`,
  );
  return rows.map((r) => r.id);
}
