import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditAlertsQuerySchema, auditExportQuerySchema, auditSearchQuerySchema } from '@common/schemas/audit.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { alertsPage, exportLog, searchLog } from './audit-review.service.js';

/** The audit log's review: search, export and the alerts of heavy personal-data viewing. */
export const auditReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['audit'];
  app.get(
    '/audit/events',
    {
      onRequest: app.authorize('audit.review'),
      schema: { tags, summary: 'Search the audit log by person, actor, action and period, newest first, a page at a time (names shown are audited)', querystring: auditSearchQuerySchema },
    },
    async (request) => searchLog(app.ctx, request.principal!, request.query, actorOf(request)),
  );
  app.get(
    '/audit/export',
    {
      onRequest: app.authorize('audit.review'),
      schema: { tags, summary: 'The same search as a file (XLSX or CSV), every row up to the export limit', querystring: auditExportQuerySchema },
    },
    async (request, reply) => {
      const file = await exportLog(app.ctx, request.principal!, request.query, actorOf(request));
      return reply.header('content-type', file.contentType).header('content-disposition', file.disposition).header('cache-control', 'no-store').send(file.body);
    },
  );
  app.get(
    '/audit/alerts',
    {
      onRequest: app.authorize('audit.review'),
      schema: { tags, summary: 'Alerts of staff accounts that revealed more personal data in an hour than the threshold', querystring: auditAlertsQuerySchema },
    },
    async (request) => alertsPage(app.ctx, request.principal!, request.query, actorOf(request)),
  );
};
