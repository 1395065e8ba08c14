import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError } from '../lib/errors.js';

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; details?: unknown };
}

function fieldsFromIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code?: string; keys?: string[] }>) {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) fields[[...issue.path.map(String), key].join('.')] ??= 'Неизвестное поле';
      continue;
    }
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

const invalidInput = (fields: Record<string, string>): ErrorBody => ({
  error: { code: 'invalid_input', message: 'Проверьте введённые данные', fields },
});

/**
 * One place turns every failure into a JSON answer: field-level 400s for bad input, the AppError's
 * own status and Russian message, and a bare 500 whose details stay in the log.
 */
export const errorsPlugin = fp(async (app) => {
  app.setErrorHandler((err: FastifyError | AppError | ZodError, request, reply) => {
    if (err instanceof AppError) {
      const body: ErrorBody = {
        error: {
          code: err.code,
          message: err.message,
          ...(err.fields ? { fields: err.fields } : {}),
          ...(err.details !== undefined ? { details: err.details } : {}),
        },
      };
      return reply.status(err.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : [])],
        message: v.message ?? 'Неверное значение',
        code: v.keyword,
        keys: (v.params as { keys?: string[] }).keys,
      }));
      return reply.status(400).send(invalidInput(fieldsFromIssues(issues)));
    }
    if (err instanceof ZodError) return reply.status(400).send(invalidInput(fieldsFromIssues(err.issues)));
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (fe.statusCode === 400 && fe instanceof SyntaxError)) {
      return reply.status(400).send({ error: { code: 'malformed_json', message: 'Тело запроса — не корректный JSON' } });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ error: { code: 'unsupported_media_type', message: 'Отправьте данные в формате JSON' } });
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ error: { code: 'body_too_large', message: 'Слишком большой запрос' } });
    }
    if (fe.statusCode === 429) {
      return reply.status(429).send({ error: { code: 'too_many_requests', message: 'Слишком много запросов. Подождите немного и попробуйте снова' } });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ error: { code: 'bad_request', message: 'Некорректный запрос' } });
    }
    if (isResponseSerializationError(err)) request.log.error({ err }, 'response did not match its schema');
    else request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Что-то пошло не так. Мы уже разбираемся — попробуйте чуть позже' } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: 'Не найдено' } }),
  );
});
