import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { PAPER_CONSENT_LIMITS } from '@common/organisations.js';
import { idParamsSchema } from '@common/schemas/identity.js';
import {
  assignPaperConsentSchema,
  paperConsentListQuerySchema,
  paperConsentUploadFieldsSchema,
} from '@common/schemas/paper-consents.js';
import { AppError, badRequest } from '@server/lib/errors.js';
import { attachmentDisposition } from '@server/lib/file-names.js';
import { receiveUpload, type UploadRules } from '@server/lib/uploads.js';
import { actorOf } from '@server/plugins/request-actor.js';
import {
  assignPaperConsent,
  fileTooLarge,
  listReadablePaperConsents,
  openPaperConsentFile,
  recordRefusedUpload,
  uploadPaperConsent,
} from './paper-consents.service.js';

const UPLOAD_RULES: UploadRules = {
  maxBytes: PAPER_CONSENT_LIMITS.maxBytes,
  missing: () => badRequest('file_missing', 'Прикрепите файл со сканом согласия', { file: 'Выберите файл' }),
  tooLarge: fileTooLarge,
};

export const paperConsentRoutes: FastifyPluginAsyncZod = async (app) => {
  const upload = app.authorize('paper_consents.upload');
  const read = app.authorize('paper_consents.read');

  app.post(
    '/paper-consents',
    {
      onRequest: upload,
      schema: {
        tags: ['paper-consents'],
        summary: 'A school uploads a scanned paper consent (multipart: participantId?, then file; PDF, JPEG or PNG up to 10 MB)',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      try {
        const received = await receiveUpload(request, UPLOAD_RULES);
        const { participantId } = paperConsentUploadFieldsSchema.parse(received.fields);
        const view = await uploadPaperConsent(app.ctx, request.principal!, received, participantId, actor);
        return reply.status(201).send(view);
      } catch (err) {
        if (err instanceof ZodError) await recordRefusedUpload(app.ctx, actor, 'invalid_input');
        else if (err instanceof AppError && err.status < 500) await recordRefusedUpload(app.ctx, actor, err.code);
        throw err;
      }
    },
  );

  app.get(
    '/paper-consents',
    {
      onRequest: read,
      schema: {
        tags: ['paper-consents'],
        summary: "Scans the caller may read: a school its own, a coordinator its region's, a parent its linked children's",
        querystring: paperConsentListQuerySchema,
      },
    },
    async (request) => listReadablePaperConsents(app.ctx, request.principal!, request.query),
  );

  app.patch(
    '/paper-consents/:id',
    {
      onRequest: upload,
      schema: {
        tags: ['paper-consents'],
        summary: 'The uploading school marks which of its pupils a scan belongs to (null takes the mark off)',
        params: idParamsSchema,
        body: assignPaperConsentSchema,
      },
    },
    async (request) => assignPaperConsent(app.ctx, request.principal!, request.params.id, request.body.participantId, actorOf(request)),
  );

  app.get(
    '/paper-consents/:id/file',
    {
      // A HEAD would decrypt the scan and record a view that nobody saw.
      exposeHeadRoute: false,
      onRequest: read,
      schema: {
        tags: ['paper-consents'],
        summary: 'The decrypted scan as a download (audited); 404 to anyone but the school, its coordinator and the child’s parents',
        params: idParamsSchema,
      },
    },
    async (request, reply) => {
      const file = await openPaperConsentFile(app.ctx, request.principal!, request.params.id, actorOf(request));
      return reply
        .header('content-type', file.mimeType)
        .header('content-length', file.data.length)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.data);
    },
  );
};
