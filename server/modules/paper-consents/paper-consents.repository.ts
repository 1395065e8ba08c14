import { and, asc, desc, eq, exists, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@server/db/client.js';
import { toListPage } from '@server/db/paging.js';
import { accounts, familyLinks, paperConsents, participantProfiles, schools } from '@server/db/schema/index.js';
import { likePattern, type ListPage } from '@common/schemas/lists.js';
import type { PaperConsentListQuery, PaperConsentMimeType, PaperConsentView } from '@common/schemas/paper-consents.js';
import type { PaperConsentFacts, PaperConsentScope } from './paper-consents.policy.js';

export type PaperConsentRow = typeof paperConsents.$inferSelect;

const child = alias(accounts, 'child');

const viewColumns = {
  id: paperConsents.id,
  fileName: paperConsents.fileName,
  mimeType: paperConsents.mimeType,
  sizeBytes: paperConsents.sizeBytes,
  uploadedAt: paperConsents.uploadedAt,
  schoolId: schools.id,
  schoolName: schools.name,
  childId: child.id,
  childLastName: child.lastName,
  childFirstName: child.firstName,
  childMiddleName: child.middleName,
};

type ViewRow = {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: Date;
  schoolId: string;
  schoolName: string;
  childId: string | null;
  childLastName: string | null;
  childFirstName: string | null;
  childMiddleName: string | null;
};

function toView(row: ViewRow): PaperConsentView {
  return {
    id: row.id,
    fileName: row.fileName,
    mimeType: row.mimeType as PaperConsentMimeType,
    sizeBytes: row.sizeBytes,
    uploadedAt: row.uploadedAt.toISOString(),
    child: row.childId
      ? { id: row.childId, lastName: row.childLastName!, firstName: row.childFirstName!, middleName: row.childMiddleName }
      : null,
    school: { id: row.schoolId, name: row.schoolName },
  };
}

/** A pupil whose profile names this school; the check behind every mark a school puts on a scan. */
export async function isPupilOfSchool(executor: Executor, participantId: string, schoolId: string): Promise<boolean> {
  const rows = await executor
    .select({ id: participantProfiles.accountId })
    .from(participantProfiles)
    .where(and(eq(participantProfiles.accountId, participantId), eq(participantProfiles.schoolId, schoolId)));
  return rows.length > 0;
}

export async function insertPaperConsent(executor: Executor, values: typeof paperConsents.$inferInsert): Promise<void> {
  await executor.insert(paperConsents).values(values);
}

export async function setPaperConsentParticipant(executor: Executor, id: string, participantId: string | null): Promise<void> {
  await executor.update(paperConsents).set({ participantId }).where(eq(paperConsents.id, id));
}

/** The row with what the policy needs to judge this reader; the parent link is checked in the same query. */
export async function findPaperConsentFacts(
  executor: Executor,
  id: string,
  readerId: string,
  forUpdate = false,
): Promise<(PaperConsentRow & PaperConsentFacts) | undefined> {
  const query = executor
    .select({
      row: paperConsents,
      schoolRegionId: schools.regionId,
      readerIsLinkedParent: exists(
        executor
          .select({ one: sql`1` })
          .from(familyLinks)
          .where(and(eq(familyLinks.parentId, readerId), eq(familyLinks.childId, paperConsents.participantId))),
      ).mapWith(Boolean),
    })
    .from(paperConsents)
    .innerJoin(schools, eq(schools.id, paperConsents.schoolId))
    .where(eq(paperConsents.id, id));
  const [found] = forUpdate ? await query.for('update', { of: paperConsents }) : await query;
  return found && { ...found.row, schoolRegionId: found.schoolRegionId, readerIsLinkedParent: found.readerIsLinkedParent };
}

export async function findPaperConsentView(executor: Executor, id: string): Promise<PaperConsentView | undefined> {
  const [row] = await executor
    .select(viewColumns)
    .from(paperConsents)
    .innerJoin(schools, eq(schools.id, paperConsents.schoolId))
    .leftJoin(child, eq(child.id, paperConsents.participantId))
    .where(eq(paperConsents.id, id));
  return row && toView(row);
}

function scopeCondition(executor: Executor, scope: PaperConsentScope): SQL {
  switch (scope.kind) {
    case 'school':
      return eq(paperConsents.schoolId, scope.schoolId);
    case 'region':
      return eq(schools.regionId, scope.regionId);
    case 'parent':
      return inArray(
        paperConsents.participantId,
        executor.select({ id: familyLinks.childId }).from(familyLinks).where(eq(familyLinks.parentId, scope.parentId)),
      );
  }
}

const childName = sql`concat_ws(' ', ${child.lastName}, ${child.firstName}, ${child.middleName})`;

const SORTS: Record<PaperConsentListQuery['sort'], SQL[]> = {
  uploadedAt: [sql`${paperConsents.uploadedAt}`],
  fileName: [sql`lower(${paperConsents.fileName})`],
  child: [sql`${child.lastName}`, sql`${child.firstName}`],
  school: [sql`lower(${schools.name})`],
};

/** One page of the scans inside the scope, searched by child, file or school name, with the total in the same statement. */
export async function listPaperConsents(executor: Executor, scope: PaperConsentScope, query: PaperConsentListQuery): Promise<ListPage<PaperConsentView>> {
  const conditions: SQL[] = [scopeCondition(executor, scope)];
  if (query.assigned === 'true') conditions.push(isNotNull(paperConsents.participantId));
  if (query.assigned === 'false') conditions.push(isNull(paperConsents.participantId));
  if (query.participantId) conditions.push(eq(paperConsents.participantId, query.participantId));
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      or(sql`${childName} ilike ${pattern}`, sql`${paperConsents.fileName} ilike ${pattern}`, sql`${schools.name} ilike ${pattern}`)!,
    );
  }
  const where = and(...conditions);
  const direction = query.order === 'desc' ? desc : asc;
  const rows = await executor
    .select({ ...viewColumns, total: sql<number>`count(*) over()`.mapWith(Number) })
    .from(paperConsents)
    .innerJoin(schools, eq(schools.id, paperConsents.schoolId))
    .leftJoin(child, eq(child.id, paperConsents.participantId))
    .where(where)
    .orderBy(...SORTS[query.sort].map((s) => direction(s)), direction(paperConsents.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const matching = executor
    .select({ id: paperConsents.id })
    .from(paperConsents)
    .innerJoin(schools, eq(schools.id, paperConsents.schoolId))
    .leftJoin(child, eq(child.id, paperConsents.participantId))
    .where(where);
  const page = await toListPage(executor, rows, query, sql`(${matching}) as matching`);
  return { ...page, items: page.items.map(toView) };
}
