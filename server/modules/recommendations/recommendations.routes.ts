import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pupilParamsSchema } from '@common/schemas/events.js';
import { dismissalParamsSchema, dismissalSchema } from '@common/schemas/recommendations.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { dismiss, myRecommendations, pupilRecommendations, undoDismissal } from './recommendations.service.js';

/** Next tests, trials, opportunities and professions for the pupil, its parents and its navigator; «Не интересно» for the pupil. */
export const recommendationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const read = app.authorize('recommendations.read');
  const own = app.authorize('recommendations.dismiss');
  const tags = ['recommendations'];

  app.get(
    '/recommendations/me',
    { onRequest: own, schema: { tags, summary: "The pupil's own recommendations, each with the evidence behind it" } },
    async (request) => myRecommendations(app.ctx, request.principal!),
  );
  app.get(
    '/pupils/:pupilId/recommendations',
    { onRequest: read, schema: { tags, summary: "A pupil's recommendations for a linked parent or the assigned navigator", params: pupilParamsSchema } },
    async (request) => pupilRecommendations(app.ctx, request.principal!, request.params.pupilId, actorOf(request)),
  );
  app.post(
    '/recommendations/me/dismissals',
    { onRequest: own, bodyLimit: 1024, schema: { tags, summary: '«Не интересно»: stop recommending an item', body: dismissalSchema } },
    async (request, reply) => {
      await dismiss(app.ctx, request.principal!, request.body);
      return reply.status(204).send();
    },
  );
  app.delete(
    '/recommendations/me/dismissals/:kind/:itemId',
    { onRequest: own, schema: { tags, summary: 'Take a «Не интересно» back', params: dismissalParamsSchema } },
    async (request, reply) => {
      await undoDismissal(app.ctx, request.principal!, request.params);
      return reply.status(204).send();
    },
  );
};
