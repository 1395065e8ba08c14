import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STAFF_ROLES } from '@common/roles.js';
import { idParamsSchema } from '@common/schemas/identity.js';
import { inviteStaffSchema, ownProfileSchema, staffListQuerySchema, updateStaffSchema } from '@common/schemas/organisations.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { mailingRateLimit } from '@server/plugins/rate-limits.js';
import {
  describeOwnProfile,
  findStaff,
  inviteStaffMember,
  removeStaffMember,
  resendStaffInvitation,
  updateOwnProfile,
  updateStaffMember,
} from './staff.service.js';

/** Staff members: one's own profile, and the people one invites and looks after. */
export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['staff'];
  const inviteLimit = mailingRateLimit(app);

  app.get(
    '/staff/me',
    // Gate pages show who is signed in, so a gated session may read its own card.
    { onRequest: app.authenticate(STAFF_ROLES, { allowGated: true }), schema: { tags, summary: "The signed-in staff member's profile" } },
    async (request) => describeOwnProfile(app.ctx, request.principal!.accountId),
  );

  app.patch(
    '/staff/me',
    { onRequest: app.authorize('profile.self'), schema: { tags, summary: 'Edit own profile', body: ownProfileSchema } },
    async (request) => {
      await updateOwnProfile(app.ctx, request.principal!, request.body, actorOf(request));
      return { ok: true };
    },
  );

  app.get(
    '/staff',
    { onRequest: app.authorize('staff.read'), schema: { tags, summary: 'Staff the caller looks after, paged', querystring: staffListQuerySchema } },
    async (request) => findStaff(app.ctx, request.principal!, request.query),
  );

  app.post(
    '/staff',
    { config: inviteLimit, onRequest: app.authorize('staff.invite'), schema: { tags, summary: 'Invite a staff member by e-mail', body: inviteStaffSchema } },
    async (request, reply) => reply.status(201).send(await inviteStaffMember(app.ctx, request.principal!, request.body, actorOf(request))),
  );

  app.patch(
    '/staff/:id',
    { onRequest: app.authorize('staff.update'), schema: { tags, summary: "Change a mentor's position and competencies", params: idParamsSchema, body: updateStaffSchema } },
    async (request) => {
      await updateStaffMember(app.ctx, request.principal!, request.params.id, request.body, actorOf(request));
      return { ok: true };
    },
  );

  app.delete(
    '/staff/:id',
    { onRequest: app.authorize('staff.remove'), schema: { tags, summary: "Close a staff member's access (nothing is deleted)", params: idParamsSchema } },
    async (request) => {
      await removeStaffMember(app.ctx, request.principal!, request.params.id, actorOf(request));
      return { ok: true };
    },
  );

  app.post(
    '/staff/:id/invitation',
    { config: inviteLimit, onRequest: app.authorize('staff.remove'), schema: { tags, summary: 'Send a pending invitation again', params: idParamsSchema } },
    async (request) => {
      await resendStaffInvitation(app.ctx, request.principal!, request.params.id, actorOf(request));
      return { ok: true };
    },
  );
};
