import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IMPORT_LIMITS } from '@common/organisations.js';
import {
  opportunityImportConfirmQuerySchema,
  opportunityInputSchema,
  opportunityParamsSchema,
  staffOpportunitiesQuerySchema,
} from '@common/schemas/opportunities.js';
import { AppError } from '@server/lib/errors.js';
import { attachmentDisposition } from '@server/lib/file-names.js';
import { receiveUpload, type UploadRules } from '@server/lib/uploads.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { confirmOpportunityImport, opportunityTemplate, previewOpportunityImport } from './import.service.js';
import {
  archiveOpportunity,
  createOpportunity,
  getOpportunityFor,
  listOpportunitiesFor,
  opportunityCard,
  updateOpportunityFor,
} from './opportunities.service.js';

const UPLOAD_RULES: UploadRules = {
  maxBytes: IMPORT_LIMITS.maxBytes,
  missing: () => new AppError('file_missing', 400, 'Выберите файл с возможностями'),
  tooLarge: () => new AppError('file_too_large', 413, `Файл больше ${IMPORT_LIMITS.maxBytes / 1024 / 1024} МБ. Разделите таблицу на несколько файлов`),
};

/**
 * Regional opportunities: the coordinator keeps its region's, the issuer the federal ones and reads
 * all; anyone signed in opens a published card.
 */
export const opportunitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const manage = app.authorize('opportunities.manage');
  const card = app.authorize('opportunities.card');
  const tags = ['opportunities'];
  const params = opportunityParamsSchema;

  app.get(
    '/staff/opportunities',
    { onRequest: manage, schema: { tags, summary: "Opportunities the caller keeps, paged, in region and title order", querystring: staffOpportunitiesQuerySchema } },
    async (request) => listOpportunitiesFor(app.ctx, request.principal!, request.query),
  );
  app.post(
    '/staff/opportunities',
    { onRequest: manage, schema: { tags, summary: "A new opportunity: the coordinator's region's, or a federal one from the issuer", body: opportunityInputSchema } },
    async (request, reply) => reply.status(201).send(await createOpportunity(app.ctx, request.principal!, request.body, actorOf(request))),
  );
  app.get(
    '/staff/opportunities/import/template',
    { onRequest: manage, schema: { tags, summary: 'The CSV template of an opportunities file with an example row' } },
    async (_request, reply) => {
      const file = await opportunityTemplate();
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentDisposition('Шаблон возможностей.csv'))
        .send(file.body);
    },
  );
  app.post(
    '/staff/opportunities/import/preview',
    { onRequest: manage, schema: { tags, summary: 'Check a CSV or XLSX file of opportunities row by row; nothing is written', consumes: ['multipart/form-data'] } },
    async (request) => previewOpportunityImport(app.ctx, request.principal!, (await receiveUpload(request, UPLOAD_RULES)).data),
  );
  app.post(
    '/staff/opportunities/import',
    {
      onRequest: manage,
      schema: { tags, summary: 'Import the valid rows of the previewed file, in one transaction', consumes: ['multipart/form-data'], querystring: opportunityImportConfirmQuerySchema },
    },
    async (request, reply) =>
      reply.status(201).send(await confirmOpportunityImport(app.ctx, request.principal!, (await receiveUpload(request, UPLOAD_RULES)).data, request.query.sha256, actorOf(request))),
  );
  app.get(
    '/staff/opportunities/:opportunityId',
    { onRequest: manage, schema: { tags, summary: 'One opportunity as its form edits it', params } },
    async (request) => getOpportunityFor(app.ctx, request.principal!, request.params.opportunityId),
  );
  app.put(
    '/staff/opportunities/:opportunityId',
    { onRequest: manage, schema: { tags, summary: 'Change an opportunity', params, body: opportunityInputSchema } },
    async (request) => updateOpportunityFor(app.ctx, request.principal!, request.params.opportunityId, request.body, actorOf(request)),
  );
  app.post(
    '/staff/opportunities/:opportunityId/archive',
    { onRequest: manage, schema: { tags, summary: 'Archive an opportunity: its card closes for families', params } },
    async (request) => archiveOpportunity(app.ctx, request.principal!, request.params.opportunityId, actorOf(request)),
  );
  app.get(
    '/opportunities/:opportunityId',
    { onRequest: card, schema: { tags, summary: 'The card of a published opportunity, of any region', params } },
    async (request) => opportunityCard(app.ctx, request.params.opportunityId),
  );
};
