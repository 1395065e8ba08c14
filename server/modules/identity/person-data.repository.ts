import { sql } from 'drizzle-orm';
import { countAffected, queryRows, type Executor } from '@server/db/client.js';

export interface AccountDataRow {
  id: string;
  role: string;
  email: string;
  status: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  birth_date: string | null;
  phone: string | null;
  created_at: Date;
  email_verified_at: Date | null;
}

export interface ParticipantProfileDataRow {
  grade: number;
  region_name: string;
  city_name: string;
  school_name: string | null;
  school_name_typed: string | null;
  snils_enc: string;
  document_type: string | null;
  document_number_enc: string | null;
  has_ovz: boolean;
  ovz_details_enc: string | null;
}

export interface RelativeRow {
  id: string;
  role: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  linked_at: Date;
  /** Who the adult on the link is to the child: parent, guardian or trustee. */
  representative_kind: string;
}

export interface ConsentDataRow {
  kind: string;
  text_version: string;
  given_at: Date;
  withdrawn_at: Date | null;
  parent_last_name: string;
  parent_first_name: string;
}

export async function accountData(executor: Executor, id: string): Promise<AccountDataRow | null> {
  const [row] = await queryRows<AccountDataRow>(
    executor,
    sql`select id, role, email, status, last_name, first_name, middle_name, birth_date::text as birth_date, phone, created_at, email_verified_at
      from accounts where id = ${id}`,
  );
  return row ?? null;
}

export async function participantProfileData(executor: Executor, id: string): Promise<ParticipantProfileDataRow | null> {
  const [row] = await queryRows<ParticipantProfileDataRow>(
    executor,
    sql`select pp.grade, r.name as region_name, ci.name as city_name, s.name as school_name, pp.school_name_typed,
        pp.snils_enc, pp.document_type, pp.document_number_enc, pp.has_ovz, pp.ovz_details_enc
      from participant_profiles pp
      join regions r on r.id = pp.region_id
      join cities ci on ci.id = pp.city_id
      left join schools s on s.id = pp.school_id
      where pp.account_id = ${id}`,
  );
  return row ?? null;
}

export async function parentProfileData(executor: Executor, id: string): Promise<{ snils_enc: string; esia_email: string } | null> {
  const [row] = await queryRows<{ snils_enc: string; esia_email: string }>(
    executor,
    sql`select snils_enc, esia_email from parent_profiles where account_id = ${id}`,
  );
  return row ?? null;
}

/** The person's linked parents and children, whichever side it is on. */
export async function relativesOf(executor: Executor, id: string): Promise<RelativeRow[]> {
  return queryRows<RelativeRow>(
    executor,
    sql`select a.id, a.role, a.last_name, a.first_name, a.middle_name, fl.created_at as linked_at, fl.representative_kind
      from family_links fl join accounts a on a.id = case when fl.child_id = ${id} then fl.parent_id else fl.child_id end
      where fl.child_id = ${id} or fl.parent_id = ${id}
      order by fl.created_at`,
  );
}

/** Consents about the child, or given by the parent. */
export async function consentsOf(executor: Executor, id: string): Promise<ConsentDataRow[]> {
  return queryRows<ConsentDataRow>(
    executor,
    sql`select c.kind, c.text_version, c.given_at, c.withdrawn_at, p.last_name as parent_last_name, p.first_name as parent_first_name
      from consents c join accounts p on p.id = c.parent_id
      where c.child_id = ${id} or c.parent_id = ${id}
      order by c.given_at`,
  );
}

export interface CorrectionDataRow {
  requested: Record<string, string>;
  requested_school_name: string | null;
  status: string;
  created_at: Date | string;
  decided_at: Date | string | null;
  refusal_reason: string | null;
}

/** Corrections asked about the pupil, or by the person for a child. */
export async function correctionsOf(executor: Executor, id: string): Promise<CorrectionDataRow[]> {
  return queryRows<CorrectionDataRow>(
    executor,
    sql`select cr.requested, s.name as requested_school_name, cr.status, cr.created_at, cr.decided_at, cr.refusal_reason
      from correction_requests cr left join schools s on s.id = (cr.requested ->> 'schoolId')::uuid
      where cr.participant_id = ${id} or cr.requested_by = ${id}
      order by cr.created_at`,
  );
}

/** Names of accounts (staff who saw someone's data); only ids that still exist answer. */
export async function accountNames(executor: Executor, ids: readonly string[]): Promise<Array<{ id: string; role: string; name: string }>> {
  if (ids.length === 0) return [];
  return queryRows(
    executor,
    sql`select id, role, concat_ws(' ', last_name, first_name, middle_name) as name from accounts where id = any(${sql.param([...ids])}::uuid[])`,
  );
}

/**
 * Removes every identity row of a pupil, the account last. Invitations the pupil sent or accepted
 * carry its address, so they go too; the audit log keeps only the bare id, which names nobody
 * once the account is gone.
 */
export async function erasePupilIdentity(executor: Executor, id: string): Promise<Record<string, number>> {
  const count = (statement: ReturnType<typeof sql>) => countAffected(executor, statement);
  const out: Record<string, number> = {};
  out.sessions = await count(sql`delete from sessions where account_id = ${id}`);
  out.tokens = await count(sql`delete from one_time_tokens where account_id = ${id}`);
  out.recoveryCodes = await count(sql`delete from recovery_codes where account_id = ${id}`);
  out.invitations = await count(sql`delete from invitations where inviter_id = ${id} or accepted_by = ${id}`);
  out.consents = await count(sql`delete from consents where child_id = ${id}`);
  // A correction request names the pupil's old and new data: it goes with the pupil, or with the pupil who asked.
  out.corrections = await count(sql`delete from correction_requests where participant_id = ${id} or requested_by = ${id}`);
  out.familyLinks = await count(sql`delete from family_links where child_id = ${id}`);
  out.profile = await count(sql`delete from participant_profiles where account_id = ${id}`);
  out.account = await count(sql`delete from accounts where id = ${id}`);
  return out;
}

/** Retention: invitations and one-time tokens that expired before the cutoff (they hold addresses). */
export async function purgeExpiredInvitations(executor: Executor, before: Date): Promise<number> {
  const cutoff = before.toISOString();
  return (
    (await countAffected(executor, sql`delete from invitations where expires_at < ${cutoff}::timestamptz`)) +
    (await countAffected(executor, sql`delete from one_time_tokens where expires_at < ${cutoff}::timestamptz`))
  );
}

/** Pupils' accounts never activated, created before the cutoff (the end of a finished season). */
export async function neverActivatedPupils(executor: Executor, createdBefore: string, limit: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    executor,
    sql`select a.id from accounts a
      where a.role = 'participant' and a.status = 'pending' and a.created_at < ${createdBefore}::timestamptz
      order by a.created_at limit ${limit}`,
  );
  return rows.map((r) => r.id);
}
