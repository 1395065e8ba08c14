import { and, eq, inArray, isNull } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '@server/db/client.js';
import { accounts, cities, consents, familyLinks, participantProfiles, regions, schools } from '@server/db/schema/index.js';
import { LIVE_SESSION_CTE, touchSessionIfStale } from '@server/db/live-session.js';
import type { RepresentativeKind } from '@common/schemas/identity.js';

export interface ParticipantCabinetRow {
  account_id: string;
  role: string;
  status: string;
  email: string;
  email_verified: boolean;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  birth_date: string;
  phone: string | null;
  grade: number;
  region_id: number;
  region_name: string;
  city_id: number;
  city_name: string;
  school_id: string | null;
  school_name: string | null;
  snils_enc: string;
  document_type: string | null;
  has_ovz: boolean;
  parents: Array<{ id: string; lastName: string; firstName: string; middleName: string | null }>;
  consent_given: boolean;
  tested: boolean;
  unread: number;
  last_seen_at: Date;
}

const PARTICIPANT_CABINET_SQL = `with ${LIVE_SESSION_CTE}
  select a.id as account_id, a.role, a.status, a.email, a.email_verified_at is not null as email_verified,
    a.last_name, a.first_name, a.middle_name, to_char(a.birth_date, 'YYYY-MM-DD') as birth_date, a.phone,
    p.grade, p.region_id, r.name as region_name, p.city_id, c.name as city_name, p.school_id,
    coalesce(sc.name, p.school_name_typed) as school_name, p.snils_enc, p.document_type, p.has_ovz, live.last_seen_at,
    (select coalesce(json_agg(json_build_object('id', pa.id, 'lastName', pa.last_name, 'firstName', pa.first_name,
        'middleName', pa.middle_name) order by fl.created_at), '[]'::json)
      from family_links fl join accounts pa on pa.id = fl.parent_id where fl.child_id = a.id) as parents,
    exists(select 1 from consents co where co.child_id = a.id and co.kind = 'pd_processing' and co.withdrawn_at is null) as consent_given,
    exists(select 1 from diagnostic_attempts da where da.participant_id = a.id and da.status = 'completed') as tested,
    (select count(*)::int from notifications n where n.account_id = a.id and n.read_at is null) as unread
  from live join accounts a on a.id = live.account_id and a.status <> 'disabled'
  left join participant_profiles p on p.account_id = a.id
  left join regions r on r.id = p.region_id
  left join cities c on c.id = p.city_id
  left join schools sc on sc.id = p.school_id`;

/**
 * The pupil's cabinet together with the session check in one prepared statement: the page every
 * pupil opens most, so it pays neither a second round trip for the session nor a fresh plan.
 */
export async function findParticipantCabinetBySession(database: Database, sessionHash: string, idleMs: number) {
  const [row] = await database.prepared<ParticipantCabinetRow>('participant_cabinet', PARTICIPANT_CABINET_SQL, [sessionHash, idleMs / 1000]);
  if (row) await touchSessionIfStale(database, sessionHash, row.last_seen_at);
  return row;
}

export function listChildrenOf(executor: Executor, parentId: string) {
  return executor
    .select({
      id: accounts.id,
      status: accounts.status,
      emailVerifiedAt: accounts.emailVerifiedAt,
      lastName: accounts.lastName,
      firstName: accounts.firstName,
      middleName: accounts.middleName,
      birthDate: accounts.birthDate,
      email: accounts.email,
      grade: participantProfiles.grade,
      regionName: regions.name,
      cityName: cities.name,
      schoolName: sql<string | null>`coalesce(${schools.name}, ${participantProfiles.schoolNameTyped})`,
      hasOvz: participantProfiles.hasOvz,
      linkedAt: familyLinks.createdAt,
      representativeKind: sql<RepresentativeKind>`${familyLinks.representativeKind}`,
      tested: sql<boolean>`exists(select 1 from diagnostic_attempts da where da.participant_id = ${accounts.id} and da.status = 'completed')`,
    })
    .from(familyLinks)
    .innerJoin(accounts, eq(accounts.id, familyLinks.childId))
    .innerJoin(participantProfiles, eq(participantProfiles.accountId, accounts.id))
    .innerJoin(regions, eq(regions.id, participantProfiles.regionId))
    .innerJoin(cities, eq(cities.id, participantProfiles.cityId))
    .leftJoin(schools, eq(schools.id, participantProfiles.schoolId))
    .where(eq(familyLinks.parentId, parentId))
    .orderBy(familyLinks.createdAt);
}

export function listActiveConsentsFor(executor: Executor, childIds: string[]) {
  if (childIds.length === 0) return Promise.resolve([]);
  return executor
    .select({
      childId: consents.childId,
      parentId: consents.parentId,
      kind: consents.kind,
      textVersion: consents.textVersion,
      givenAt: consents.givenAt,
    })
    .from(consents)
    .where(and(inArray(consents.childId, childIds), isNull(consents.withdrawnAt)));
}
