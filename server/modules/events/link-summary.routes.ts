import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { linkTokenParamsSchema } from '@common/schemas/events.js';
import { mailingRateLimit } from '@server/plugins/rate-limits.js';
import { publicLinkSummary } from './link-summary.service.js';

/** Public, so rate-limited per address like the other token routes: the tokens cannot be guessed, and probing is capped. */
export const linkSummaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/enrol-links/:token/summary',
    {
      config: mailingRateLimit(app),
      schema: { tags: ['events'], summary: "A lesson's public card behind its registration link, before sign-in (no personal data)", params: linkTokenParamsSchema },
    },
    async (request) => publicLinkSummary(app.ctx, request.params.token),
  );
};
