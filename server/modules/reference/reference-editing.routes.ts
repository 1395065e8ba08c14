import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  awarenessLevelsUpdateSchema,
  competencyCreateSchema,
  competencyUpdateSchema,
  referenceParamsSchema,
  softSkillUpdateSchema,
  sphereUpdateSchema,
} from '@common/schemas/reference.js';
import { professionInputSchema, professionParamsSchema, professionUpdateSchema } from '@common/schemas/opportunities.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { addProfession, changeProfession, professionsList } from './professions.service.js';
import { addCompetency, changeCompetency, changeSoftSkill, changeSphereName, replaceAwarenessLevels } from './reference-editing.service.js';
import { listAwarenessLevels, listSoftSkills } from './reference.repository.js';

/**
 * The soft skills and awareness levels for anyone (the footprint's pages name them), and the issuer's
 * edits of the whole reference model. Codes are not editable anywhere: test definitions refer to them.
 */
export const referenceEditingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reference'];
  const manage = app.authorize('reference.manage');

  app.get('/reference/soft-skills', { schema: { tags, summary: 'The soft skills of the footprint' } }, async () => ({
    softSkills: await listSoftSkills(app.ctx.db),
  }));

  app.get('/reference/awareness-levels', { schema: { tags, summary: 'The awareness levels, in score order' } }, async () => ({
    levels: await listAwarenessLevels(app.ctx.db),
  }));

  app.patch(
    '/reference/spheres/:id',
    { onRequest: manage, schema: { tags, summary: 'Rename a sphere', params: referenceParamsSchema('Сфера не найдена'), body: sphereUpdateSchema } },
    async (request) => {
      await changeSphereName(app.ctx, request.params.id, request.body.name, actorOf(request));
      return { ok: true };
    },
  );

  app.post(
    '/reference/competencies',
    { onRequest: manage, schema: { tags, summary: 'Add a competency to a sphere', body: competencyCreateSchema } },
    async (request, reply) => reply.status(201).send(await addCompetency(app.ctx, request.body, actorOf(request))),
  );

  app.patch(
    '/reference/competencies/:id',
    {
      onRequest: manage,
      schema: { tags, summary: 'Rename a competency or move it to another sphere', params: referenceParamsSchema('Компетенция не найдена'), body: competencyUpdateSchema },
    },
    async (request) => {
      await changeCompetency(app.ctx, request.params.id, request.body, actorOf(request));
      return { ok: true };
    },
  );

  app.patch(
    '/reference/soft-skills/:id',
    { onRequest: manage, schema: { tags, summary: "Change a soft skill's name or description", params: referenceParamsSchema('Навык не найден'), body: softSkillUpdateSchema } },
    async (request) => {
      await changeSoftSkill(app.ctx, request.params.id, request.body, actorOf(request));
      return { ok: true };
    },
  );

  app.put(
    '/reference/awareness-levels',
    { onRequest: manage, schema: { tags, summary: 'Replace the whole list of awareness levels', body: awarenessLevelsUpdateSchema } },
    async (request) => ({ levels: await replaceAwarenessLevels(app.ctx, request.body.levels, actorOf(request)) }),
  );

  app.get('/reference/professions', { onRequest: manage, schema: { tags, summary: 'The professions reference list with its competencies' } }, async () => ({
    professions: await professionsList(app.ctx),
  }));

  app.post(
    '/reference/professions',
    { onRequest: manage, schema: { tags, summary: 'Add a profession with its competencies and programmes', body: professionInputSchema } },
    async (request, reply) => reply.status(201).send(await addProfession(app.ctx, request.body, actorOf(request))),
  );

  app.put(
    '/reference/professions/:id',
    { onRequest: manage, schema: { tags, summary: 'Change a profession; its code stays', params: professionParamsSchema, body: professionUpdateSchema } },
    async (request) => {
      await changeProfession(app.ctx, request.params.id, request.body, actorOf(request));
      return { ok: true };
    },
  );
};
