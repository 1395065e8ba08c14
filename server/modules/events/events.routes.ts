import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createEventSchema,
  eventParamsSchema,
  moveEventSchema,
  reasonSchema,
  returnEventSchema,
  staffEventsQuerySchema,
  updateEventSchema,
} from '@common/schemas/events.js';
import { actorOf } from '@server/plugins/request-actor.js';
import {
  approveEvent,
  cancelEvent,
  createEvents,
  formOptionsFor,
  getEventFor,
  listEventsFor,
  moveEvent,
  publishEvent,
  regenerateLink,
  returnEvent,
  revokeLink,
  submitEvent,
  updateEventFor,
} from './events.service.js';

/**
 * The staff side of practical events: the venue drafts and runs them, the region's coordinator
 * approves them, schools, mentors and navigators read what concerns them. Every answer about one
 * event is its StaffEventDetail as the caller sees it.
 */
export const eventsRoutes: FastifyPluginAsyncZod = async (app) => {
  const read = app.authorize('events.read');
  const manage = app.authorize('events.manage');
  const review = app.authorize('events.review');
  const tags = ['events'];
  const params = eventParamsSchema;

  app.get(
    '/staff/events',
    { onRequest: read, schema: { tags, summary: "Events in the caller's scope, paged, with enrolment counts", querystring: staffEventsQuerySchema } },
    async (request) => listEventsFor(app.ctx, request.principal!, request.query),
  );
  app.get(
    '/staff/events/form-options',
    { onRequest: manage, schema: { tags, summary: "What the venue's event form offers: competencies, places, mentors, the region's schools" } },
    async (request) => formOptionsFor(app.ctx, request.principal!),
  );
  app.post(
    '/staff/events',
    { onRequest: manage, schema: { tags, summary: 'Create a draft, or one draft per date of a series', body: createEventSchema } },
    async (request, reply) => reply.status(201).send(await createEvents(app.ctx, request.principal!, request.body, actorOf(request))),
  );
  app.get(
    '/staff/events/:eventId',
    { onRequest: read, schema: { tags, summary: 'One event with its counts, the lesson link where the caller may see it, and the allowed actions', params } },
    async (request) => getEventFor(app.ctx, request.principal!, request.params.eventId),
  );
  app.put(
    '/staff/events/:eventId',
    { onRequest: manage, schema: { tags, summary: 'Change a draft or a returned event', params, body: updateEventSchema } },
    async (request) => updateEventFor(app.ctx, request.principal!, request.params.eventId, request.body, actorOf(request)),
  );
  app.post(
    '/staff/events/:eventId/submit',
    { onRequest: manage, schema: { tags, summary: "Send the event to the region's coordinator for approval", params } },
    async (request) => submitEvent(app.ctx, request.principal!, request.params.eventId, actorOf(request)),
  );
  app.post(
    '/staff/events/:eventId/approve',
    { onRequest: review, schema: { tags, summary: 'Approve a submitted event; a lesson gets its registration link', params } },
    async (request) => approveEvent(app.ctx, request.principal!, request.params.eventId, actorOf(request)),
  );
  app.post(
    '/staff/events/:eventId/return',
    { onRequest: review, schema: { tags, summary: 'Return a submitted event to the venue with a comment', params, body: returnEventSchema } },
    async (request) => returnEvent(app.ctx, request.principal!, request.params.eventId, request.body.comment, actorOf(request)),
  );
  app.post(
    '/staff/events/:eventId/publish',
    { onRequest: manage, schema: { tags, summary: 'Publish an approved event', params } },
    async (request) => publishEvent(app.ctx, request.principal!, request.params.eventId, actorOf(request)),
  );
  app.post(
    '/staff/events/:eventId/cancel',
    { onRequest: manage, schema: { tags, summary: 'Cancel the event: enrolments end and families are told why', params, body: reasonSchema } },
    async (request) => cancelEvent(app.ctx, request.principal!, request.params.eventId, request.body.reason, actorOf(request)),
  );
  app.post(
    '/staff/events/:eventId/move',
    { onRequest: manage, schema: { tags, summary: 'Move a published event; families are asked to confirm the new time', params, body: moveEventSchema } },
    async (request) => moveEvent(app.ctx, request.principal!, request.params.eventId, request.body, actorOf(request)),
  );
  app.post(
    '/staff/events/:eventId/link',
    { onRequest: manage, schema: { tags, summary: "Issue a new registration link for a lesson; the old one stops working", params } },
    async (request) => regenerateLink(app.ctx, request.principal!, request.params.eventId, actorOf(request)),
  );
  app.delete(
    '/staff/events/:eventId/link',
    { onRequest: manage, schema: { tags, summary: "Revoke a lesson's registration link", params } },
    async (request) => revokeLink(app.ctx, request.principal!, request.params.eventId, actorOf(request)),
  );
};
