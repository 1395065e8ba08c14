import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '@server/lib/errors.js';
import { serialIdParamSchema } from '@common/schemas/fields.js';
import { regionParamsSchema } from '@common/schemas/organisations.js';
import { listCities, listRegions, listSchools, listSpheresWithCompetencies } from './reference.repository.js';


/** Public reference lists: regions, their cities and schools for registration; spheres and competencies for pickers. */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/regions',
    { schema: { tags: ['reference'], summary: 'All subjects of the Russian Federation' } },
    async () => ({ regions: await listRegions(app.ctx.db) }),
  );
  app.get(
    '/regions/:regionId/cities',
    { schema: { tags: ['reference'], summary: "A region's cities", params: regionParamsSchema } },
    async (request) => {
      const rows = await listCities(app.ctx.db, request.params.regionId);
      if (rows.length === 0) throw notFound('Регион не найден');
      return { cities: rows };
    },
  );
  app.get(
    '/regions/:regionId/schools',
    {
      schema: {
        tags: ['reference'],
        summary: "A region's schools, optionally of one city",
        params: regionParamsSchema,
        querystring: z.strictObject({ cityId: serialIdParamSchema('Неверный город').optional() }),
      },
    },
    async (request) => ({ schools: await listSchools(app.ctx.db, request.params.regionId, request.query.cityId) }),
  );
  app.get(
    '/reference/competencies',
    { schema: { tags: ['reference'], summary: 'The professional spheres, each with its competencies' } },
    async () => ({ spheres: await listSpheresWithCompetencies(app.ctx.db) }),
  );
};
