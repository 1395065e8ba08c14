import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '@server/db/client.js';
import { accounts, familyLinks, supportAttachments, supportMessages, supportRequests, supportTemplates } from '@server/db/schema/index.js';
import type { SupportQueueQuery } from '@common/schemas/support.js';
import type { SupportStatus } from '@common/support/requests.js';
import type { DeskScope } from './support.policy.js';

export type SupportRequestRow = typeof supportRequests.$inferSelect;
export type NewSupportRequest = typeof supportRequests.$inferInsert;

export async function insertRequest(tx: Executor, row: NewSupportRequest): Promise<void> {
  await tx.insert(supportRequests).values(row);
}

export async function insertMessage(
  tx: Executor,
  row: { requestId: string; kind: 'requester' | 'answer' | 'note'; authorAccountId: string | null; text: string; emailMessageId?: string | null; createdAt?: Date },
): Promise<string> {
  const [inserted] = await tx.insert(supportMessages).values(row).returning({ id: supportMessages.id });
  return inserted!.id;
}

export async function insertAttachment(tx: Executor, row: typeof supportAttachments.$inferInsert): Promise<void> {
  await tx.insert(supportAttachments).values(row);
}

/** Serialises one requester's sends for the rest of the transaction, so parallel ones are counted one after another. */
export async function lockRequester(tx: Executor, key: string): Promise<void> {
  await queryRows(tx, sql`select pg_advisory_xact_lock(hashtext(${`support:${key}`}))`);
}

/** Requests from this account since the moment: the per-account flood limit. */
export async function countRecentByAccount(ex: Executor, accountId: string, since: Date): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    ex,
    sql`select count(*)::int as n from support_requests where requester_account_id = ${accountId} and created_at > ${since.toISOString()}`,
  );
  return row?.n ?? 0;
}

/** Requests from this network address (or sender address of letters) since the moment: the per-address flood limit. */
export async function countRecentBySource(ex: Executor, sourceKey: string, since: Date): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    ex,
    sql`select count(*)::int as n from support_requests where source_key = ${sourceKey} and created_at > ${since.toISOString()}`,
  );
  return row?.n ?? 0;
}

/** The requester's own resolved requests, newest first: what a repeat is compared with. */
export async function listResolvedOfRequester(ex: Executor, who: { accountId: string | null; email: string }) {
  const owner = who.accountId ? sql`requester_account_id = ${who.accountId}` : sql`lower(email) = lower(${who.email})`;
  return queryRows<{ id: string; topic: string; text: string }>(
    ex,
    sql`select id, topic, text from support_requests
        where ${owner} and status in ('answered', 'closed') and merged_into is null
        order by created_at desc limit 50`,
  );
}

export async function isLinkedChild(ex: Executor, parentId: string, childId: string): Promise<boolean> {
  const rows = await ex
    .select({ id: familyLinks.childId })
    .from(familyLinks)
    .where(and(eq(familyLinks.parentId, parentId), eq(familyLinks.childId, childId)));
  return rows.length > 0;
}

/**
 * Whether the event is the requester's own: one its venue runs, or one the requester or a child
 * of theirs enrolled in.
 */
export async function isOwnEvent(ex: Executor, who: { accountId: string; venueId: string | null }, eventId: string): Promise<boolean> {
  const rows = await queryRows<{ ok: boolean }>(
    ex,
    sql`select true as ok from events e
        where e.id = ${eventId} and (
          e.venue_id = ${who.venueId}
          or exists (select 1 from enrolments n where n.event_id = e.id and (n.participant_id = ${who.accountId}
            or n.participant_id in (select child_id from family_links where parent_id = ${who.accountId})))
        )`,
  );
  return rows.length > 0;
}

/** What the form offers a signed-in requester to tie a request to. */
export async function findRequesterTies(ex: Executor, who: { accountId: string; schoolId: string | null; venueId: string | null }) {
  const children = await queryRows<{ id: string; name: string }>(
    ex,
    sql`select a.id, a.last_name || ' ' || a.first_name as name from family_links f join accounts a on a.id = f.child_id
        where f.parent_id = ${who.accountId} order by a.last_name, a.first_name`,
  );
  const events = await queryRows<{ id: string; title: string; startsAt: Date }>(
    ex,
    sql`select e.id, e.title, e.starts_at as "startsAt" from events e
        where e.venue_id = ${who.venueId}
           or e.id in (select n.event_id from enrolments n where n.participant_id = ${who.accountId}
             or n.participant_id in (select child_id from family_links where parent_id = ${who.accountId}))
        order by e.starts_at desc limit 50`,
  );
  const organisations = await queryRows<{ id: string; name: string }>(
    ex,
    sql`select id, name from schools where id = ${who.schoolId} union all select id, name from venues where id = ${who.venueId}`,
  );
  return { children, events: events.map((e) => ({ id: e.id, title: e.title, startsAt: new Date(e.startsAt).toISOString() })), organisations };
}

export async function findAccountFacts(ex: Executor, accountId: string) {
  const [row] = await queryRows<{ lastName: string; firstName: string; email: string; regionId: number | null }>(
    ex,
    sql`select a.last_name as "lastName", a.first_name as "firstName", a.email,
          coalesce(p.region_id, s.region_id) as "regionId"
        from accounts a
        left join participant_profiles p on p.account_id = a.id
        left join staff_profiles s on s.account_id = a.id
        where a.id = ${accountId}`,
  );
  return row;
}

export async function findRequest(ex: Executor, id: string, lock = false): Promise<SupportRequestRow | undefined> {
  const query = ex.select().from(supportRequests).where(eq(supportRequests.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findRequestByAccessHash(ex: Executor, hash: string): Promise<SupportRequestRow | undefined> {
  const [row] = await ex.select().from(supportRequests).where(eq(supportRequests.accessTokenHash, hash));
  return row;
}

export async function findRequestByReplyHash(ex: Executor, hash: string): Promise<SupportRequestRow | undefined> {
  const [row] = await ex.select().from(supportRequests).where(eq(supportRequests.replyTokenHash, hash));
  return row;
}

/** The request one of these letters (by Message-ID) was already threaded to. */
export async function findRequestByEmailMessageIds(ex: Executor, messageIds: string[]): Promise<SupportRequestRow | undefined> {
  if (messageIds.length === 0) return undefined;
  const [hit] = await ex
    .select({ requestId: supportMessages.requestId })
    .from(supportMessages)
    .where(inArray(supportMessages.emailMessageId, messageIds))
    .limit(1);
  return hit ? findRequest(ex, hit.requestId) : undefined;
}

/** The Message-IDs of a request's letters and e-mailed answers, oldest first: the thread an answer continues. */
export async function listThreadMessageIds(ex: Executor, requestId: string): Promise<Array<{ kind: string; emailMessageId: string }>> {
  const rows = await ex
    .select({ kind: supportMessages.kind, emailMessageId: supportMessages.emailMessageId })
    .from(supportMessages)
    .where(and(eq(supportMessages.requestId, requestId), sql`${supportMessages.emailMessageId} is not null`))
    .orderBy(asc(supportMessages.createdAt), asc(supportMessages.id));
  return rows.map((r) => ({ kind: r.kind, emailMessageId: r.emailMessageId! }));
}

export async function emailMessageKnown(ex: Executor, messageId: string): Promise<boolean> {
  const rows = await ex.select({ id: supportMessages.id }).from(supportMessages).where(eq(supportMessages.emailMessageId, messageId));
  return rows.length > 0;
}

export async function listMessages(ex: Executor, requestId: string, withNotes: boolean) {
  const rows = await ex
    .select({
      id: supportMessages.id,
      kind: supportMessages.kind,
      text: supportMessages.text,
      createdAt: supportMessages.createdAt,
      authorLastName: accounts.lastName,
      authorFirstName: accounts.firstName,
    })
    .from(supportMessages)
    .leftJoin(accounts, eq(accounts.id, supportMessages.authorAccountId))
    .where(and(eq(supportMessages.requestId, requestId), withNotes ? undefined : sql`${supportMessages.kind} <> 'note'`))
    .orderBy(asc(supportMessages.createdAt), asc(supportMessages.id));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as 'requester' | 'answer' | 'note',
    text: r.text,
    authorName: r.authorLastName ? `${r.authorFirstName} ${r.authorLastName}` : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listAttachments(ex: Executor, requestId: string) {
  return ex
    .select({ id: supportAttachments.id, fileName: supportAttachments.fileName, sizeBytes: supportAttachments.sizeBytes, mimeType: supportAttachments.mimeType })
    .from(supportAttachments)
    .where(eq(supportAttachments.requestId, requestId))
    .orderBy(asc(supportAttachments.createdAt));
}

export async function findAttachment(ex: Executor, requestId: string, id: string) {
  const [row] = await ex
    .select()
    .from(supportAttachments)
    .where(and(eq(supportAttachments.id, id), eq(supportAttachments.requestId, requestId)));
  return row;
}

export async function listRequestsOfAccount(ex: Executor, accountId: string) {
  return ex
    .select()
    .from(supportRequests)
    .where(eq(supportRequests.requesterAccountId, accountId))
    .orderBy(desc(supportRequests.createdAt), desc(supportRequests.id))
    .limit(100);
}

export interface QueueRow {
  id: string;
  topic: string;
  status: string;
  regionId: number | null;
  regionName: string | null;
  lastName: string;
  firstName: string;
  channel: string;
  intakeRule: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: Date;
  dueAt: Date;
  firstAnsweredAt: Date | null;
}

function scopeWhere(scope: DeskScope): SQL {
  return scope.kind === 'all' ? sql`true` : sql`r.region_id = ${scope.regionId}`;
}

/** One page of the queue, newest first, after the keyset cursor (created_at, id). */
export async function listQueue(ex: Executor, scope: DeskScope, q: SupportQueueQuery, me: string, after: { createdAt: string; id: string } | null) {
  const where: SQL[] = [scopeWhere(scope)];
  if (q.status) where.push(sql`r.status = ${q.status}`);
  if (q.topic) where.push(sql`r.topic = ${q.topic}`);
  if (q.region === 'none') where.push(sql`r.region_id is null`);
  else if (q.regionId) where.push(sql`r.region_id = ${q.regionId}`);
  if (q.rule) where.push(sql`r.intake_rule = ${q.rule}`);
  if (q.assignee === 'me') where.push(sql`r.assignee_id = ${me}`);
  else if (q.assignee === 'none') where.push(sql`r.assignee_id is null`);
  else if (q.assignee) where.push(sql`r.assignee_id = ${q.assignee}`);
  if (after) where.push(sql`(r.created_at, r.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
  return queryRows<QueueRow>(
    ex,
    sql`select r.id, r.topic, r.status, r.region_id as "regionId", g.name as "regionName", r.last_name as "lastName",
          r.first_name as "firstName", r.channel, r.intake_rule as "intakeRule", r.assignee_id as "assigneeId",
          case when a.id is null then null else a.first_name || ' ' || a.last_name end as "assigneeName",
          r.created_at as "createdAt", r.due_at as "dueAt", r.first_answered_at as "firstAnsweredAt"
        from support_requests r
        left join regions g on g.id = r.region_id
        left join accounts a on a.id = r.assignee_id
        where ${sql.join(where, sql` and `)}
        order by r.created_at desc, r.id desc
        limit ${q.limit + 1}`,
  );
}

export async function findRequestExtras(ex: Executor, row: SupportRequestRow) {
  const [extras] = await queryRows<{ regionName: string | null; assigneeName: string | null; childName: string | null; eventTitle: string | null; organisationName: string | null }>(
    ex,
    sql`select (select name from regions where id = ${row.regionId}) as "regionName",
          (select first_name || ' ' || last_name from accounts where id = ${row.assigneeId}) as "assigneeName",
          (select last_name || ' ' || first_name from accounts where id = ${row.childId}) as "childName",
          (select title from events where id = ${row.eventId}) as "eventTitle",
          coalesce((select name from schools where id = ${row.organisationId}), (select name from venues where id = ${row.organisationId})) as "organisationName"`,
  );
  return extras!;
}

export async function updateRequest(ex: Executor, id: string, set: Partial<NewSupportRequest>): Promise<void> {
  await ex.update(supportRequests).set({ ...set, updatedAt: new Date() }).where(eq(supportRequests.id, id));
}

export async function setRequestStatus(ex: Executor, id: string, status: SupportStatus, closedAt: Date | null): Promise<void> {
  await updateRequest(ex, id, { status, closedAt });
}

export async function isOperator(ex: Executor, accountId: string): Promise<boolean> {
  const rows = await ex
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.role, 'support_operator'), eq(accounts.status, 'active')));
  return rows.length > 0;
}

export async function listOperators(ex: Executor) {
  return queryRows<{ id: string; name: string }>(
    ex,
    sql`select id, first_name || ' ' || last_name as name from accounts where role = 'support_operator' and status = 'active' order by last_name, first_name`,
  );
}

export async function listTemplates(ex: Executor) {
  return ex
    .select({ id: supportTemplates.id, title: supportTemplates.title, body: supportTemplates.body, updatedAt: supportTemplates.updatedAt })
    .from(supportTemplates)
    .orderBy(asc(supportTemplates.title));
}

export async function insertTemplate(ex: Executor, row: { title: string; body: string; updatedBy: string }): Promise<string> {
  const [inserted] = await ex.insert(supportTemplates).values(row).returning({ id: supportTemplates.id });
  return inserted!.id;
}

export async function updateTemplate(ex: Executor, id: string, row: { title: string; body: string; updatedBy: string }): Promise<boolean> {
  const rows = await ex.update(supportTemplates).set({ ...row, updatedAt: new Date() }).where(eq(supportTemplates.id, id)).returning({ id: supportTemplates.id });
  return rows.length > 0;
}

export async function deleteTemplate(ex: Executor, id: string): Promise<boolean> {
  const rows = await ex.delete(supportTemplates).where(eq(supportTemplates.id, id)).returning({ id: supportTemplates.id });
  return rows.length > 0;
}

/**
 * The desk's figures for a period, from indexes on created_at: volume, the median time to the
 * first answer, and how many requests each intake rule closed.
 */
export async function supportFigures(ex: Executor, scope: DeskScope, since: Date) {
  const where = sql`${scopeWhere(scope)} and r.created_at >= ${since.toISOString()}`;
  const [totals] = await queryRows<{ volume: number; medianSeconds: number | null }>(
    ex,
    sql`select count(*)::int as volume,
          (percentile_cont(0.5) within group (order by extract(epoch from (r.first_answered_at - r.created_at))))::float8 as "medianSeconds"
        from support_requests r where ${where}`,
  );
  const byRule = await queryRows<{ rule: string; count: number }>(
    ex,
    sql`select r.intake_rule as rule, count(*)::int as count from support_requests r
        where ${where} and r.status = 'no_answer' and r.intake_rule is not null group by r.intake_rule order by count desc`,
  );
  return { volume: totals?.volume ?? 0, medianSeconds: totals?.medianSeconds ?? null, byRule };
}
