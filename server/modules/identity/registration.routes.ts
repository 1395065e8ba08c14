import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { participantRegistrationSchema } from '@common/schemas/identity.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { mailingRateLimit } from '@server/plugins/rate-limits.js';
import { sessionHashFrom, setSessionCookie } from '@server/plugins/session.js';
import { openSession } from './auth.service.js';
import { registerParticipant } from './registration.service.js';

export const registrationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/registration/participant',
    {
      config: mailingRateLimit(app),
      schema: {
        tags: ['registration'],
        summary: 'Register a pupil (optionally from a parent\u2019s invitation); signs the pupil in',
        body: participantRegistrationSchema,
      },
    },
    async (request, reply) => {
      const result = await registerParticipant(app.ctx, request.body, actorOf(request));
      const session = await openSession(app.ctx, result.accountId, 'participant', sessionHashFrom(request));
      setSessionCookie(reply, app.ctx.config, session.token);
      return reply.status(201).send({ accountId: result.accountId, activationRequired: !result.active });
    },
  );
};
