import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { correctionQueueQuerySchema, correctionRefusalSchema, correctionRequestSchema } from '@common/schemas/corrections.js';
import { idParamsSchema } from '@common/schemas/identity.js';
import { pupilParamsSchema } from '@common/schemas/diagnostics.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { confirmCorrection, pupilCorrections, refuseCorrection, requestCorrection, schoolCorrections } from './corrections.service.js';

/** Correction of a pupil's surname, name, date of birth or school: the family asks, the pupil's school decides. */
export const correctionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['corrections'];
  const family = app.authorize('corrections.request');
  const school = app.authorize('corrections.decide');

  app.get(
    '/pupils/:pupilId/corrections',
    { onRequest: family, schema: { tags, summary: "The pupil's correction requests and the school's answers (the pupil, a linked parent)", params: pupilParamsSchema } },
    async (request) => pupilCorrections(app.ctx, request.principal!, request.params.pupilId),
  );

  app.post(
    '/pupils/:pupilId/corrections',
    {
      onRequest: family,
      schema: { tags, summary: 'Ask the pupil’s school to correct its surname, name, date of birth or school', params: pupilParamsSchema, body: correctionRequestSchema },
    },
    async (request, reply) => reply.status(201).send(await requestCorrection(app.ctx, request.principal!, request.params.pupilId, request.body, actorOf(request))),
  );

  app.get(
    '/staff/corrections',
    { onRequest: school, schema: { tags, summary: "The school's correction requests of one status", querystring: correctionQueueQuerySchema } },
    async (request) => schoolCorrections(app.ctx, request.principal!, request.query.status),
  );

  app.post(
    '/staff/corrections/:id/confirm',
    { onRequest: school, schema: { tags, summary: 'Confirm a correction: the data change (audited), the family is told', params: idParamsSchema } },
    async (request) => confirmCorrection(app.ctx, request.principal!, request.params.id, actorOf(request)),
  );

  app.post(
    '/staff/corrections/:id/refuse',
    { onRequest: school, schema: { tags, summary: 'Refuse a correction with a reason the family reads', params: idParamsSchema, body: correctionRefusalSchema } },
    async (request) => refuseCorrection(app.ctx, request.principal!, request.params.id, request.body.reason, actorOf(request)),
  );
};
