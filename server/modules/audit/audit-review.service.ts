import { AUDIT_EXPORT_LIMIT, PD_REVEALING_ACTIONS } from '@common/audit.js';
import { plural } from '@common/plural.js';
import { ROLE_LABELS, type Role } from '@common/roles.js';
import type { AuditAlertsPage, AuditExportQuery, AuditFilters, AuditPage, AuditPersonRef, AuditRow, AuditSearchQuery } from '@common/schemas/audit.js';
import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { badRequest } from '@server/lib/errors.js';
import { attachmentDisposition } from '@server/lib/file-names.js';
import { exportTable } from '@server/lib/spreadsheets/export.js';
import type { Principal } from '@server/plugins/session.js';
import { notifyAccount } from '../notifications/index.js';
import {
  accountsByEmail,
  activeIssuerAdmins,
  activeRegionCoordinators,
  heavyRevealers,
  insertAlert,
  listAlerts,
  searchAudit,
  type AuditRecord,
  type AuditSearch,
} from './audit-review.repository.js';
import { recordAudit, recordAuditMany, type AuditActor } from './audit.repository.js';
import { reviewRegion } from './audit-review.policy.js';

export type Reviewer = Pick<Principal, 'role' | 'regionId' | 'accountId'>;

/** The period is in Moscow days, both ends included, as the programme's people count them. */
const MOSCOW_OFFSET = '+03:00';
const dayStart = (day: string) => new Date(`${day}T00:00:00${MOSCOW_OFFSET}`);
const nextDayStart = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

async function resolvePerson(ctx: AppContext, person: AuditFilters['person']): Promise<string[] | null> {
  if (!person) return null;
  return 'id' in person ? [person.id!] : accountsByEmail(ctx.db, person.email!);
}

async function searchOf(ctx: AppContext, caller: Reviewer, filters: AuditFilters, page: { after: string | null; limit: number }): Promise<AuditSearch> {
  return {
    regionId: reviewRegion(caller),
    subjectIds: await resolvePerson(ctx, filters.person),
    actorIds: await resolvePerson(ctx, filters.actor),
    action: filters.action ?? null,
    from: filters.from ? dayStart(filters.from) : null,
    to: filters.to ? nextDayStart(filters.to) : null,
    ...page,
  };
}

const personRef = (id: string | null, name: string | null): AuditPersonRef | null => (id ? { id, name } : null);

function toRow(r: AuditRecord): AuditRow {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    action: r.action,
    actorRole: r.actorRole,
    actor: personRef(r.actorId, r.actorName),
    subject: personRef(r.subjectId, r.subjectName),
    ip: r.ip,
    details: r.details ?? {},
  };
}

const PERSONS_PER_STATEMENT = 5_000;

/** The reviewer's region is known from its session, so the log's trigger need not look it up for each row. */
const reviewerActor = (caller: Reviewer, actor: AuditActor): AuditActor => ({ ...actor, actorRegionId: caller.regionId });

/**
 * A name shown in the review is itself an access to that person's data: each person shown is
 * recorded once per page or file, so the person's own request for who saw its data finds it.
 */
async function recordPersonsShown(ctx: AppContext, caller: Reviewer, actor: AuditActor, refs: ReadonlyArray<AuditPersonRef | null>, via: string): Promise<void> {
  const shown = new Set<string>();
  for (const ref of refs) if (ref?.name && ref.id !== actor.actorId) shown.add(ref.id);
  const entries = [...shown].map((subjectId) => ({ subjectId, details: { via } }));
  // An export may show tens of thousands of people: statements stay under PostgreSQL's 65,535 parameters.
  for (let i = 0; i < entries.length; i += PERSONS_PER_STATEMENT) {
    await recordAuditMany(ctx.db, reviewerActor(caller, actor), 'audit.person_shown', entries.slice(i, i + PERSONS_PER_STATEMENT));
  }
}

export async function searchLog(ctx: AppContext, caller: Reviewer, query: AuditSearchQuery, actor: AuditActor): Promise<AuditPage> {
  const { cursor, limit, ...filters } = query;
  const records = await searchAudit(ctx.db, await searchOf(ctx, caller, filters, { after: cursor ?? null, limit: limit + 1 }));
  const rows = records.slice(0, limit).map(toRow);
  await recordPersonsShown(ctx, caller, actor, rows.flatMap((r) => [r.actor, r.subject]), 'search');
  return { rows, nextCursor: records.length > limit ? rows[rows.length - 1]!.id : null };
}

const EXPORT_HEADER = ['Время (UTC)', 'Действие', 'Роль исполнителя', 'Исполнитель', 'ID исполнителя', 'Субъект', 'ID субъекта', 'IP-адрес', 'Подробности'];

export interface AuditExportFile {
  body: Buffer;
  contentType: string;
  disposition: string;
}

/** Every row the filters find, up to the limit; a wider search is refused rather than cut silently. */
export async function exportLog(ctx: AppContext, caller: Reviewer, query: AuditExportQuery, actor: AuditActor): Promise<AuditExportFile> {
  const { format, ...filters } = query;
  const records = await searchAudit(ctx.db, await searchOf(ctx, caller, filters, { after: null, limit: AUDIT_EXPORT_LIMIT + 1 }));
  if (records.length > AUDIT_EXPORT_LIMIT) {
    throw badRequest('too_many_rows', `В выгрузку помещается не больше ${AUDIT_EXPORT_LIMIT.toLocaleString('ru-RU')} записей: сузьте период или добавьте фильтр`);
  }
  const rows = records.map(toRow);
  const file = await exportTable(
    format,
    'Журнал аудита',
    EXPORT_HEADER,
    rows.map((r) => [
      r.at,
      r.action,
      r.actorRole ? (ROLE_LABELS[r.actorRole as Role] ?? r.actorRole) : '',
      r.actor?.name ?? '',
      r.actor?.id ?? '',
      r.subject?.name ?? '',
      r.subject?.id ?? '',
      r.ip ?? '',
      Object.keys(r.details).length ? JSON.stringify(r.details) : '',
    ]),
    [22, 30, 24, 28, 38, 28, 38, 16, 40],
  );
  await recordAudit(ctx.db, reviewerActor(caller, actor), 'audit.exported', null, { rows: rows.length, format });
  await recordPersonsShown(ctx, caller, actor, rows.flatMap((r) => [r.actor, r.subject]), 'export');
  const day = new Date().toISOString().slice(0, 10);
  return { body: file.body, contentType: file.contentType, disposition: attachmentDisposition(`Журнал аудита ${day}.${file.extension}`, `audit-log-${day}.${file.extension}`) };
}

export async function alertsPage(ctx: AppContext, caller: Reviewer, query: { cursor?: string | undefined; limit: number }, actor: AuditActor): Promise<AuditAlertsPage> {
  const records = await listAlerts(ctx.db, reviewRegion(caller), query.cursor ?? null, query.limit + 1);
  const alerts = records.slice(0, query.limit).map((a) => ({
    id: a.id,
    createdAt: new Date(a.createdAt).toISOString(),
    actor: { id: a.actorId, name: a.actorName },
    actorRole: a.actorRole,
    revealed: a.revealed,
    threshold: a.threshold,
    windowStart: new Date(a.windowStart).toISOString(),
  }));
  await recordPersonsShown(ctx, caller, actor, alerts.map((a) => a.actor), 'alerts');
  return { alerts, nextCursor: records.length > query.limit ? alerts[alerts.length - 1]!.id : null, threshold: ctx.config.pdRevealAlertPerHour };
}

const HOUR_MS = 3_600_000;

/**
 * Alerts the issuer and the actor's regional coordinator, in the cabinet and by e-mail, when a
 * staff account revealed personal data more often than the threshold in the last hour; once an hour per account.
 */
export async function raiseRevealAlerts(ctx: AppContext, now = new Date()): Promise<number> {
  const threshold = ctx.config.pdRevealAlertPerHour;
  const since = new Date(now.getTime() - HOUR_MS);
  const hour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  let raised = 0;
  const issuerAdmins = await activeIssuerAdmins(ctx.db);
  const coordinators = new Map<number, string[]>();
  const coordinatorsOf = async (regionId: number | null): Promise<string[]> => {
    if (regionId === null) return [];
    if (!coordinators.has(regionId)) coordinators.set(regionId, await activeRegionCoordinators(ctx.db, regionId));
    return coordinators.get(regionId)!;
  };
  for (const heavy of await heavyRevealers(ctx.db, PD_REVEALING_ACTIONS, since, threshold)) {
    const recipients = [...issuerAdmins, ...(await coordinatorsOf(heavy.actorRegionId))];
    await inTransaction(ctx.db, async (tx, afterCommit) => {
      const id = await insertAlert(tx, { ...heavy, threshold, windowStart: since, hour });
      if (!id) return;
      raised++;
      const role = heavy.role ? (ROLE_LABELS[heavy.role as Role] ?? heavy.role) : 'сотрудник';
      const notice = {
        kind: 'audit.pd_reveal_alert',
        title: 'Необычно много просмотров персональных данных',
        body: `Учётная запись «${heavy.name ?? heavy.actorId}» (${role}) за последний час открыла персональные данные ${heavy.revealed} ${plural(heavy.revealed, ['раз', 'раза', 'раз'])} при пороге ${threshold}. Проверьте в журнале аудита, чем это вызвано.`,
        link: `/staff/audit?actor=${heavy.actorId}`,
      };
      for (const recipient of recipients) {
        if (recipient !== heavy.actorId) await notifyAccount(ctx, tx, afterCommit, recipient, notice);
      }
    });
  }
  return raised;
}
