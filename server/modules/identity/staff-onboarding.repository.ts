import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@server/db/client.js';
import { accounts, regions, schools, staffProfiles, venues } from '@server/db/schema/index.js';

const inviters = alias(accounts, 'inviters');

export interface InviteeRow {
  id: string;
  role: string;
  status: string;
  email: string;
  firstName: string;
  lastName: string;
  schoolName: string | null;
  venueName: string | null;
  regionName: string | null;
  inviterFirstName: string | null;
  inviterLastName: string | null;
}

/** The invited account with the names of its workplace and of whoever invited it, for the invitation page. */
export async function findInvitee(executor: Executor, accountId: string): Promise<InviteeRow | undefined> {
  const [row] = await executor
    .select({
      id: accounts.id,
      role: accounts.role,
      status: accounts.status,
      email: accounts.email,
      firstName: accounts.firstName,
      lastName: accounts.lastName,
      schoolName: schools.name,
      venueName: venues.name,
      regionName: regions.name,
      inviterFirstName: inviters.firstName,
      inviterLastName: inviters.lastName,
    })
    .from(accounts)
    .innerJoin(staffProfiles, eq(staffProfiles.accountId, accounts.id))
    .leftJoin(schools, eq(schools.id, staffProfiles.schoolId))
    .leftJoin(venues, eq(venues.id, staffProfiles.venueId))
    .leftJoin(regions, eq(regions.id, staffProfiles.regionId))
    .leftJoin(inviters, eq(inviters.id, staffProfiles.invitedBy))
    .where(eq(accounts.id, accountId));
  return row;
}

export async function findStaffConsent(executor: Executor, accountId: string): Promise<{ version: string | null; at: Date | null } | undefined> {
  const [row] = await executor
    .select({ version: staffProfiles.pdConsentVersion, at: staffProfiles.pdConsentAt })
    .from(staffProfiles)
    .where(eq(staffProfiles.accountId, accountId));
  return row;
}
