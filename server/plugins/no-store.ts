import fp from 'fastify-plugin';

/**
 * API answers carry personal data (cabinets, lists of pupils, documents): no browser or proxy may
 * keep a copy, where the next person at a school's shared computer could find it. So every /api
 * answer is `no-store` unless its route sets its own Cache-Control, which only a route whose
 * answer is the same for everyone may do.
 */
export const noStorePlugin = fp(async (app) => {
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') reply.header('cache-control', 'no-store');
  });
});
