import { finished } from 'node:stream';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from './errors.js';
import { refuseNul } from './text-guard.js';

/** One file sent as multipart/form-data in the field «file», read whole into memory. */
export interface ReceivedUpload {
  data: Buffer;
  /** The name the browser sent; only a label, to be sanitised before it is kept. */
  fileName: string | undefined;
  /** The text fields sent before the file (a repeated field comes as an array); the web app sends them first. */
  fields: Record<string, unknown>;
}

export interface UploadRules {
  maxBytes: number;
  /** The answer when no part is a file named «file». */
  missing: () => AppError;
  /** The answer when the file passes maxBytes. */
  tooLarge: () => AppError;
}

const malformed = () => badRequest('malformed_upload', 'Файл пришёл не полностью. Проверьте связь и загрузите его ещё раз');

/** Busboy's own failures, told in words a person can act on; never a 500. */
function multipartFailure(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new AppError('unsupported_media_type', 415, 'Отправьте файл формой multipart/form-data в поле «file»');
  }
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return badRequest('too_many_parts', 'Загружайте по одному файлу за раз');
  }
  return malformed();
}

/**
 * The file's bytes, or 'too_large' once it passed the limit: the refusal goes out at once and busboy
 * reads the rest of the body and drops it, because closing the socket on unread data resets it and
 * the client would lose the answer.
 */
async function readWhole(stream: MultipartFile['file']): Promise<Buffer | 'too_large'> {
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('limit', () => resolve());
    finished(stream, (err) => (err ? reject(multipartFailure(err)) : resolve()));
  });
  // Busboy may have parsed the whole body while the part was being handed over, before these
  // listeners existed: the limit passed then shows only as `truncated`, and a body cut off mid-file
  // as a stream destroyed before its end, which finished() reports as success (with 'end' and
  // 'error' listeners alone the request hung).
  if (stream.truncated) return 'too_large';
  if (!stream.readableEnded) throw malformed();
  return Buffer.concat(chunks);
}

/** Receives the request's one file within the rules; every way a form can be broken is a 4xx. */
export async function receiveUpload(request: FastifyRequest, rules: UploadRules): Promise<ReceivedUpload> {
  let part: MultipartFile | undefined;
  try {
    part = await request.file({ throwFileSizeLimit: false, limits: { fileSize: rules.maxBytes } });
  } catch (err) {
    throw multipartFailure(err);
  }
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw rules.missing();
  }
  const data = await readWhole(part.file);
  if (data === 'too_large') throw rules.tooLarge();
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    if (name === 'file') continue;
    // With one file allowed per request, every other part is a text field.
    const values = ([] as unknown[]).concat(value).map((v) => (v as MultipartValue).value);
    fields[name] = values.length === 1 ? values[0] : values;
  }
  // Form fields bypass the body the edge rule sees, so the same rule is applied to them here.
  refuseNul(fields);
  return { data, fileName: part.filename, fields };
}
