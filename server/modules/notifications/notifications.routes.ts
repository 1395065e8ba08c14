import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@common/schemas/identity.js';
import { notFound } from '@server/lib/errors.js';
import { listNotifications, markNotificationRead } from './notifications.repository.js';

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    { onRequest: app.authenticate(), schema: { tags: ['notifications'], summary: "The caller's notifications, newest first" } },
    async (request) => ({ notifications: await listNotifications(app.ctx.db, request.principal!.accountId) }),
  );
  app.post(
    '/notifications/:id/read',
    {
      onRequest: app.authenticate(),
      schema: { tags: ['notifications'], summary: 'Mark a notification read', params: idParamsSchema },
    },
    async (request) => {
      const ok = await markNotificationRead(app.ctx.db, request.principal!.accountId, request.params.id);
      if (!ok) throw notFound();
      return { ok: true };
    },
  );
};
