import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Role } from '../../common/roles.js';
import { forbidden, unauthorized } from '../lib/errors.js';
import { hashToken } from '../lib/tokens.js';
import { queryRows, type Executor } from '../db/client.js';

export const SESSION_COOKIE = 'bilet_sid';

export interface Principal {
  accountId: string;
  role: Role;
  status: 'pending' | 'active' | 'disabled';
  sessionHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** preHandler: the request must carry a live session, of one of these roles when given. */
    authenticate(roles?: readonly Role[]): (request: FastifyRequest) => Promise<void>;
  }
}

/**
 * The live session as common table expressions `live` and `touched`, for statements that check the
 * session and read their data in one round trip. `touched` renews last_seen_at at most once a
 * minute, which is what the idle timeout counts from. Data-modifying CTEs must be top-level, so
 * callers put this right after WITH.
 */
export function liveSessionCtes(sessionHash: string, idleMs: number) {
  return sql`
    live as (
      select s.id_hash, s.account_id from sessions s
      where s.id_hash = ${sessionHash} and s.expires_at > now()
        and s.last_seen_at > now() - make_interval(secs => ${idleMs / 1000})
    ), touched as (
      update sessions set last_seen_at = now()
      where id_hash = (select id_hash from live) and last_seen_at < now() - interval '60 seconds'
      returning 1
    )`;
}

function sessionPrincipalSql(sessionHash: string, idleMs: number) {
  return sql`with ${liveSessionCtes(sessionHash, idleMs)}
    select a.id as account_id, a.role, a.status from live join accounts a on a.id = live.account_id
    where a.status <> 'disabled'`;
}

export async function findPrincipal(executor: Executor, sessionHash: string, idleMs: number): Promise<Principal | null> {
  const [row] = await queryRows<{ account_id: string; role: Role; status: Principal['status'] }>(executor, sessionPrincipalSql(sessionHash, idleMs));
  return row ? { accountId: row.account_id, role: row.role, status: row.status, sessionHash } : null;
}

export function sessionHashFrom(request: FastifyRequest): string | null {
  const token = request.cookies[SESSION_COOKIE];
  return token && token.length <= 100 ? hashToken(token) : null;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeMs: number): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: Math.floor(maxAgeMs / 1000) });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export const sessionPlugin = fp(async (app) => {
  app.decorateRequest('principal', null);
  app.decorate('authenticate', (roles?: readonly Role[]) => async (request: FastifyRequest) => {
    const hash = sessionHashFrom(request);
    const principal = hash ? await findPrincipal(app.ctx.db, hash, app.ctx.config.sessionIdleMs) : null;
    if (!principal) throw unauthorized();
    if (roles && !roles.includes(principal.role)) throw forbidden();
    request.principal = principal;
  });
});
