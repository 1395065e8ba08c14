import type { FastifyRequest } from 'fastify';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { PAPER_CONSENT_LIMITS } from '../../../common/organisations.js';
import { idParamsSchema } from '../../../common/schemas/identity.js';
import {
  assignPaperConsentSchema,
  paperConsentListQuerySchema,
  paperConsentUploadFieldsSchema,
} from '../../../common/schemas/paper-consents.js';
import { AppError, badRequest } from '../../lib/errors.js';
import { attachmentDisposition } from '../../lib/file-names.js';
import { actorOf } from '../../plugins/request-actor.js';
import {
  assignPaperConsent,
  fileTooLarge,
  listReadablePaperConsents,
  openPaperConsentFile,
  recordRefusedUpload,
  uploadPaperConsent,
  type ReceivedFile,
} from './paper-consents.service.js';

interface ReceivedUpload extends ReceivedFile {
  participantId: string | undefined;
}

/** Busboy's own failures, told in words a school can act on. */
function multipartFailure(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new AppError('unsupported_media_type', 415, 'Отправьте файл формой multipart/form-data в поле «file»');
  }
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return badRequest('too_many_parts', 'Загружайте по одному файлу за раз');
  }
  return badRequest('malformed_upload', 'Файл пришёл не полностью. Проверьте связь и загрузите его ещё раз');
}

/**
 * Reads the one file of the request into memory, never more than the limit. The moment the file
 * passes it the refusal is sent; the rest of the body is read and dropped, never kept, because
 * closing the socket on unread data resets it and the client would lose the answer.
 */
async function receiveUpload(request: FastifyRequest): Promise<ReceivedUpload> {
  let part: MultipartFile | undefined;
  try {
    part = await request.file({ throwFileSizeLimit: false, limits: { fileSize: PAPER_CONSENT_LIMITS.maxBytes } });
  } catch (err) {
    throw multipartFailure(err);
  }
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw badRequest('file_missing', 'Прикрепите файл со сканом согласия', { file: 'Выберите файл' });
  }
  const stream = part.file;
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('limit', () => {
      chunks.length = 0;
      resolve();
    });
    stream.once('end', () => resolve());
    stream.once('error', (err) => reject(multipartFailure(err)));
  });
  if (stream.truncated) throw fileTooLarge();
  // Only the fields sent before the file are known here; the web app sends them first.
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    if (name !== 'file') fields[name] = (value as MultipartValue | undefined)?.value;
  }
  const { participantId } = paperConsentUploadFieldsSchema.parse(fields);
  return { data: Buffer.concat(chunks), declaredName: part.filename, participantId };
}

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
        const received = await receiveUpload(request);
        const view = await uploadPaperConsent(app.ctx, request.principal!, received, received.participantId, actor);
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
