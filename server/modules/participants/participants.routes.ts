import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@common/schemas/identity.js';
import { assignNavigatorSchema, participantListQuerySchema, schoolRegistrationSchema } from '@common/schemas/participants.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { mailingRateLimit } from '@server/plugins/rate-limits.js';
import { assignToNavigator, getParticipant, listParticipants, registerBySchool, viewPersonalData } from './participants.service.js';

export const participantsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['participants'];

  app.get(
    '/participants',
    {
      onRequest: app.authorize('participants.read'),
      schema: { tags, summary: 'Pupils the caller may see: paged, sorted, searched and filtered; SNILS masked', querystring: participantListQuerySchema },
    },
    async (request) => listParticipants(app.ctx, request.principal!, request.query),
  );

  app.post(
    '/participants',
    {
      config: mailingRateLimit(app),
      onRequest: app.authorize('participants.register'),
      schema: { tags, summary: "A school registers one of its pupils, or finds the child's existing profile", body: schoolRegistrationSchema },
    },
    async (request, reply) => {
      const result = await registerBySchool(app.ctx, request.principal!, request.body, actorOf(request));
      return reply.status(result.outcome === 'created' ? 201 : 200).send(result);
    },
  );

  app.post(
    '/participants/navigator',
    {
      onRequest: app.authorize('participants.assign'),
      schema: { tags, summary: 'Assign many of the school’s pupils to one of its navigators (null: unassign)', body: assignNavigatorSchema },
    },
    async (request) => assignToNavigator(app.ctx, request.principal!, request.body, actorOf(request)),
  );

  app.get(
    '/participants/:id',
    { onRequest: app.authorize('participants.read'), schema: { tags, summary: 'One pupil in the caller’s scope', params: idParamsSchema } },
    async (request) => getParticipant(app.ctx, request.principal!, request.params.id),
  );

  app.get(
    '/participants/:id/personal-data',
    {
      onRequest: app.authorize('participants.personal_data'),
      schema: { tags, summary: 'Unmasked SNILS, document and ОВЗ details of the school’s own pupil (audited)', params: idParamsSchema },
    },
    async (request) => viewPersonalData(app.ctx, request.principal!, request.params.id, actorOf(request)),
  );
};
