import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STAFF_ROLES } from '@common/roles.js';
import { acceptStaffInvitationSchema, staffConsentBodySchema, staffInvitationParamsSchema } from '@common/schemas/staff-access.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { mailingRateLimit } from '@server/plugins/rate-limits.js';
import { sessionHashFrom, setSessionCookie } from '@server/plugins/session.js';
import { acceptStaffConsent, acceptStaffInvitation, describeStaffInvitation, getStaffConsent } from './staff-onboarding.service.js';

export const staffOnboardingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.ctx;
  const tokenLimit = mailingRateLimit(app);
  // Consent is itself a gate; accepting it while the second factor is still to be set up does no harm.
  const staffEvenGated = app.authenticate(STAFF_ROLES, { allowGated: true });

  app.get(
    '/staff-invitations/:token',
    { config: tokenLimit, schema: { tags: ['staff'], summary: 'Who is invited where, before the password is chosen', params: staffInvitationParamsSchema } },
    async (request) => describeStaffInvitation(app.ctx, request.params.token),
  );

  app.post(
    '/staff-invitations/accept',
    { config: tokenLimit, schema: { tags: ['staff'], summary: 'Accept a staff invitation with a new password; signs in', body: acceptStaffInvitationSchema } },
    async (request, reply) => {
      const session = await acceptStaffInvitation(app.ctx, request.body, actorOf(request), sessionHashFrom(request));
      setSessionCookie(reply, config, session.token);
      return { role: session.role };
    },
  );

  app.get(
    '/staff/consent',
    { onRequest: staffEvenGated, schema: { tags: ['staff'], summary: 'The staff personal-data consent and what this staff member accepted' } },
    async (request) => getStaffConsent(app.ctx, request.principal!.accountId),
  );

  app.post(
    '/staff/consent',
    { onRequest: staffEvenGated, schema: { tags: ['staff'], summary: 'Accept the current staff personal-data consent', body: staffConsentBodySchema } },
    async (request) => acceptStaffConsent(app.ctx, request.principal!.accountId, request.body.version, actorOf(request)),
  );
};
