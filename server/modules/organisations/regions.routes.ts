import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cityNameSchema, cityParamsSchema, regionParamsSchema, regionUpdateSchema } from '@common/schemas/organisations.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { addCity, changeCityName, describeRegion, listRegionsOverview, removeCity, setSeason } from './regions.service.js';

/** Setting up regions: the issuer for all, a coordinator for its own. The public lists live in reference. */
export const regionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['regions'];

  app.get(
    '/regions/overview',
    { onRequest: app.authorize('regions.read'), schema: { tags, summary: 'Regions with their counts (the coordinator gets its own)' } },
    async (request) => ({ regions: await listRegionsOverview(app.ctx, request.principal!) }),
  );

  app.get(
    '/regions/:regionId',
    { onRequest: app.authorize('regions.read'), schema: { tags, summary: "A region's set-up: season, cities, coordinators", params: regionParamsSchema } },
    async (request) => describeRegion(app.ctx, request.principal!, request.params.regionId),
  );

  app.patch(
    '/regions/:regionId',
    { onRequest: app.authorize('regions.update'), schema: { tags, summary: "Set a region's season dates", params: regionParamsSchema, body: regionUpdateSchema } },
    async (request) => {
      await setSeason(app.ctx, request.principal!, request.params.regionId, request.body, actorOf(request));
      return { ok: true };
    },
  );

  app.post(
    '/regions/:regionId/cities',
    { onRequest: app.authorize('cities.manage'), schema: { tags, summary: 'Add a city or municipality', params: regionParamsSchema, body: cityNameSchema } },
    async (request, reply) => reply.status(201).send(await addCity(app.ctx, request.principal!, request.params.regionId, request.body.name, actorOf(request))),
  );

  app.patch(
    '/cities/:cityId',
    { onRequest: app.authorize('cities.manage'), schema: { tags, summary: 'Rename a city', params: cityParamsSchema, body: cityNameSchema } },
    async (request) => {
      await changeCityName(app.ctx, request.principal!, request.params.cityId, request.body.name, actorOf(request));
      return { ok: true };
    },
  );

  app.delete(
    '/cities/:cityId',
    { onRequest: app.authorize('cities.manage'), schema: { tags, summary: 'Delete a city nothing refers to', params: cityParamsSchema } },
    async (request) => {
      await removeCity(app.ctx, request.principal!, request.params.cityId, actorOf(request));
      return { ok: true };
    },
  );
};
