import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { RepresentativeKind } from '@common/schemas/identity.js';
import type { Executor } from '@server/db/client.js';
import { accounts, consents, familyLinks, invitations } from '@server/db/schema/index.js';
import { hashToken } from '@server/lib/tokens.js';

export async function linkExists(executor: Executor, parentId: string, childId: string): Promise<boolean> {
  const rows = await executor
    .select({ parentId: familyLinks.parentId })
    .from(familyLinks)
    .where(and(eq(familyLinks.parentId, parentId), eq(familyLinks.childId, childId)));
  return rows.length > 0;
}

export async function countParents(executor: Executor, childId: string): Promise<number> {
  const [row] = await executor.select({ n: count() }).from(familyLinks).where(eq(familyLinks.childId, childId));
  return row?.n ?? 0;
}

export async function insertLink(executor: Executor, parentId: string, childId: string, representativeKind: RepresentativeKind): Promise<void> {
  await executor.insert(familyLinks).values({ parentId, childId, representativeKind }).onConflictDoNothing();
}

export async function updateRepresentativeKind(executor: Executor, parentId: string, childId: string, representativeKind: RepresentativeKind): Promise<void> {
  await executor
    .update(familyLinks)
    .set({ representativeKind })
    .where(and(eq(familyLinks.parentId, parentId), eq(familyLinks.childId, childId)));
}

export function listParentsOf(executor: Executor, childId: string) {
  return executor
    .select({
      id: accounts.id,
      lastName: accounts.lastName,
      firstName: accounts.firstName,
      middleName: accounts.middleName,
      representativeKind: sql<RepresentativeKind>`${familyLinks.representativeKind}`,
    })
    .from(familyLinks)
    .innerJoin(accounts, eq(accounts.id, familyLinks.parentId))
    .where(eq(familyLinks.childId, childId));
}

/** Who is linked as a parent to each of these children: (child, parent) pairs, one query however many. */
export function listParentLinksOf(executor: Executor, childIds: readonly string[]) {
  return executor
    .select({ childId: familyLinks.childId, parentId: familyLinks.parentId })
    .from(familyLinks)
    .where(inArray(familyLinks.childId, [...childIds]));
}

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(executor: Executor, values: typeof invitations.$inferInsert): Promise<InvitationRow> {
  const [row] = await executor.insert(invitations).values(values).returning();
  return row!;
}

export async function findInvitationByToken(executor: Executor, token: string, forUpdate = false): Promise<InvitationRow | undefined> {
  const query = executor.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** The inviter's own invitation, or nothing: another person's id is indistinguishable from a missing one. */
export async function findOwnInvitation(executor: Executor, inviterId: string, id: string): Promise<InvitationRow | undefined> {
  const [row] = await executor
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.inviterId, inviterId)))
    .for('update');
  return row;
}

export async function findPendingInvitationTo(executor: Executor, inviterId: string, email: string): Promise<InvitationRow | undefined> {
  const [row] = await executor
    .select()
    .from(invitations)
    .where(and(eq(invitations.inviterId, inviterId), eq(invitations.email, email), eq(invitations.status, 'pending')))
    .for('update');
  return row;
}

export async function updateInvitation(executor: Executor, id: string, values: Partial<typeof invitations.$inferInsert>): Promise<void> {
  await executor.update(invitations).set(values).where(eq(invitations.id, id));
}

export function listInvitationsBy(executor: Executor, inviterId: string) {
  return executor
    .select({
      id: invitations.id,
      kind: invitations.kind,
      email: invitations.email,
      status: invitations.status,
      expiresAt: invitations.expiresAt,
      sentCount: invitations.sentCount,
      createdAt: invitations.createdAt,
      acceptedAt: invitations.acceptedAt,
    })
    .from(invitations)
    .where(eq(invitations.inviterId, inviterId))
    .orderBy(desc(invitations.createdAt));
}

export type ConsentRow = typeof consents.$inferSelect;

export async function findActiveConsent(executor: Executor, parentId: string, childId: string, kind: string): Promise<ConsentRow | undefined> {
  const [row] = await executor
    .select()
    .from(consents)
    .where(and(eq(consents.parentId, parentId), eq(consents.childId, childId), eq(consents.kind, kind), isNull(consents.withdrawnAt)));
  return row;
}

export async function insertConsent(executor: Executor, values: typeof consents.$inferInsert): Promise<ConsentRow> {
  const [row] = await executor.insert(consents).values(values).returning();
  return row!;
}

export async function withdrawConsentRow(executor: Executor, id: string): Promise<void> {
  await executor.update(consents).set({ withdrawnAt: new Date() }).where(eq(consents.id, id));
}

export function listConsentHistory(executor: Executor, childId: string) {
  return executor
    .select({
      id: consents.id,
      parentId: consents.parentId,
      kind: consents.kind,
      textVersion: consents.textVersion,
      givenAt: consents.givenAt,
      withdrawnAt: consents.withdrawnAt,
    })
    .from(consents)
    .where(eq(consents.childId, childId))
    .orderBy(desc(consents.givenAt));
}
