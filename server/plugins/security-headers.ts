import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's headers on every answer, from a middleware built once. @fastify/helmet rebuilt it (and
 * re-parsed the CSP) on each request, which cost a few per cent of every route's throughput.
 */
export const securityHeadersPlugin = fp<HelmetOptions>(async (app, options) => {
  const setHeaders = helmet(options);
  app.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, (err) => done(err instanceof Error ? err : undefined)));
});
