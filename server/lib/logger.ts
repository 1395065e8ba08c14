import type { FastifyServerOptions } from 'fastify';
import { stdSerializers, type DestinationStream } from 'pino';
import type { Config } from '../config.js';

const CENSOR = '[скрыто]';

/**
 * Logs never carry personal data: request lines are written by our own hook with the path only,
 * and these redactions are the safety net for anything that logs an object carelessly.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.snils',
  '*.token',
  '*.documentNumber',
  '*.ovzDetails',
  '*.email',
  '*.phone',
];

/** Fields of database errors that hold the statement's values (a unique violation's detail reads "Key (email)=(…)"). */
const VALUE_FIELDS = ['params', 'detail', 'queryOptions'];

/**
 * The standard error serializer, minus the values of a failed statement. Drizzle writes them into
 * its message, and so into the stack, as `params: a,b,c`; PGlite and pg attach them as fields. The
 * statement text and the error code stay, which is what a 500 is debugged from.
 */
export function serializeErrWithoutValues(err: Error): ReturnType<typeof stdSerializers.err> {
  const out = stdSerializers.err(err);
  // Anything logged under `err` that is not an error comes back as it went in.
  if (!out || typeof out !== 'object') return out;
  for (const field of VALUE_FIELDS) if (out[field] !== undefined) out[field] = CENSOR;
  const rendered: string[] = [];
  let e: { params?: unknown; cause?: unknown } | undefined = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++, e = e.cause as typeof e) {
    if (Array.isArray(e.params) && e.params.length > 0) rendered.push(`params: ${e.params.join(',')}`);
  }
  for (const r of rendered) {
    out.message = out.message.split(r).join(`params: ${CENSOR}`);
    if (typeof out.stack === 'string') out.stack = out.stack.split(r).join(`params: ${CENSOR}`);
  }
  return out;
}

export function createLoggerOptions(config: Config, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    serializers: { err: serializeErrWithoutValues },
    ...(stream ? { stream } : {}),
  };
}
