import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { kpiDashboardQuerySchema, kpiExportQuerySchema, kpiReportQuerySchema, kpiTargetsInputSchema } from '@common/schemas/kpi.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { exportDisposition, type KpiExportFile } from './exports/kpi-export.js';
import { exportDashboardTable, seasonReport } from './kpi-files.service.js';
import { dashboardJson, seasonsFor, setTargets } from './kpi.service.js';

/** KPI dashboards of every level, the seasons, and targets set by the level above. */
export const kpiRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['kpi'];
  app.get(
    '/kpi/dashboard',
    {
      onRequest: app.authorize('kpi.read'),
      schema: {
        tags,
        summary: "A scope's figures for a season's period against targets, week by week, with the scopes under it (the caller's own by default)",
        querystring: kpiDashboardQuerySchema,
      },
    },
    async (request, reply) => reply.type('application/json; charset=utf-8').send(await dashboardJson(app.ctx, request.principal!, request.query)),
  );
  const sendFile = (reply: FastifyReply, file: KpiExportFile) =>
    reply.header('content-type', file.contentType).header('content-disposition', exportDisposition(file)).header('cache-control', 'no-store').send(file.body);
  app.get(
    '/kpi/export',
    {
      onRequest: app.authorize('kpi.read'),
      schema: { tags, summary: "A dashboard's table, every row, as XLSX, CSV or Windows-1251 CSV", querystring: kpiExportQuerySchema },
    },
    async (request, reply) => sendFile(reply, await exportDashboardTable(app.ctx, request.principal!, request.query, actorOf(request))),
  );
  app.get(
    '/kpi/report',
    {
      onRequest: app.authorize('kpi.read'),
      schema: { tags, summary: "A region's or a school's season report as a PDF", querystring: kpiReportQuerySchema },
    },
    async (request, reply) => sendFile(reply, await seasonReport(app.ctx, request.principal!, request.query, actorOf(request))),
  );
  app.get(
    '/kpi/seasons',
    { onRequest: app.authorize('kpi.read'), schema: { tags, summary: "The programme's seasons with the caller's region's dates" } },
    async (request) => seasonsFor(app.ctx, request.principal!),
  );
  app.put(
    '/kpi/targets',
    {
      onRequest: app.authorize('kpi.targets'),
      schema: { tags, summary: "Set or remove a scope's targets for a season (the issuer a region's, the coordinator a school's or venue's, the school a navigator's)", body: kpiTargetsInputSchema },
    },
    async (request) => {
      await setTargets(app.ctx, request.principal!, request.body, actorOf(request));
      return { ok: true };
    },
  );
};
