import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';

/**
 * The connection for state several instances must share (rate limits). Short timeouts and one
 * retry: a slow Redis must not hold requests up, and what uses it passes when it cannot answer.
 */
export function connectRedis(url: string, log: FastifyBaseLogger): Redis {
  const redis = new Redis(url, { connectTimeout: 500, maxRetriesPerRequest: 1, enableAutoPipelining: true });
  // ioredis reconnects by itself; an unheard error event would otherwise be printed as unhandled.
  redis.on('error', (err: Error) => log.warn({ err: err.message }, 'Redis does not answer: rate limits are not counted until it does'));
  return redis;
}
