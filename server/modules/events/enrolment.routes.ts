import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  catalogueQuerySchema,
  enrolChildSchema,
  enrolmentParamsSchema,
  eventEnrolSchema,
  eventParamsSchema,
  groupEnrolSchema,
  linkTokenParamsSchema,
  pupilParamsSchema,
} from '@common/schemas/events.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { sessionHashFrom } from '@server/plugins/session.js';
import { eventCalendarFile } from './calendar.js';
import { answerRequest, enrolFromCard, familyEvent } from './card-enrolment.service.js';
import { browseCatalogue } from './catalogue.service.js';
import { groupEnrol } from './group-enrolment.service.js';
import { enrolByLink, linkCard } from './link-enrolment.service.js';
import { cancelEnrolment, enrolmentEvent, pupilEvents, reconfirm } from './pupil-enrolments.service.js';

/** The enrolment bodies are a few ids; a tight limit keeps the busiest route cheap to refuse. */
const ENROL_BODY_LIMIT = 2 * 1024;

/** Enrolment: by a lesson's link, from the catalogue, by a navigator for a group; answering, cancelling, the cabinets' lists. */
export const enrolmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const family = app.authorize('events.enrol');
  const pupilViewers = app.authorize('events.pupil');
  const tags = ['events'];

  app.get(
    '/enrol-links/:token',
    { onRequest: family, schema: { tags, summary: "A lesson's card behind its registration link, with each of the parent's children checked", params: linkTokenParamsSchema } },
    async (request) => linkCard(app.ctx, request.principal!, request.params.token),
  );
  // The session, the link and every condition are checked in the booking statement itself (see
  // enrolByLink): in the rush after a school sends the link out, each request is one round trip.
  app.post(
    '/enrol-links/:token/enrolments',
    {
      bodyLimit: ENROL_BODY_LIMIT,
      schema: { tags, summary: '«Записать ребенка»: enrol a child by the link (idempotent per child and per key)', params: linkTokenParamsSchema, body: enrolChildSchema },
    },
    async (request, reply) => {
      const done = await enrolByLink(app.ctx, sessionHashFrom(request), request.params.token, request.body);
      return reply.status(done.status).send(done.body);
    },
  );

  app.get(
    '/events/catalogue',
    { onRequest: family, schema: { tags, summary: "Published trials, by default in the pupil's region and city", querystring: catalogueQuerySchema } },
    async (request) => browseCatalogue(app.ctx, request.principal!, request.query),
  );
  app.get(
    '/events/:eventId',
    { onRequest: family, schema: { tags, summary: "An event's card for a family, with the pupil's (or each child's) conditions", params: eventParamsSchema } },
    async (request) => familyEvent(app.ctx, request.principal!, request.params.eventId),
  );
  app.post(
    '/events/:eventId/enrolments',
    {
      onRequest: family,
      bodyLimit: ENROL_BODY_LIMIT,
      schema: { tags, summary: 'A pupil asks to take part (the parent agrees), or a parent enrols its child', params: eventParamsSchema, body: eventEnrolSchema },
    },
    async (request, reply) => {
      const done = await enrolFromCard(app.ctx, request.principal!, request.params.eventId, request.body);
      return reply.status(done.status).send(done.body);
    },
  );

  app.post(
    '/enrolments/:enrolmentId/approve',
    { onRequest: family, schema: { tags, summary: "The parent agrees to the pupil's request: the held seat is confirmed", params: enrolmentParamsSchema } },
    async (request) => answerRequest(app.ctx, request.principal!, request.params.enrolmentId, true, actorOf(request)),
  );
  app.post(
    '/enrolments/:enrolmentId/decline',
    { onRequest: family, schema: { tags, summary: "The parent declines the pupil's request: the seat is freed", params: enrolmentParamsSchema } },
    async (request) => answerRequest(app.ctx, request.principal!, request.params.enrolmentId, false, actorOf(request)),
  );
  app.post(
    '/enrolments/:enrolmentId/cancel',
    { onRequest: pupilViewers, schema: { tags, summary: 'Cancel an enrolment (pupil, parent, navigator): the seat goes to the waiting list at once', params: enrolmentParamsSchema } },
    async (request) => cancelEnrolment(app.ctx, request.principal!, request.params.enrolmentId, actorOf(request)),
  );
  app.post(
    '/enrolments/:enrolmentId/reconfirm',
    { onRequest: family, schema: { tags, summary: 'Confirm taking part after the event moved', params: enrolmentParamsSchema } },
    async (request) => reconfirm(app.ctx, request.principal!, request.params.enrolmentId, actorOf(request)),
  );
  app.get(
    '/enrolments/:enrolmentId/calendar.ics',
    { onRequest: pupilViewers, schema: { tags, summary: 'The event as an .ics file for a calendar', params: enrolmentParamsSchema } },
    async (request, reply) => {
      const event = await enrolmentEvent(app.ctx, request.principal!, request.params.enrolmentId);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="bilet-${request.params.enrolmentId.slice(0, 8)}.ics"`)
        .send(eventCalendarFile(event, request.params.enrolmentId, app.ctx.config.publicUrl));
    },
  );

  app.get(
    '/pupils/:pupilId/events',
    { onRequest: pupilViewers, schema: { tags, summary: "A pupil's «Запланированные» and past events with the mentor's feedback", params: pupilParamsSchema } },
    async (request) => pupilEvents(app.ctx, request.principal!, request.params.pupilId, actorOf(request)),
  );

  app.post(
    '/staff/events/:eventId/group-enrolments',
    { onRequest: app.authorize('events.group_enrol'), schema: { tags, summary: 'A navigator enrols a group of its pupils, with an outcome per pupil', params: eventParamsSchema, body: groupEnrolSchema } },
    async (request) => groupEnrol(app.ctx, request.principal!, request.params.eventId, request.body.participantIds, actorOf(request)),
  );
};
