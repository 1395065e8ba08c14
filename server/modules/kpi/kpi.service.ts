import { KPI_METRICS, metricsOfLevel, type KpiLevel, type KpiMetricCode } from '@common/kpi.js';
import { PLAN_STAGES, PLAN_STAGE_LABELS } from '@common/guidance.js';
import type { KpiChildRow, KpiChildTable, KpiDashboard, KpiDashboardQuery, KpiScopeRef, KpiSeason, KpiTargetsInput } from '@common/schemas/kpi.js';
import { todayInMoscow } from '@common/validators.js';
import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { badRequest, forbidden, notFound } from '@server/lib/errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { navigatorStageCounts } from '../study-plans/index.js';
import { BoundedCache } from '@server/lib/bounded-cache.js';
import { figuresVersion, forgetFiguresVersion } from './figures-version.js';
import { addCounters, figuresOf, metricValue, targetsInOrder, ZERO } from './figures.js';
import { KPI_REFRESH_SECONDS } from './kpi.schedule.js';
import { canSeeScope, canSetTargets, ownScope, setsTargetsOf, type KpiCaller } from './kpi.policy.js';
import {
  digestScopes,
  eventRows,
  findScope,
  listSeasons,
  organisationRows,
  regionRows,
  seasonExists,
  staffRows,
  summedCounters,
  targetsOf,
  weeklyCounters,
  writeTargets,
  type ChildRow,
  type DigestScopeRow,
  type Page,
  type ScopeInfo,
  type SeasonRow,
  type WeekRange,
} from './kpi.repository.js';

/** Rows of a drill-down table per page. */
export const KPI_PAGE_SIZE = 25;
const GRADES = [6, 7, 8, 9, 10, 11] as const;

const scopeNotFound = () => notFound('Показатели не найдены');

/** The Monday of a date's week, and the Sunday that ends it. */
function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
export function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function toSeason(row: SeasonRow, today: string): KpiSeason {
  return { id: row.id, name: row.name, startsOn: row.starts_on, endsOn: row.ends_on, current: row.starts_on <= today && today <= row.ends_on };
}

/** The season asked for, else the current one, else the last one begun, else the first to come. */
function chooseSeason(seasons: KpiSeason[], asked: number | undefined, today: string): KpiSeason {
  if (asked !== undefined) {
    const found = seasons.find((s) => s.id === asked);
    if (!found) throw notFound('Такого сезона нет');
    return found;
  }
  const chosen = seasons.find((s) => s.current) ?? [...seasons].reverse().find((s) => s.startsOn <= today) ?? seasons[0];
  if (!chosen) throw notFound('Сезоны программы ещё не заведены');
  return chosen;
}

/** The period within the season, in whole weeks: by default from the season's start up to today. */
function periodOf(season: KpiSeason, query: Pick<KpiDashboardQuery, 'from' | 'to'>, today: string) {
  const from = query.from && query.from > season.startsOn ? query.from : season.startsOn;
  const until = query.to ?? (today < season.startsOn ? season.endsOn : today);
  const to = until < season.endsOn ? until : season.endsOn;
  if (from > to) throw badRequest('invalid_input', 'Период не пересекается с сезоном', { from: 'Период вне сезона' });
  const fromWeek = mondayOf(from);
  const toWeek = mondayOf(to);
  return { range: { seasonId: season.id, fromWeek, toWeek } satisfies WeekRange, period: { from: fromWeek, to: plusDays(toWeek, 6) } };
}

interface Cursor {
  table: KpiChildTable['kind'];
  key: string;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.table, c.key, c.id])).toString('base64url');
}

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3 && parsed.every((p) => typeof p === 'string')) {
      const [table, key, id] = parsed as [KpiChildTable['kind'], string, string];
      return { table, key, id };
    }
  } catch {
    // Falls through to the same answer as any other malformed cursor.
  }
  throw badRequest('invalid_input', 'Неверная страница', { cursor: 'Неверная страница' });
}

function scopeRef(scope: ScopeInfo): KpiScopeRef {
  return { level: scope.level, id: scope.id, name: scope.level === 'federal' ? 'Вся программа' : scope.name };
}

/** From the programme down to the scope, only the steps the caller may open. */
function pathOf(caller: KpiCaller, scope: ScopeInfo): KpiScopeRef[] {
  const steps: ScopeInfo[] = [{ ...scope, level: 'federal', id: null, name: '' }];
  if (scope.level !== 'federal' && scope.regionId !== null) steps.push({ ...scope, level: 'region', id: String(scope.regionId), name: scope.regionName ?? '' });
  if ((scope.level === 'school' || scope.level === 'navigator') && scope.schoolId) steps.push({ ...scope, level: 'school', id: scope.schoolId, name: scope.schoolName ?? '' });
  if ((scope.level === 'venue' || scope.level === 'mentor') && scope.venueId) steps.push({ ...scope, level: 'venue', id: scope.venueId, name: scope.venueName ?? '' });
  if (scope.level === 'navigator' || scope.level === 'mentor') steps.push(scope);
  return steps.filter((s) => canSeeScope(caller, s)).map(scopeRef);
}

interface TableSpec {
  kind: KpiChildTable['kind'];
  title: string;
  /** The level of the rows' own scopes, whose targets they carry; the weekly figures' scope level. */
  level: KpiLevel | 'class' | 'event';
  metrics: KpiMetricCode[];
  rows: (page: Page) => Promise<ChildRow[]>;
}

const EVENT_METRICS = metricsOfLevel('venue');

function tablesOf(ctx: AppContext, scope: ScopeInfo, period: { from: string; to: string }): TableSpec[] {
  switch (scope.level) {
    case 'federal':
      return [{ kind: 'regions', title: 'Регионы', level: 'region', metrics: metricsOfLevel('region'), rows: (p) => regionRows(ctx.db, p) }];
    case 'region':
      return [
        { kind: 'schools', title: 'Школы', level: 'school', metrics: metricsOfLevel('school'), rows: (p) => organisationRows(ctx.db, 'schools', scope.regionId!, p) },
        { kind: 'venues', title: 'Площадки', level: 'venue', metrics: metricsOfLevel('venue'), rows: (p) => organisationRows(ctx.db, 'venues', scope.regionId!, p) },
      ];
    case 'school':
      return [
        {
          kind: 'classes',
          title: 'Параллели',
          level: 'class',
          metrics: metricsOfLevel('school'),
          rows: async () => GRADES.map((g) => ({ id: `${scope.id}:${g}`, name: `${g} класс`, sortKey: String(g), note: null })),
        },
        { kind: 'navigators', title: 'Педагоги-навигаторы', level: 'navigator', metrics: metricsOfLevel('navigator'), rows: (p) => staffRows(ctx.db, 'navigator', { schoolId: scope.id! }, p) },
      ];
    case 'venue':
      return [
        { kind: 'events', title: 'Мероприятия', level: 'event', metrics: EVENT_METRICS, rows: (p) => eventRows(ctx.db, { venueId: scope.id! }, period, p) },
        { kind: 'mentors', title: 'Наставники', level: 'mentor', metrics: metricsOfLevel('mentor'), rows: (p) => staffRows(ctx.db, 'mentor', { venueId: scope.id! }, p) },
      ];
    case 'mentor':
      return [{ kind: 'events', title: 'Мероприятия', level: 'event', metrics: EVENT_METRICS, rows: (p) => eventRows(ctx.db, { mentorId: scope.id! }, period, p) }];
    case 'navigator':
      return [];
  }
}

/** Rows that open a dashboard of their own: only dashboard levels do, not classes or events. */
const OPENS: Partial<Record<TableSpec['level'], KpiLevel>> = { region: 'region', school: 'school', venue: 'venue', navigator: 'navigator', mentor: 'mentor' };

async function childTable(
  ctx: AppContext,
  caller: KpiCaller,
  spec: TableSpec,
  range: WeekRange,
  cursor: Cursor | null,
  allRows: boolean,
): Promise<KpiChildTable> {
  const page: Page = {
    after: cursor && cursor.table === spec.kind ? { key: cursor.key, id: cursor.id } : null,
    limit: allRows ? null : KPI_PAGE_SIZE + 1,
  };
  const fetched = await spec.rows(page);
  const rows = allRows ? fetched : fetched.slice(0, KPI_PAGE_SIZE);
  const more = !allRows && fetched.length > KPI_PAGE_SIZE;
  const ids = rows.map((r) => r.id);
  const opens = OPENS[spec.level];
  const [sums, targets] = await Promise.all([
    summedCounters(ctx.db, spec.level, ids, range),
    opens ? targetsOf(ctx.db, range.seasonId, opens, ids) : Promise.resolve(new Map<string, Map<string, number>>()),
  ]);
  const last = rows.at(-1);
  return {
    kind: spec.kind,
    title: spec.title,
    metrics: spec.metrics,
    rows: rows.map((r): KpiChildRow => ({
      ref: opens ? { level: opens, id: r.id, name: r.name } : null,
      note: r.note ?? (spec.level === 'class' || spec.level === 'event' ? r.name : null),
      ...(r.district ? { district: r.district } : {}),
      values: spec.metrics.map((m) => metricValue(m, sums.get(r.id) ?? ZERO)),
      targets: targetsInOrder(spec.metrics, targets.get(r.id)),
    })),
    nextCursor: more && last ? encodeCursor({ table: spec.kind, key: last.sortKey, id: last.id }) : null,
    targetsEditable: opens !== undefined && setsTargetsOf(caller, opens),
  };
}

async function stagesTable(ctx: AppContext, navigatorId: string): Promise<KpiChildTable> {
  const counts = await navigatorStageCounts(ctx.db, navigatorId);
  return {
    kind: 'stages',
    title: 'Участники по этапам',
    metrics: [],
    rows: PLAN_STAGES.map((stage) => ({ ref: null, note: PLAN_STAGE_LABELS[stage], count: counts[stage], values: [], targets: null })),
    nextCursor: null,
    targetsEditable: false,
  };
}

/** Which scope the query names: the caller's own unless it names another, which must be the caller's to see. */
async function resolveScope(ctx: AppContext, caller: KpiCaller, query: Pick<KpiDashboardQuery, 'level' | 'id'>): Promise<ScopeInfo> {
  const own = ownScope(caller);
  const level = query.level ?? own?.level;
  if (!level) throw scopeNotFound();
  const id = level === 'federal' ? null : (query.id ?? (own?.level === level ? own.id : null));
  const scope = await findScope(ctx.db, level, id);
  if (!scope || !canSeeScope(caller, scope)) throw scopeNotFound();
  return scope;
}

export interface DashboardOptions {
  /** Every row of every table, no paging: for exports and reports. */
  allRows?: boolean;
  /** The scope's own figures only, no drill-down tables: for the digest, which shows none. */
  figuresOnly?: boolean;
}

/**
 * A scope's dashboard: its figures for the period against its targets, week by week, and the
 * scopes under it with theirs. Reads only the weekly figures the refresh job keeps.
 */
export async function dashboardFor(ctx: AppContext, caller: KpiCaller, query: KpiDashboardQuery, opts: DashboardOptions = {}): Promise<KpiDashboard> {
  const scope = await resolveScope(ctx, caller, query);
  const today = todayInMoscow();
  const cursor = decodeCursor(query.cursor);
  const [seasonRows, version] = await Promise.all([listSeasons(ctx.db, scope.regionId), figuresVersion(ctx.db)]);
  const seasons = seasonRows.map((s) => toSeason(s, today));
  const season = chooseSeason(seasons, query.season, today);
  const { range, period } = periodOf(season, query, today);

  const scopeId = scope.id ?? '';
  const metrics = metricsOfLevel(scope.level);
  const [weeks, ownTargets, children] = await Promise.all([
    weeklyCounters(ctx.db, scope.level, scopeId, range),
    scope.level === 'federal' ? Promise.resolve(new Map<string, Map<string, number>>()) : targetsOf(ctx.db, season.id, scope.level, [scopeId]),
    opts.figuresOnly
      ? Promise.resolve([])
      : scope.level === 'navigator'
      ? stagesTable(ctx, scopeId).then((t) => [t])
      : Promise.all(tablesOf(ctx, scope, period).map((spec) => childTable(ctx, caller, spec, range, cursor, opts.allRows === true))),
  ]);
  const total = weeks.reduce((sum, w) => addCounters(sum, w), { ...ZERO });
  const countMetrics = metrics.filter((m) => KPI_METRICS[m].unit === 'count');
  return {
    scope: scopeRef(scope),
    path: pathOf(caller, scope),
    season,
    seasons,
    period,
    figures: figuresOf(metrics, total, ownTargets.get(scopeId)),
    weekly: weeks.map((w) => ({
      weekStart: w.week,
      values: Object.fromEntries(countMetrics.map((m) => [m, figuresOf([m], w, undefined)[0]!.value ?? 0])),
    })),
    children,
    targetsEditable: canSetTargets(caller, scope),
    updatedAt: version.refreshedAt?.toISOString() ?? null,
    refreshSeconds: KPI_REFRESH_SECONDS,
  };
}

/** Per app: a test process runs several, each on its own database. */
const caches = new WeakMap<AppContext, BoundedCache<string, Buffer>>();

/**
 * The dashboard as the route sends it, from memory while neither the figures, the targets nor the
 * day changed. The key holds everything the answer depends on: the caller's role and scope
 * (callers alike see alike), the query, the day and the figures' version.
 */
export async function dashboardJson(ctx: AppContext, caller: KpiCaller, query: KpiDashboardQuery): Promise<Buffer> {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new BoundedCache<string, Buffer>(2000)));
  const personal = caller.role === 'navigator' || caller.role === 'mentor' ? caller.accountId : '';
  const version = await figuresVersion(ctx.db);
  const key = [
    caller.role,
    caller.regionId ?? '',
    caller.schoolId ?? '',
    caller.venueId ?? '',
    personal,
    query.level ?? '',
    query.id ?? '',
    query.season ?? '',
    query.from ?? '',
    query.to ?? '',
    query.cursor ?? '',
    todayInMoscow(),
    version.key,
  ].join('|');
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  // Kept encoded: a page of schools is tens of kilobytes of Cyrillic, not worth encoding per request.
  const json = Buffer.from(JSON.stringify(await dashboardFor(ctx, caller, query)));
  cache.set(key, json);
  return json;
}

export async function seasonsFor(ctx: AppContext, caller: KpiCaller): Promise<{ seasons: KpiSeason[] }> {
  const own = ownScope(caller);
  const scope = own ? await findScope(ctx.db, own.level, own.id) : null;
  const today = todayInMoscow();
  return { seasons: (await listSeasons(ctx.db, scope?.regionId ?? null)).map((s) => toSeason(s, today)) };
}

/** Sets a scope's targets for a season: only its setter (TARGET_SETTER) within its own scope; audited. */
export async function setTargets(ctx: AppContext, caller: KpiCaller, input: KpiTargetsInput, actor: AuditActor): Promise<void> {
  const scope = await findScope(ctx.db, input.level, input.id);
  if (!scope || !canSeeScope(caller, scope)) throw scopeNotFound();
  if (!canSetTargets(caller, scope)) throw forbidden('Цели этому уровню ставит вышестоящий уровень');
  if (!(await seasonExists(ctx.db, input.season))) throw notFound('Такого сезона нет');
  const allowed = new Set<string>(metricsOfLevel(input.level));
  const entries = Object.entries(input.targets) as Array<[KpiMetricCode, number | null]>;
  const foreign = entries.filter(([m]) => !allowed.has(m)).map(([m]) => m);
  if (foreign.length > 0) {
    throw badRequest('invalid_input', `Для этого уровня нет показателя: ${foreign.map((m) => KPI_METRICS[m].name).join(', ')}`, {
      targets: 'Показатель не относится к этому уровню',
    });
  }
  const shares = entries.filter(([m, t]) => t !== null && KPI_METRICS[m].unit === 'share' && t > 1).map(([m]) => m);
  if (shares.length > 0) throw badRequest('invalid_input', 'Цель для доли — число от 0 до 1', { [`targets.${shares[0]}`]: 'Доля — от 0 до 1' });
  await inTransaction(ctx.db, async (tx) => {
    await writeTargets(tx, { seasonId: input.season, level: input.level, id: scope.id! }, entries, caller.accountId);
    await recordAudit(tx, actor, 'kpi.targets_set', input.level === 'region' ? null : scope.id, {
      season: input.season,
      level: input.level,
      scope: scope.id,
      metrics: entries.length,
    });
  });
  forgetFiguresVersion(ctx.db);
}

export type DigestScope = DigestScopeRow;

/** Whom the weekly digest goes to: each coordinator's region and each school, with their e-mails. */
export async function listDigestScopes(ctx: AppContext): Promise<DigestScope[]> {
  return digestScopes(ctx.db);
}
