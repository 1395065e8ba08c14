import type { FastifyInstance } from 'fastify';

/** Route config for endpoints that send e-mail or create accounts: a per-address ceiling against abuse. */
export function mailingRateLimit(app: FastifyInstance) {
  return { rateLimit: { max: app.ctx.config.rateLimitPerMinute, timeWindow: '1 minute' } };
}
