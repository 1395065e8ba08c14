import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '@common/schemas/identity.js';
import { createPlaceSchema, placeListQuerySchema, updatePlaceSchema } from '@common/schemas/places.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { createPlace, getPlaceFor, listPlacesFor, updatePlaceFor } from './places.service.js';

/** The places where a venue's events happen: registered and kept by the venue, read across its scope. */
export const placesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/places',
    {
      onRequest: app.authorize('places.read'),
      schema: { tags: ['places'], summary: "Places of the venues in the caller's scope, paged", querystring: placeListQuerySchema },
    },
    async (request) => listPlacesFor(app.ctx, request.principal!, request.query),
  );
  app.get(
    '/places/:id',
    { onRequest: app.authorize('places.read'), schema: { tags: ['places'], summary: 'One place', params: idParamsSchema } },
    async (request) => ({ place: await getPlaceFor(app.ctx, request.principal!, request.params.id) }),
  );
  app.post(
    '/places',
    { onRequest: app.authorize('places.manage'), schema: { tags: ['places'], summary: "Register a place of the caller's venue", body: createPlaceSchema } },
    async (request, reply) => reply.status(201).send({ place: await createPlace(app.ctx, request.principal!, request.body, actorOf(request)) }),
  );
  app.patch(
    '/places/:id',
    {
      onRequest: app.authorize('places.manage'),
      schema: { tags: ['places'], summary: "Change a place of the caller's venue", params: idParamsSchema, body: updatePlaceSchema },
    },
    async (request) => ({ place: await updatePlaceFor(app.ctx, request.principal!, request.params.id, request.body, actorOf(request)) }),
  );
};
