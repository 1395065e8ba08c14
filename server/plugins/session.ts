import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Role } from '../../common/roles.js';
import { forbidden, unauthorized } from '../lib/errors.js';
import { hashToken } from '../lib/tokens.js';
import type { Database } from '../db/client.js';
import { sessions } from '../db/schema/index.js';

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
 * The live session's rows, as a CTE for statements that check the session and read their own data
 * in one round trip ($1 the id hash, $2 the idle timeout in seconds).
 */
export const LIVE_SESSION_CTE = `live as (
  select s.id_hash, s.account_id, s.last_seen_at from sessions s
  where s.id_hash = $1 and s.expires_at > now() and s.last_seen_at > now() - make_interval(secs => $2)
)`;

const PRINCIPAL_SQL = `with ${LIVE_SESSION_CTE}
  select a.id as account_id, a.role, a.status, live.last_seen_at
  from live join accounts a on a.id = live.account_id where a.status <> 'disabled'`;

/** How stale last_seen_at may get before it is written again; the idle timeout counts from it. */
const TOUCH_AFTER_MS = 60_000;

/**
 * Renews last_seen_at at most once a minute per session, so reading a session is one round trip
 * and writing it is an occasional second one.
 */
export async function touchSessionIfStale(database: Database, sessionHash: string, lastSeenAt: Date | string): Promise<void> {
  if (Date.now() - new Date(lastSeenAt).getTime() < TOUCH_AFTER_MS) return;
  await database.db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.idHash, sessionHash));
}

export async function findPrincipal(database: Database, sessionHash: string, idleMs: number): Promise<Principal | null> {
  const [row] = await database.prepared<{ account_id: string; role: Role; status: Principal['status']; last_seen_at: Date }>(
    'session_principal',
    PRINCIPAL_SQL,
    [sessionHash, idleMs / 1000],
  );
  if (!row) return null;
  await touchSessionIfStale(database, sessionHash, row.last_seen_at);
  return { accountId: row.account_id, role: row.role, status: row.status, sessionHash };
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
    const principal = hash ? await findPrincipal(app.ctx.database, hash, app.ctx.config.sessionIdleMs) : null;
    if (!principal) throw unauthorized();
    if (roles && !roles.includes(principal.role)) throw forbidden();
    request.principal = principal;
  });
});
