import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attendanceSchema, eventEnrolmentParamsSchema, eventParamsSchema, feedbackSchema } from '@common/schemas/events.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { getRoster, giveFeedback, markAttendance } from './mentor.service.js';

/** The event's day: the roster for the venue and its mentors, attendance and feedback by the assigned mentor. */
export const mentorRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['events'];
  app.get(
    '/staff/events/:eventId/roster',
    {
      onRequest: app.authorize('events.roster'),
      schema: { tags, summary: "The event's pupils with their marks, the skills to mark, and whether marking is open", params: eventParamsSchema },
    },
    async (request) => getRoster(app.ctx, request.principal!, request.params.eventId, actorOf(request)),
  );
  app.put(
    '/staff/events/:eventId/attendance',
    {
      onRequest: app.authorize('events.run'),
      schema: { tags, summary: 'Mark attendance of several pupils at once (all or nothing); answers the updated roster', params: eventParamsSchema, body: attendanceSchema },
    },
    async (request) => markAttendance(app.ctx, request.principal!, request.params.eventId, request.body.marks, actorOf(request)),
  );
  app.put(
    '/staff/events/:eventId/enrolments/:enrolmentId/feedback',
    {
      onRequest: app.authorize('events.run'),
      schema: { tags, summary: "The mentor's grade, feedback and observed skills for a pupil who came", params: eventEnrolmentParamsSchema, body: feedbackSchema },
    },
    async (request) => giveFeedback(app.ctx, request.principal!, request.params.eventId, request.params.enrolmentId, request.body, actorOf(request)),
  );
};
