import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '@common/schemas/identity.js';
import { idSchema } from '@common/schemas/fields.js';
import {
  supportAnswerSchema,
  supportAssignSchema,
  supportIntakeOverrideSchema,
  supportMergeSchema,
  supportNoteSchema,
  supportQueueQuerySchema,
  supportReplySchema,
  supportRequestFieldsSchema,
  supportStatsQuerySchema,
  supportStatusSchema,
  supportTemplateSchema,
  supportTokenParamsSchema,
} from '@common/schemas/support.js';
import { attachmentDisposition } from '@server/lib/file-names.js';
import { findPrincipal, sessionHashFrom, type Principal } from '@server/plugins/session.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { mailingRateLimit } from '@server/plugins/rate-limits.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as support from './support.service.js';
import { receiveRequestForm } from './support.uploads.js';

const attachmentParams = z.strictObject({ id: idSchema, attachmentId: idSchema });
const tokenAttachmentParams = z.strictObject({ token: supportTokenParamsSchema.shape.token, attachmentId: idSchema });

function sendFile(reply: FastifyReply, file: { fileName: string; mimeType: string; data: Buffer }) {
  return reply
    .header('content-type', file.mimeType)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .send(file.data);
}

/** The form is open to everyone; a live, ungated session makes the request the account's own. */
async function optionalPrincipal(request: FastifyRequest): Promise<Principal | null> {
  const hash = sessionHashFrom(request);
  const principal = hash ? await findPrincipal(request.server.ctx.database, hash, request.server.ctx.config.sessionIdleMs) : null;
  return principal && !principal.gate ? principal : null;
}

export const supportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['support'];
  const own = app.authorize('support.own');
  const desk = app.authorize('support.desk');
  const manage = app.authorize('support.manage');

  app.post(
    '/support/requests',
    {
      config: mailingRateLimit(app),
      schema: {
        tags,
        summary: 'Sends a support request (multipart: regionId, lastName, firstName, email, topic, text, childId?, eventId?, organisationId?, conversation?, then up to 3 files «files»: PDF, JPEG, PNG up to 5 MB)',
        consumes: ['multipart/form-data', 'application/json'],
      },
    },
    async (request, reply) => {
      const principal = await optionalPrincipal(request);
      const received = await receiveRequestForm(request);
      const fields = supportRequestFieldsSchema.parse(received.fields);
      const created = await support.submitRequest(app.ctx, { principal, source: `ip:${request.ip}` }, fields, received.files);
      return reply.status(201).send(created);
    },
  );

  app.get('/support/prefill', { onRequest: own, schema: { tags, summary: "The form's prefill and what the caller may tie a request to" } }, async (request) =>
    support.requesterPrefill(app.ctx, request.principal!),
  );

  app.get('/support/my', { onRequest: own, schema: { tags, summary: "The caller's own requests with their answers" } }, async (request) => ({
    items: await support.listMyRequests(app.ctx, request.principal!),
  }));

  app.post(
    '/support/my/:id/messages',
    { onRequest: own, schema: { tags, summary: 'The requester adds to its request', params: idParamsSchema, body: supportReplySchema } },
    async (request) => support.replyAsAccount(app.ctx, request.principal!, request.params.id, request.body.text),
  );

  app.get(
    '/support/my/:id/attachments/:attachmentId',
    { onRequest: own, schema: { tags, summary: 'A file of one of the caller’s requests', params: attachmentParams } },
    async (request, reply) => sendFile(reply, await support.attachmentForRequester(app.ctx, request.principal, { id: request.params.id }, request.params.attachmentId)),
  );

  app.get(
    '/support/by-link/:token',
    { config: mailingRateLimit(app), schema: { tags, summary: 'A request read through its secret link', params: supportTokenParamsSchema } },
    async (request) => support.readByLink(app.ctx, request.params.token),
  );

  app.post(
    '/support/by-link/:token/messages',
    {
      config: mailingRateLimit(app),
      schema: { tags, summary: 'The requester adds to its request through the secret link', params: supportTokenParamsSchema, body: supportReplySchema },
    },
    async (request) => support.replyByLink(app.ctx, request.params.token, request.body.text),
  );

  app.get(
    '/support/by-link/:token/attachments/:attachmentId',
    { schema: { tags, summary: 'A file of a request read through its secret link', params: tokenAttachmentParams } },
    async (request, reply) => sendFile(reply, await support.attachmentForRequester(app.ctx, null, { token: request.params.token }, request.params.attachmentId)),
  );

  // ——— the desk ———

  app.get('/support/desk/queue', { onRequest: desk, schema: { tags, summary: 'The queue, newest first, keyset-paged', querystring: supportQueueQuerySchema } }, async (request) =>
    support.listQueue(app.ctx, request.principal!, request.query),
  );

  app.get('/support/desk/reference', { onRequest: desk, schema: { tags, summary: 'Operators, intake rules and the service level' } }, async (request) =>
    support.deskReference(app.ctx, request.principal!),
  );

  app.get('/support/desk/figures', { onRequest: desk, schema: { tags, summary: 'Volume, median time to first answer, share closed by each rule', querystring: supportStatsQuerySchema } }, async (request) =>
    support.deskFigures(app.ctx, request.principal!, request.query.days),
  );

  app.get('/support/desk/requests/:id', { onRequest: desk, schema: { tags, summary: 'One request with notes and the intake decision (audited)', params: idParamsSchema } }, async (request) =>
    support.openDeskRequest(app.ctx, request.principal!, request.params.id, actorOf(request)),
  );

  app.get(
    '/support/desk/requests/:id/attachments/:attachmentId',
    { onRequest: desk, schema: { tags, summary: 'A file of a request', params: attachmentParams } },
    async (request, reply) => sendFile(reply, await support.deskAttachment(app.ctx, request.principal!, request.params.id, request.params.attachmentId)),
  );

  app.post('/support/desk/requests/:id/answers', { onRequest: desk, schema: { tags, summary: 'Answers the requester (e-mailed)', params: idParamsSchema, body: supportAnswerSchema } }, async (request) =>
    support.answerRequest(app.ctx, request.principal!, request.params.id, request.body, actorOf(request)),
  );

  app.post('/support/desk/requests/:id/notes', { onRequest: desk, schema: { tags, summary: 'An internal note, never shown to the requester', params: idParamsSchema, body: supportNoteSchema } }, async (request) =>
    support.addNote(app.ctx, request.principal!, request.params.id, request.body.text),
  );

  app.post('/support/desk/requests/:id/status', { onRequest: manage, schema: { tags, summary: 'Moves the request to another status', params: idParamsSchema, body: supportStatusSchema } }, async (request) =>
    support.changeStatus(app.ctx, request.principal!, request.params.id, request.body.status, actorOf(request)),
  );

  app.post('/support/desk/requests/:id/assignee', { onRequest: manage, schema: { tags, summary: 'Assigns an operator (null takes it off)', params: idParamsSchema, body: supportAssignSchema } }, async (request) =>
    support.assignRequest(app.ctx, request.principal!, request.params.id, request.body.assigneeId, actorOf(request)),
  );

  app.post('/support/desk/requests/:id/merge', { onRequest: manage, schema: { tags, summary: 'Closes a duplicate into another request', params: idParamsSchema, body: supportMergeSchema } }, async (request) =>
    support.mergeRequest(app.ctx, request.principal!, request.params.id, request.body.intoId, actorOf(request)),
  );

  app.post(
    '/support/desk/requests/:id/intake',
    { onRequest: manage, schema: { tags, summary: 'Overrides the intake decision or flags a protected secret (audited)', params: idParamsSchema, body: supportIntakeOverrideSchema } },
    async (request) => support.overrideIntake(app.ctx, request.principal!, request.params.id, request.body, actorOf(request)),
  );

  app.get('/support/desk/templates', { onRequest: desk, schema: { tags, summary: 'Answer templates' } }, async (request) => ({
    items: await support.listTemplates(app.ctx, request.principal!),
  }));

  app.post('/support/desk/templates', { onRequest: manage, schema: { tags, summary: 'Adds an answer template', body: supportTemplateSchema } }, async (request, reply) =>
    reply.status(201).send(await support.saveTemplate(app.ctx, request.principal!, null, request.body)),
  );

  app.put('/support/desk/templates/:id', { onRequest: manage, schema: { tags, summary: 'Edits an answer template', params: idParamsSchema, body: supportTemplateSchema } }, async (request) =>
    support.saveTemplate(app.ctx, request.principal!, request.params.id, request.body),
  );

  app.delete('/support/desk/templates/:id', { onRequest: manage, schema: { tags, summary: 'Removes an answer template', params: idParamsSchema } }, async (request, reply) => {
    await support.removeTemplate(app.ctx, request.principal!, request.params.id);
    return reply.status(204).send();
  });
};
