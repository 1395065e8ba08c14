import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  planBulkSchema,
  planPdfQuerySchema,
  planQueueQuerySchema,
  planStepParamsSchema,
  planStepSchema,
  planVersionParamsSchema,
  pupilParamsSchema,
  pupilPlanVersionParamsSchema,
  studyPlanEditSchema,
} from '@common/schemas/study-plans.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { bulkPlanAction, getPlanEditor, listPlanQueue, publishPlan, savePlanDraft } from './navigator.service.js';
import { getPlan, getPlanVersion, markPlanStep, planPdf } from './plan-view.service.js';

function sendPdf(reply: FastifyReply, pdf: { file: Buffer; fileName: string }) {
  return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${pdf.fileName}"`).send(pdf.file);
}

/**
 * The individual study plan: the pupil's own (/study-plan/me), a pupil's as a linked parent or
 * the assigned navigator sees it (/pupils/:pupilId/study-plan), and the navigator's queue and
 * editor (/staff/study-plans).
 */
export const studyPlansRoutes: FastifyPluginAsyncZod = async (app) => {
  const own = app.authorize('study_plans.own');
  const read = app.authorize('study_plans.read');
  const manage = app.authorize('study_plans.manage');
  const tags = ['study-plans'];
  const me = (principal: { accountId: string } | null) => principal!.accountId;

  app.get('/study-plan/me', { onRequest: own, schema: { tags, summary: "The pupil's own plan: stage, latest published version, ticked steps, versions" } }, async (request) =>
    getPlan(app.ctx, request.principal!, me(request.principal), actorOf(request)),
  );
  app.get(
    '/study-plan/me/versions/:version',
    { onRequest: own, schema: { tags, summary: 'An older published version of the pupil’s own plan', params: planVersionParamsSchema } },
    async (request) => getPlanVersion(app.ctx, request.principal!, me(request.principal), request.params.version, actorOf(request)),
  );
  app.put(
    '/study-plan/me/steps/:stepId',
    { onRequest: own, schema: { tags, summary: 'Tick a step of the published plan done, or take the tick back', params: planStepParamsSchema, body: planStepSchema } },
    async (request) => markPlanStep(app.ctx, request.principal!, me(request.principal), request.params.stepId, request.body.done, actorOf(request)),
  );
  app.get(
    '/study-plan/me/pdf',
    { onRequest: own, schema: { tags, summary: 'The published plan (latest or ?version=) as a PDF', querystring: planPdfQuerySchema } },
    async (request, reply) => sendPdf(reply, await planPdf(app.ctx, request.principal!, me(request.principal), request.query.version, actorOf(request))),
  );

  app.get(
    '/pupils/:pupilId/study-plan',
    { onRequest: read, schema: { tags, summary: "A pupil's plan as a linked parent or the assigned navigator sees it", params: pupilParamsSchema } },
    async (request) => getPlan(app.ctx, request.principal!, request.params.pupilId, actorOf(request)),
  );
  app.get(
    '/pupils/:pupilId/study-plan/versions/:version',
    { onRequest: read, schema: { tags, summary: "An older published version of a pupil's plan", params: pupilPlanVersionParamsSchema } },
    async (request) => getPlanVersion(app.ctx, request.principal!, request.params.pupilId, request.params.version, actorOf(request)),
  );
  app.get(
    '/pupils/:pupilId/study-plan/pdf',
    { onRequest: read, schema: { tags, summary: "A pupil's published plan (latest or ?version=) as a PDF", params: pupilParamsSchema, querystring: planPdfQuerySchema } },
    async (request, reply) => sendPdf(reply, await planPdf(app.ctx, request.principal!, request.params.pupilId, request.query.version, actorOf(request))),
  );

  app.get(
    '/staff/study-plans',
    { onRequest: manage, schema: { tags, summary: "The navigator's assigned pupils by stage, paged, with counts per stage", querystring: planQueueQuerySchema } },
    async (request) => listPlanQueue(app.ctx, request.principal!, request.query),
  );
  app.post(
    '/staff/study-plans/bulk',
    { onRequest: manage, schema: { tags, summary: 'Draft plans for, or publish the drafts of, several pupils; each gets its own outcome', body: planBulkSchema } },
    async (request) => bulkPlanAction(app.ctx, request.principal!, request.body.action, request.body.participantIds, actorOf(request)),
  );
  app.get(
    '/staff/study-plans/:pupilId',
    { onRequest: manage, schema: { tags, summary: "The plan editor: the working draft and the plan's state", params: pupilParamsSchema } },
    async (request) => getPlanEditor(app.ctx, request.principal!, request.params.pupilId, actorOf(request)),
  );
  app.put(
    '/staff/study-plans/:pupilId/draft',
    { onRequest: manage, schema: { tags, summary: "Save the navigator's draft of the plan", params: pupilParamsSchema, body: studyPlanEditSchema } },
    async (request) => savePlanDraft(app.ctx, request.principal!, request.params.pupilId, request.body, actorOf(request)),
  );
  app.post(
    '/staff/study-plans/:pupilId/publish',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Publish the draft (saving the content sent, if any) as the next version; the pupil and parents are told',
        params: pupilParamsSchema,
        body: z.strictObject({ content: studyPlanEditSchema.optional() }).optional(),
      },
    },
    async (request) => publishPlan(app.ctx, request.principal!, request.params.pupilId, request.body?.content, actorOf(request)),
  );
};
