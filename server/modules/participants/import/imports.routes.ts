import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IMPORT_LIMITS } from '@common/organisations.js';
import { idParamsSchema } from '@common/schemas/identity.js';
import { importListQuerySchema, spreadsheetFormatQuerySchema } from '@common/schemas/participants.js';
import { AppError } from '@server/lib/errors.js';
import { attachmentDisposition } from '@server/lib/file-names.js';
import { receiveUpload, type UploadRules } from '@server/lib/uploads.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { cancelImport, confirmImport } from './decide-import.js';
import { importReport } from './import-report.js';
import { previewImport } from './preview-import.js';
import { listImports, viewImport } from './view-imports.js';
import { importTemplate } from './spreadsheet-export.js';

const MAX_MB = IMPORT_LIMITS.maxBytes / 1024 / 1024;

const UPLOAD_RULES: UploadRules = {
  maxBytes: IMPORT_LIMITS.maxBytes,
  missing: () => new AppError('file_missing', 400, 'Выберите файл со списком учеников'),
  tooLarge: () => new AppError('file_too_large', 413, `Файл больше ${MAX_MB} МБ. Разделите список на несколько файлов`),
};

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['imports'];
  const manage = app.authorize('imports.manage');

  app.get(
    '/imports/template',
    { onRequest: manage, schema: { tags, summary: 'The import template with Russian headers and an example row', querystring: spreadsheetFormatQuerySchema } },
    async (request, reply) => {
      const file = await importTemplate(request.query.format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentDisposition(`Шаблон списка учеников.${file.extension}`))
        .send(file.body);
    },
  );

  app.post(
    '/imports',
    { onRequest: manage, schema: { tags, summary: 'Upload a CSV or XLSX list of pupils: checked and previewed, nothing written yet', consumes: ['multipart/form-data'] } },
    async (request, reply) => reply.status(201).send(await previewImport(app.ctx, request.principal!, await receiveUpload(request, UPLOAD_RULES), actorOf(request))),
  );

  app.get(
    '/imports',
    { onRequest: manage, schema: { tags, summary: "The school's imports, paged", querystring: importListQuerySchema } },
    async (request) => listImports(app.ctx, request.principal!, request.query),
  );

  app.get(
    '/imports/:id',
    { onRequest: manage, schema: { tags, summary: 'An import: status, progress, counts, row errors and outcomes', params: idParamsSchema } },
    async (request) => viewImport(app.ctx, request.principal!, request.params.id),
  );

  app.get(
    '/imports/:id/report',
    {
      onRequest: manage,
      schema: { tags, summary: 'Row errors and outcomes as a spreadsheet', params: idParamsSchema, querystring: spreadsheetFormatQuerySchema },
    },
    async (request, reply) => {
      const file = await importReport(app.ctx, request.principal!, request.params.id, request.query.format);
      return reply.header('content-type', file.contentType).header('content-disposition', attachmentDisposition(file.fileName)).send(file.body);
    },
  );

  app.post(
    '/imports/:id/confirm',
    { onRequest: manage, schema: { tags, summary: 'Confirm a preview: the rows are written by a job, progress in GET /imports/:id', params: idParamsSchema } },
    async (request, reply) => reply.status(202).send(await confirmImport(app.ctx, request.principal!, request.params.id, actorOf(request))),
  );

  app.delete(
    '/imports/:id',
    { onRequest: manage, schema: { tags, summary: 'Cancel a preview', params: idParamsSchema } },
    async (request) => {
      await cancelImport(app.ctx, request.principal!, request.params.id, actorOf(request));
      return { ok: true };
    },
  );
};
