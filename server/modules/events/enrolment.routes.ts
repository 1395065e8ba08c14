import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const enrolmentRoutes: FastifyPluginAsyncZod = async () => {};
