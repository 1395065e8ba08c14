import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  answerBodySchema,
  answerParamsSchema,
  attemptParamsSchema,
  gameBodySchema,
  pupilAttemptParamsSchema,
  pupilParamsSchema,
  testSlugParamsSchema,
} from '@common/schemas/diagnostics.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { sessionHashFrom } from '@server/plugins/session.js';
import { completeAttempt, getAttempt, pupilCatalogue, saveAnswer, startAttempt, submitGame } from './attempts.service.js';
import { getPupilFootprint, getPupilResult, listPupilResults } from './results.service.js';

const ANSWER_BODY_LIMIT = 4 * 1024;
/** A game's raw events: a few thousand small objects at most. */
const GAME_BODY_LIMIT = 256 * 1024;

/** Taking tests and games (the pupil), and reading results and footprints (the pupil, its parents, its navigator). */
export const diagnosticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const take = app.authorize('diagnostics.take');
  const results = app.authorize('diagnostics.results');
  const tags = ['diagnostics'];

  app.get(
    '/diagnostics/catalogue',
    { onRequest: take, schema: { tags, summary: "The tests and games for the pupil's grade, with what the pupil has done" } },
    async (request) => pupilCatalogue(app.ctx, request.principal!.accountId),
  );
  app.post(
    '/diagnostics/tests/:slug/attempts',
    { onRequest: take, schema: { tags, summary: 'Start a test, or resume the attempt already in progress', params: testSlugParamsSchema } },
    async (request, reply) => {
      const started = await startAttempt(app.ctx, request.principal!.accountId, request.params.slug);
      return reply.status(started.resumed ? 200 : 201).send(started);
    },
  );
  app.get(
    '/diagnostics/attempts/:attemptId',
    { onRequest: take, schema: { tags, summary: "An attempt: the test's items, the answers so far, a game's stimulus", params: attemptParamsSchema } },
    async (request) => getAttempt(app.ctx, request.principal!.accountId, request.params.attemptId),
  );
  // The session is checked in the saving statement itself (see saveAnswer); the body is a single
  // small value, so the tight limit keeps an anonymous request as cheap as a hook would.
  app.put(
    '/diagnostics/attempts/:attemptId/answers/:itemId',
    {
      bodyLimit: ANSWER_BODY_LIMIT,
      schema: { tags, summary: 'Save one answer (idempotent: a retry or a change replaces it)', params: answerParamsSchema, body: answerBodySchema },
    },
    async (request) => saveAnswer(app.ctx, sessionHashFrom(request), request.params.attemptId, request.params.itemId, request.body.value),
  );
  app.post(
    '/diagnostics/attempts/:attemptId/complete',
    { onRequest: take, schema: { tags, summary: 'Finish a test: the server scores it and updates the footprint', params: attemptParamsSchema } },
    async (request) => completeAttempt(app.ctx, request.principal!.accountId, request.params.attemptId),
  );
  app.post(
    '/diagnostics/attempts/:attemptId/game',
    {
      onRequest: take,
      bodyLimit: GAME_BODY_LIMIT,
      schema: { tags, summary: "Finish a game with its raw events; the server scores them and refuses implausible play", params: attemptParamsSchema, body: gameBodySchema },
    },
    async (request) => submitGame(app.ctx, request.principal!.accountId, request.params.attemptId, request.body.events),
  );

  app.get(
    '/pupils/:pupilId/diagnostics/results',
    { onRequest: results, schema: { tags, summary: "A pupil's completed tests and games (the pupil, a linked parent, the assigned navigator)", params: pupilParamsSchema } },
    async (request) => listPupilResults(app.ctx, request.principal!, request.params.pupilId, actorOf(request)),
  );
  app.get(
    '/pupils/:pupilId/diagnostics/results/:attemptId',
    { onRequest: results, schema: { tags, summary: 'One result in full: scores, interpretations, next tests', params: pupilAttemptParamsSchema } },
    async (request) => getPupilResult(app.ctx, request.principal!, request.params.pupilId, request.params.attemptId, actorOf(request)),
  );
  app.get(
    '/pupils/:pupilId/footprint',
    { onRequest: results, schema: { tags, summary: "A pupil's digital footprint and its history", params: pupilParamsSchema } },
    async (request) => getPupilFootprint(app.ctx, request.principal!, request.params.pupilId, actorOf(request)),
  );
};
