import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptInstructionSchema } from '@common/schemas/organisations.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { acceptInstruction, instructionStatus } from './instruction.service.js';

/** The operator's instruction (поручение, 152-FZ art. 6 part 3) for the caller's school or venue. */
export const instructionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['organisations'];

  app.get(
    '/organisation-instruction',
    { onRequest: app.authorize('organisations.instruction'), schema: { tags, summary: "The operator's instruction for the caller's organisation and who accepted which version" } },
    async (request) => instructionStatus(app.ctx, request.principal!),
  );

  app.post(
    '/organisation-instruction/acceptance',
    {
      onRequest: app.authorize('organisations.instruction_accept'),
      schema: { tags, summary: "The organisation's administrator accepts the current version of the instruction", body: acceptInstructionSchema },
    },
    async (request) => acceptInstruction(app.ctx, request.principal!, request.body, actorOf(request)),
  );
};
