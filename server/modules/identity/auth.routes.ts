import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { emailBodySchema, passwordResetSchema, signInSchema, tokenBodySchema } from '@common/schemas/identity.js';
import { findAccountById } from './accounts.repository.js';
import { actorOf } from '@server/plugins/request-actor.js';
import { mailingRateLimit } from '@server/plugins/rate-limits.js';
import { clearSessionCookie, findPrincipal, sessionHashFrom, setSessionCookie } from '@server/plugins/session.js';
import { activateAccount, requestPasswordReset, resendActivation, setPasswordByToken, signInWithPassword, signOut } from './auth.service.js';


export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.ctx;
  const strictLimit = mailingRateLimit(app);

  app.get('/auth/session', { schema: { tags: ['auth'], summary: 'Who is signed in (account null when nobody)' } }, async (request) => {
    const hash = sessionHashFrom(request);
    const principal = hash ? await findPrincipal(app.ctx.database, hash, config.sessionIdleMs) : null;
    if (!principal) return { account: null };
    const account = await findAccountById(app.ctx.db, principal.accountId);
    if (!account) return { account: null };
    return {
      account: {
        id: account.id,
        role: principal.role,
        status: account.status,
        firstName: account.firstName,
        lastName: account.lastName,
        emailVerified: Boolean(account.emailVerifiedAt),
        gate: principal.gate,
        instructionPending: principal.instructionPending,
        regionId: principal.regionId,
        schoolId: principal.schoolId,
        venueId: principal.venueId,
      },
    };
  });

  app.post(
    '/auth/sign-in',
    { schema: { tags: ['auth'], summary: 'Sign in with e-mail and password (participants and staff); a second factor answers with a challenge instead', body: signInSchema } },
    async (request, reply) => {
      const result = await signInWithPassword(app.ctx, request.body, actorOf(request), sessionHashFrom(request));
      if ('challenge' in result) return { secondFactorRequired: true as const, challenge: result.challenge };
      setSessionCookie(reply, config, result.token);
      return { role: result.role };
    },
  );

  app.post(
    '/auth/sign-out',
    { onRequest: app.authenticate(undefined, { allowGated: true }), schema: { tags: ['auth'], summary: 'End the session on the server' } },
    async (request, reply) => {
      await signOut(app.ctx, request.principal!.sessionHash, actorOf(request));
      clearSessionCookie(reply, config);
      return { ok: true };
    },
  );

  app.post(
    '/auth/activate',
    { config: strictLimit, schema: { tags: ['auth'], summary: 'Confirm the e-mail from the activation link', body: tokenBodySchema } },
    async (request) => {
      await activateAccount(app.ctx, request.body.token, actorOf(request));
      return { ok: true };
    },
  );

  app.post(
    '/auth/activation/resend',
    { config: strictLimit, onRequest: app.authenticate(['participant']), schema: { tags: ['auth'], summary: 'Send the activation e-mail again' } },
    async (request) => {
      await resendActivation(app.ctx, request.principal!.accountId);
      return { ok: true };
    },
  );

  app.post(
    '/auth/password-reset',
    { config: strictLimit, schema: { tags: ['auth'], summary: 'E-mail a password reset link (same answer for any address)', body: emailBodySchema } },
    async (request, reply) => {
      await requestPasswordReset(app.ctx, request.body.email, actorOf(request));
      return reply.status(202).send({ ok: true });
    },
  );

  app.post(
    '/auth/password',
    {
      config: strictLimit,
      schema: { tags: ['auth'], summary: 'Set a new password from a reset or first sign-in link', body: passwordResetSchema },
    },
    async (request) => {
      await setPasswordByToken(app.ctx, request.body.token, request.body.password, actorOf(request));
      return { ok: true };
    },
  );

  app.get('/auth/config', { schema: { tags: ['auth'], summary: 'Sign-in options the pages need' } }, async () => ({
    esiaEmulator: Boolean(app.ctx.esiaEmulatorPath),
    devMailbox: config.devMailbox,
    // The pages show links meant for developers (the API reference, the mailbox) only outside production.
    development: config.env !== 'production',
  }));
};
