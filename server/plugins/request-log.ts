import fp from 'fastify-plugin';

/**
 * One line per request. Query strings are dropped (they carry ESIA codes and e-mailed tokens) and
 * the route pattern is logged rather than the path, so no token from a URL reaches the log.
 */
export const requestLogPlugin = fp(async (app) => {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
});
