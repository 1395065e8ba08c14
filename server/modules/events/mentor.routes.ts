import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const mentorRoutes: FastifyPluginAsyncZod = async () => {};
