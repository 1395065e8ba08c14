import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from '../config.js';

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

export function createLoggerOptions(config: Config, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[скрыто]' },
    ...(stream ? { stream } : {}),
  };
}
