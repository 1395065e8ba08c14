import type { z } from 'zod';
import type { KpiDashboard, KpiExportQuery, kpiReportQuerySchema } from '@common/schemas/kpi.js';
import type { AppContext } from '@server/context.js';
import { badRequest } from '@server/lib/errors.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { dashboardFileNames, exportTable, type KpiExportFile } from './exports/kpi-export.js';
import { seasonReportPdf } from './report/season-report.js';
import { ownScope, type KpiCaller } from './kpi.policy.js';
import { dashboardFor } from './kpi.service.js';

/** The audit log's subject is a uuid: an organisation or a person; a region's number stays in the details. */
async function auditExport(ctx: AppContext, actor: AuditActor, { level, id }: KpiDashboard['scope'], table: string, format: string): Promise<void> {
  const subject = level === 'region' || level === 'federal' ? null : id;
  await recordAudit(ctx.db, actor, 'kpi.exported', subject, { level, scope: id, table, format });
}

/** A dashboard table as a file, every row of it: the same scope rules as the page, so nothing more than it shows. */
export async function exportDashboardTable(ctx: AppContext, caller: KpiCaller, query: KpiExportQuery, actor: AuditActor): Promise<KpiExportFile> {
  const { table, format, ...view } = query;
  const dashboard = await dashboardFor(ctx, caller, view, { allRows: true });
  const file = await exportTable(dashboard, table, format);
  await auditExport(ctx, actor, dashboard.scope, table, format);
  return file;
}

/** A region's or a school's season report as a PDF: the whole season up to today, every row. */
export async function seasonReport(ctx: AppContext, caller: KpiCaller, query: z.infer<typeof kpiReportQuerySchema>, actor: AuditActor): Promise<KpiExportFile> {
  const level = query.level ?? ownScope(caller)?.level;
  if (level !== 'region' && level !== 'school') throw badRequest('invalid_input', 'Отчёт за сезон строится для региона или школы');
  const dashboard = await dashboardFor(ctx, caller, { level, id: query.id, season: query.season }, { allRows: true });
  const body = await seasonReportPdf(dashboard);
  await auditExport(ctx, actor, dashboard.scope, 'report', 'pdf');
  return { ...dashboardFileNames(dashboard, { code: 'season-report', title: 'Отчёт за сезон' }, 'pdf'), contentType: 'application/pdf', body };
}
