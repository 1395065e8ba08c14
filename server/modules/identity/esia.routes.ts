import crypto from 'node:crypto';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '@server/plugins/request-actor.js';
import { sessionHashFrom, setSessionCookie } from '@server/plugins/session.js';
import { recordAudit } from '../audit/index.js';
import { openSession } from './auth.service.js';
import { EsiaError } from './esia/esia-client.js';
import { EsiaClaimsError, upsertParentFromEsia } from './parent.service.js';

const FLOW_COOKIE = 'bilet_esia';

/** Only our own pages may be a destination after sign-in: no open redirect through ESIA. */
export function safeReturnPath(value: string | undefined): string | null {
  if (!value || value.length > 300) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.startsWith('/api/')) return null;
  return /^[\w\-./?=&%]+$/.test(value) ? value : null;
}

/**
 * Where a sign-in that did not finish (a cancel at ESIA, a missing SNILS…) leads: back to the page
 * it started from, which says what happened in its own words (a lesson's card keeps the lesson),
 * or, without one, to the page that explains each reason.
 */
export function failureDestination(returnTo: string | null, reason: string): string {
  if (!returnTo) return `/esia/error?reason=${reason}`;
  return `${returnTo}${returnTo.includes('?') ? '&' : '?'}esia=${reason}`;
}

interface FlowState {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string | null;
}

function sign(secret: string, payload: string) {
  return crypto.createHmac('sha256', secret).update(payload).digest('base64url');
}

/** The PKCE verifier, state and nonce travel in a signed, short-lived, httpOnly cookie. */
function packFlow(secret: string, flow: FlowState) {
  const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

function unpackFlow(secret: string, cookie: string | undefined): FlowState | null {
  if (!cookie) return null;
  const [payload, mac] = cookie.split('.');
  if (!payload || !mac) return null;
  const expected = sign(secret, payload);
  if (mac.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return null;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as FlowState;
  } catch {
    return null;
  }
}

/** Parents sign in only through ESIA: authorization code + PKCE, then a session of our own. */
export const esiaRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.ctx;
  const cookieOptions = { path: '/api/auth/esia', httpOnly: true, sameSite: 'lax' as const, secure: config.cookieSecure };

  app.get(
    '/auth/esia/start',
    {
      schema: {
        tags: ['auth'],
        summary: 'Begin parent sign-in through ESIA (redirects to the identity provider)',
        querystring: z.object({ returnTo: z.string().max(300).optional() }),
      },
    },
    async (request, reply) => {
      const returnTo = safeReturnPath(request.query.returnTo);
      try {
        const start = await app.ctx.esia.startSignIn();
        const flow: FlowState = { state: start.state, nonce: start.nonce, codeVerifier: start.codeVerifier, returnTo };
        reply.setCookie(FLOW_COOKIE, packFlow(app.ctx.cookieSecret, flow), { ...cookieOptions, maxAge: 600 });
        return reply.redirect(start.url, 303);
      } catch (err) {
        request.log.warn({ err }, 'ESIA unavailable');
        return reply.redirect(failureDestination(returnTo, 'provider_unavailable'), 303);
      }
    },
  );

  app.get(
    '/auth/esia/callback',
    { schema: { tags: ['auth'], summary: 'Where ESIA returns the parent', querystring: z.record(z.string(), z.string().max(2000)) } },
    async (request, reply) => {
      const flow = unpackFlow(app.ctx.cookieSecret, request.cookies[FLOW_COOKIE]);
      reply.clearCookie(FLOW_COOKIE, cookieOptions);
      const fail = async (reason: string) => {
        await recordAudit(app.ctx.db, actorOf(request), 'auth.esia.failed', null, { reason });
        return reply.redirect(failureDestination(flow?.returnTo ?? null, reason), 303);
      };
      if (!flow) return fail('session_expired');
      const url = new URL(request.url, config.publicUrl);
      try {
        const claims = await app.ctx.esia.finishSignIn(url, flow);
        const parent = await upsertParentFromEsia(app.ctx, claims, actorOf(request));
        const session = await openSession(app.ctx, parent.accountId, 'parent', sessionHashFrom(request));
        setSessionCookie(reply, config, session.token);
        const next = parent.status === 'active' ? (flow.returnTo ?? '/parent') : `/parent/confirm${flow.returnTo ? `?returnTo=${encodeURIComponent(flow.returnTo)}` : ''}`;
        return reply.redirect(next, 303);
      } catch (err) {
        if (err instanceof EsiaClaimsError) return fail(err.reason);
        if (err instanceof EsiaError) return fail(err.code === 'access_denied' ? 'access_denied' : 'provider_error');
        throw err;
      }
    },
  );
};
