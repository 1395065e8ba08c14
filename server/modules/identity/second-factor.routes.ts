import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STAFF_ROLES } from '@common/roles.js';
import { secondFactorCodeBodySchema, secondFactorSignInSchema, totpCodeBodySchema } from '@common/schemas/staff-access.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { mailingRateLimit } from '@server/plugins/rate-limits.js';
import { sessionHashFrom, setSessionCookie } from '@server/plugins/session.js';
import {
  beginTotpSetup,
  completeSecondFactorSignIn,
  disableTotp,
  enableTotp,
  renewRecoveryCodes,
  secondFactorStatus,
} from './second-factor.service.js';

export const secondFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.ctx;
  // A staff member who must set up the factor is gated until it does, so these pass gated sessions.
  const staffEvenGated = app.authenticate(STAFF_ROLES, { allowGated: true });

  app.post(
    '/auth/sign-in/second-factor',
    {
      config: mailingRateLimit(app),
      schema: { tags: ['auth'], summary: 'Finish sign-in with a code from the app or a recovery code', body: secondFactorSignInSchema },
    },
    async (request, reply) => {
      const session = await completeSecondFactorSignIn(app.ctx, request.body, actorOf(request), sessionHashFrom(request));
      setSessionCookie(reply, config, session.token);
      return { role: session.role };
    },
  );

  app.get(
    '/auth/second-factor',
    { onRequest: staffEvenGated, schema: { tags: ['auth'], summary: 'Second factor of the signed-in staff member: on or off, required, recovery codes left' } },
    async (request) => secondFactorStatus(app.ctx, request.principal!.accountId, request.principal!.role),
  );

  app.post(
    '/auth/second-factor/setup',
    { onRequest: staffEvenGated, schema: { tags: ['auth'], summary: 'A new TOTP secret with its QR code, pending until enabled' } },
    async (request) => beginTotpSetup(app.ctx, request.principal!.accountId),
  );

  app.post(
    '/auth/second-factor/enable',
    { onRequest: staffEvenGated, schema: { tags: ['auth'], summary: 'Turn the pending secret on with a code from it; answers the recovery codes once', body: totpCodeBodySchema } },
    async (request) => enableTotp(app.ctx, request.principal!.accountId, request.body.code, actorOf(request)),
  );

  app.post(
    '/auth/second-factor/disable',
    { onRequest: staffEvenGated, schema: { tags: ['auth'], summary: 'Turn the second factor off (roles that need not have it)', body: secondFactorCodeBodySchema } },
    async (request) => {
      await disableTotp(app.ctx, request.principal!.accountId, request.principal!.role, request.body.code, actorOf(request));
      return { ok: true };
    },
  );

  app.post(
    '/auth/second-factor/recovery-codes',
    { onRequest: staffEvenGated, schema: { tags: ['auth'], summary: 'A new set of recovery codes; the old set stops working', body: secondFactorCodeBodySchema } },
    async (request) => renewRecoveryCodes(app.ctx, request.principal!.accountId, request.body.code, actorOf(request)),
  );
};
