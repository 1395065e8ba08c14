import { desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '@server/db/client.js';
import { accounts, processingInstructions, schools, venues } from '@server/db/schema/index.js';
import type { OrganisationKind } from '@common/organisations.js';

export interface OrganisationRef {
  kind: OrganisationKind;
  id: string;
}

const ofOrganisation = (org: OrganisationRef): SQL =>
  org.kind === 'school' ? eq(processingInstructions.schoolId, org.id) : eq(processingInstructions.venueId, org.id);

export interface InstructionAcceptance {
  version: string;
  acceptedAt: Date;
  acceptedByName: string | null;
}

/** Every version the organisation accepted, newest first, with who accepted it. */
export async function listAcceptances(executor: Executor, org: OrganisationRef): Promise<InstructionAcceptance[]> {
  const rows = await executor
    .select({
      version: processingInstructions.version,
      acceptedAt: processingInstructions.acceptedAt,
      lastName: accounts.lastName,
      firstName: accounts.firstName,
    })
    .from(processingInstructions)
    .leftJoin(accounts, eq(accounts.id, processingInstructions.acceptedBy))
    .where(ofOrganisation(org))
    .orderBy(desc(processingInstructions.acceptedAt));
  return rows.map((r) => ({
    version: r.version,
    acceptedAt: r.acceptedAt,
    acceptedByName: r.lastName || r.firstName ? [r.lastName, r.firstName].filter(Boolean).join(' ') : null,
  }));
}

/** Records the acceptance once per version; false when the organisation had accepted it already. */
export async function insertAcceptance(executor: Executor, org: OrganisationRef, version: string, acceptedBy: string | null): Promise<boolean> {
  const rows = await executor
    .insert(processingInstructions)
    .values({ schoolId: org.kind === 'school' ? org.id : null, venueId: org.kind === 'venue' ? org.id : null, version, acceptedBy })
    .onConflictDoNothing()
    .returning({ id: processingInstructions.id });
  return rows.length > 0;
}

export async function organisationName(executor: Executor, org: OrganisationRef): Promise<string | undefined> {
  const table = org.kind === 'school' ? schools : venues;
  const [row] = await executor.select({ name: table.name }).from(table).where(eq(table.id, org.id));
  return row?.name;
}
