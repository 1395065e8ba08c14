import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OrganisationKind } from '@common/organisations.js';
import {
  organisationKindParams,
  organisationListQuerySchema,
  registerSchoolSchema,
  registerVenueSchema,
  suspendSchema,
  updateOrganisationSchema,
} from '@common/schemas/organisations.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { mailingRateLimit } from '@server/plugins/rate-limits.js';
import {
  describeOrganisation,
  editOrganisation,
  findOrganisations,
  registerOrganisation,
  setOrganisationSuspended,
} from './organisations.service.js';

const PATHS: Record<OrganisationKind, string> = { school: '/schools', venue: '/venues' };

/** Schools and venues: registered by the coordinator, kept by themselves, visible up the hierarchy. */
export const organisationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const inviteLimit = mailingRateLimit(app);

  app.get(
    '/organisations',
    {
      onRequest: app.authorize('organisations.read'),
      schema: { tags: ['organisations'], summary: 'Schools or venues the caller may see, paged', querystring: organisationListQuerySchema },
    },
    async (request) => findOrganisations(app.ctx, request.principal!, request.query),
  );

  for (const kind of ['school', 'venue'] as const) {
    const base = PATHS[kind];
    const tags = ['organisations'];

    app.post(
      base,
      {
        config: inviteLimit,
        onRequest: app.authorize('organisations.register'),
        schema: { tags, summary: `Register a ${kind} of the coordinator's region and invite its responsible person`, body: kind === 'school' ? registerSchoolSchema : registerVenueSchema },
      },
      async (request, reply) => reply.status(201).send(await registerOrganisation(app.ctx, request.principal!, kind, request.body, actorOf(request))),
    );

    app.get(
      `${base}/:id`,
      { onRequest: app.authorize('organisations.read'), schema: { tags, summary: `A ${kind}'s card with staff and KPIs`, params: organisationKindParams } },
      async (request) => describeOrganisation(app.ctx, request.principal!, kind, request.params.id),
    );

    app.patch(
      `${base}/:id`,
      {
        onRequest: app.authorize('organisations.update'),
        schema: { tags, summary: `Edit a ${kind}'s profile`, params: organisationKindParams, body: updateOrganisationSchema },
      },
      async (request) => {
        await editOrganisation(app.ctx, request.principal!, kind, request.params.id, request.body, actorOf(request));
        return { ok: true };
      },
    );

    app.post(
      `${base}/:id/suspend`,
      {
        onRequest: app.authorize('organisations.suspend'),
        schema: { tags, summary: `Suspend a ${kind}: its staff can no longer act`, params: organisationKindParams, body: suspendSchema },
      },
      async (request) => {
        await setOrganisationSuspended(app.ctx, request.principal!, kind, request.params.id, request.body, actorOf(request));
        return { ok: true };
      },
    );

    app.post(
      `${base}/:id/reactivate`,
      { onRequest: app.authorize('organisations.suspend'), schema: { tags, summary: `Lift a ${kind}'s suspension`, params: organisationKindParams } },
      async (request) => {
        await setOrganisationSuspended(app.ctx, request.principal!, kind, request.params.id, null, actorOf(request));
        return { ok: true };
      },
    );
  }
};
