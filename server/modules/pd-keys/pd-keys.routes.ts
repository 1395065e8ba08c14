import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '@server/plugins/request-actor.js';
import { keysReport, startRotation } from './pd-keys.service.js';

/** The issuer's view of the personal-data master keys and the rotation job. */
export const pdKeysRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['pd-keys'];
  app.get(
    '/pd-keys',
    {
      onRequest: app.authorize('pd_keys.manage'),
      schema: { tags, summary: 'Per master key id: how many encrypted fields and sealed files use it, whether it may be retired, and the latest rotations' },
    },
    async () => keysReport(app.ctx),
  );
  app.post(
    '/pd-keys/rotations',
    {
      onRequest: app.authorize('pd_keys.manage'),
      schema: { tags, summary: 'Re-encrypt under the current key everything older keys sealed (or resume the run going on)' },
    },
    async (request, reply) => reply.status(202).send(await startRotation(app.ctx, actorOf(request))),
  );
};
