import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { definitionSchema } from '@common/diagnostics/definition.js';
import {
  definitionSourceSchema,
  statisticsQuerySchema,
  testParamsSchema,
  versionParamsSchema,
} from '@common/schemas/diagnostics.js';
import { actorOf } from '@server/plugins/request-actor.js';
import {
  getWorkbenchTest,
  listWorkbenchTests,
  publishDefinitionVersion,
  saveDefinition,
  setTestRetired,
  validateDefinition,
  versionStatistics,
} from './definitions.service.js';

/** A definition of up to 1 MB travels as a JSON string, escapes included. */
const DEFINITION_BODY_LIMIT = 3 * 1024 * 1024;

/** The published JSON Schema of test definitions, generated from the same zod schema the server checks with. */
export const DEFINITION_JSON_SCHEMA = z.toJSONSchema(definitionSchema, { io: 'input', target: 'draft-2020-12' });

/** The methodologist's workbench: definitions, versions, publication, retirement, item statistics. */
export const workbenchRoutes: FastifyPluginAsyncZod = async (app) => {
  const author = app.authorize('diagnostics.author');
  const tags = ['diagnostics-workbench'];

  app.get(
    '/diagnostics/definition-schema.json',
    { schema: { tags, summary: 'The JSON Schema of test and game definitions (format 1)' } },
    async () => DEFINITION_JSON_SCHEMA,
  );
  app.get(
    '/diagnostics/definitions',
    { onRequest: author, schema: { tags, summary: 'Every test and game with its newest version and completed attempts' } },
    async () => listWorkbenchTests(app.ctx),
  );
  app.post(
    '/diagnostics/definitions/validate',
    { onRequest: author, bodyLimit: DEFINITION_BODY_LIMIT, schema: { tags, summary: 'Check a definition (YAML or JSON) without saving; errors name line and field', body: definitionSourceSchema } },
    async (request) => ({ definition: await validateDefinition(app.ctx, request.body.source) }),
  );
  app.post(
    '/diagnostics/definitions',
    { onRequest: author, bodyLimit: DEFINITION_BODY_LIMIT, schema: { tags, summary: "Save a definition as its test's draft (a new test for a new slug)", body: definitionSourceSchema } },
    async (request, reply) => reply.status(201).send(await saveDefinition(app.ctx, request.body.source, request.principal!.accountId, actorOf(request))),
  );
  app.get(
    '/diagnostics/definitions/:testId',
    { onRequest: author, schema: { tags, summary: 'A test: its versions and the newest source', params: testParamsSchema } },
    async (request) => getWorkbenchTest(app.ctx, request.params.testId),
  );
  app.post(
    '/diagnostics/definitions/:testId/versions/:versionId/publish',
    { onRequest: author, schema: { tags, summary: 'Publish a draft version; attempts already taken keep their version', params: versionParamsSchema } },
    async (request) => publishDefinitionVersion(app.ctx, request.params.testId, request.params.versionId, actorOf(request)),
  );
  app.post(
    '/diagnostics/definitions/:testId/retire',
    { onRequest: author, schema: { tags, summary: 'Take a test out of the catalogue; results stay', params: testParamsSchema } },
    async (request) => setTestRetired(app.ctx, request.params.testId, true, actorOf(request)),
  );
  app.post(
    '/diagnostics/definitions/:testId/restore',
    { onRequest: author, schema: { tags, summary: 'Put a retired test back into the catalogue', params: testParamsSchema } },
    async (request) => setTestRetired(app.ctx, request.params.testId, false, actorOf(request)),
  );
  app.get(
    '/diagnostics/definitions/:testId/statistics',
    { onRequest: author, schema: { tags, summary: "Item facility and discrimination and scales' Cronbach's alpha", params: testParamsSchema, querystring: statisticsQuerySchema } },
    async (request) => versionStatistics(app.ctx, request.params.testId, request.query.versionId),
  );
};
