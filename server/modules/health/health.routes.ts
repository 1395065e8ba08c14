import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', { schema: { tags: ['operations'], summary: 'Liveness and database reachability' } }, async (_request, reply) => {
    const database = await app.ctx.database.ping();
    return reply.status(database ? 200 : 503).send({
      status: database ? 'ok' : 'degraded',
      database: { reachable: database, kind: app.ctx.database.kind },
    });
  });
};
