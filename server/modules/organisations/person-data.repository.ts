import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';

/** A staff member's profile with its organisation and personal-data consent: for its own archive. */
export async function staffProfileDataOf(executor: Executor, accountId: string) {
  const [row] = await queryRows<{
    region: string | null;
    school: string | null;
    venue: string | null;
    position: string | null;
    about: string | null;
    pd_consent_version: string | null;
    pd_consent_at: Date | null;
    totp_enabled_at: Date | null;
  }>(
    executor,
    sql`select r.name as region, s.name as school, v.name as venue, sp.position, sp.about, sp.pd_consent_version, sp.pd_consent_at, sp.totp_enabled_at
      from staff_profiles sp
      left join regions r on r.id = sp.region_id
      left join schools s on s.id = sp.school_id
      left join venues v on v.id = sp.venue_id
      where sp.account_id = ${accountId}`,
  );
  if (!row) return null;
  return {
    region: row.region,
    school: row.school,
    venue: row.venue,
    position: row.position,
    about: row.about,
    consentVersion: row.pd_consent_version,
    consentAt: row.pd_consent_at ? new Date(row.pd_consent_at).toISOString() : null,
    secondFactorSince: row.totp_enabled_at ? new Date(row.totp_enabled_at).toISOString() : null,
  };
}
