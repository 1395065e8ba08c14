import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { archiveQuerySchema, dataSubjectQuerySchema, erasureInputSchema } from '@common/schemas/data-rights.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { archivePdf } from './archive-pdf.js';
import { archiveFor } from './archive.service.js';
import { cancelErasure, erasureStateFor, requestErasure } from './erasure.service.js';
import { retentionReport } from './retention.service.js';

/** The data subject's rights under 152-FZ: access to all its data (art. 14), erasure (art. 21), and the retention table. */
export const dataRightsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['data-rights'];
  app.get(
    '/data-rights/archive',
    {
      onRequest: app.authorize('data_rights.own'),
      schema: { tags, summary: "All data held about the caller or a parent's linked child, as JSON or a PDF, with who saw it and when", querystring: archiveQuerySchema },
    },
    async (request, reply) => {
      const { subjectId, format } = request.query;
      const archive = await archiveFor(app.ctx, request.principal!, subjectId, format, actorOf(request));
      const day = archive.generatedAt.slice(0, 10);
      reply.header('cache-control', 'no-store');
      if (format === 'pdf') {
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="personal-data-${day}.pdf"`)
          .send(await archivePdf(archive));
      }
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="personal-data-${day}.json"`)
        .send(JSON.stringify(archive, null, 2));
    },
  );
  app.get(
    '/data-rights/erasure',
    {
      onRequest: app.authorize('data_rights.erase'),
      schema: { tags, summary: 'Whether the account waits for erasure, and whether the caller may ask for it', querystring: dataSubjectQuerySchema },
    },
    async (request) => erasureStateFor(app.ctx, request.principal!, request.query.subjectId),
  );
  app.post(
    '/data-rights/erasure',
    {
      onRequest: app.authorize('data_rights.erase'),
      schema: { tags, summary: "Ask to erase the pupil's account: frozen at once, erased when the grace period ends", body: erasureInputSchema },
    },
    async (request, reply) => reply.status(201).send(await requestErasure(app.ctx, request.principal!, request.body.subjectId, actorOf(request))),
  );
  app.post(
    '/data-rights/erasure/cancel',
    {
      onRequest: app.authorize('data_rights.erase'),
      schema: { tags, summary: 'Take back a pending erasure request (the requester only): the account is unfrozen', body: erasureInputSchema },
    },
    async (request) => cancelErasure(app.ctx, request.principal!, request.body.subjectId, actorOf(request)),
  );
  app.get(
    '/data-rights/retention',
    { onRequest: app.authorize('data_rights.retention'), schema: { tags, summary: 'The retention table and the latest runs of its jobs' } },
    async (request) => retentionReport(app.ctx, actorOf(request)),
  );
};
