import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '@server/lib/errors.js';
import { refuseNul } from '@server/lib/text-guard.js';
import { SUPPORT_LIMITS } from '@common/support/requests.js';
import { attachmentTooLarge, type IncomingFile } from './support.service.js';

const TEXT_FIELD_BYTES = 64 * 1024;

const malformed = () => badRequest('malformed_upload', 'Форма пришла не полностью. Проверьте связь и отправьте её ещё раз');
const tooManyFiles = () => badRequest('too_many_files', `Приложите не больше ${SUPPORT_LIMITS.maxAttachments} файлов`, { files: 'Слишком много файлов' });

/**
 * The request form as multipart/form-data: its text fields and up to three files in «files», each
 * read whole within the size limit. A JSON body (no files) is taken as it is.
 */
export async function receiveRequestForm(request: FastifyRequest): Promise<{ fields: Record<string, unknown>; files: IncomingFile[] }> {
  if (!request.isMultipart()) {
    const body = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('invalid_input', 'Заполните форму обращения');
    return { fields: body as Record<string, unknown>, files: [] };
  }
  const fields: Record<string, unknown> = {};
  const files: IncomingFile[] = [];
  try {
    const parts = request.parts({
      limits: { files: SUPPORT_LIMITS.maxAttachments, fileSize: SUPPORT_LIMITS.maxAttachmentBytes, fields: 12, fieldSize: TEXT_FIELD_BYTES, parts: 16 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'files') {
          part.file.resume();
          throw badRequest('unexpected_file', 'Файлы прикладываются в поле «files»');
        }
        const data = await part.toBuffer().catch((err: unknown) => {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw attachmentTooLarge();
          throw err;
        });
        files.push({ data, fileName: part.filename });
      } else {
        if (part.valueTruncated) throw badRequest('field_too_long', 'Одно из полей формы слишком длинное');
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw tooManyFiles();
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw attachmentTooLarge();
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw badRequest('too_many_parts', 'В форме слишком много полей');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('unsupported_media_type', 415, 'Отправьте форму как multipart/form-data');
    throw malformed();
  }
  refuseNul(fields);
  return { fields, files };
}
