import fp from 'fastify-plugin';
import { refuseNul } from '../lib/text-guard.js';

/**
 * The one edge rule for text: before any route's schema sees the request, a NUL in its path
 * parameters, query string or body (at any depth) is refused with a 400 naming the field. Routes
 * with schemas and without are covered alike; multipart fields and imported cells are checked where
 * they are read (lib/uploads.ts, participants/import/rows.ts, opportunities/import-rows.ts) with the same rule.
 */
export const textGuardPlugin = fp(async (app) => {
  app.addHook('preValidation', async (request) => {
    refuseNul(request.params, request.query, request.body);
  });
});
