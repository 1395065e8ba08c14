import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@common/roles.js';
import { PERMISSIONS, PUPIL_DATA_PERMISSIONS, SECOND_FACTOR_REQUIRED, type Permission } from '@common/permissions.js';
import { PROCESSING_INSTRUCTION, STAFF_CONSENT } from '@common/organisations.js';
import { AppError, forbidden, unauthorized } from '../lib/errors.js';
import { hashToken } from '../lib/tokens.js';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { LIVE_SESSION_CTE, touchSessionIfStale } from '../db/live-session.js';

export const SESSION_COOKIE = 'bilet_sid';

/**
 * What still stands between a staff member and its work: its organisation is suspended, it must
 * set up a second factor, or it has not accepted the current personal-data consent.
 */
export type Gate = 'suspended' | 'totp_setup' | 'pd_consent';

export interface Principal {
  accountId: string;
  role: Role;
  status: 'pending' | 'active' | 'disabled';
  sessionHash: string;
  /** The staff member's region: its own for a coordinator, its organisation's for school and venue staff. */
  regionId: number | null;
  schoolId: string | null;
  venueId: string | null;
  gate: Gate | null;
  /** School or venue staff whose organisation has not accepted the current operator's instruction: pupils' data stays closed. */
  instructionPending: boolean;
}

export interface AuthenticateOptions {
  /** Let a gated session through: the routes that clear the gate, sign out, or tell who is signed in. */
  allowGated?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** onRequest: the request must carry a live session, of one of these roles when given. */
    authenticate(roles?: readonly Role[], opts?: AuthenticateOptions): (request: FastifyRequest) => Promise<void>;
    /** onRequest hook: a live, ungated session whose role holds the permission. */
    authorize(permission: Permission): (request: FastifyRequest) => Promise<void>;
  }
}

const SECOND_FACTOR_ROLES_SQL = SECOND_FACTOR_REQUIRED.map((r) => `'${r}'`).join(', ');

const PRINCIPAL_SQL = `with ${LIVE_SESSION_CTE}
  select a.id as account_id, a.role, a.status, live.last_seen_at, sp.region_id, sp.school_id, sp.venue_id,
    case
      when a.role in ('participant', 'parent') then null
      when coalesce(sc.status, ve.status) = 'suspended' then 'suspended'
      when a.role in (${SECOND_FACTOR_ROLES_SQL}) and sp.totp_enabled_at is null then 'totp_setup'
      when sp.pd_consent_version is distinct from $3 then 'pd_consent'
    end as gate,
    case
      when sp.school_id is not null then not exists (select 1 from processing_instructions pi where pi.school_id = sp.school_id and pi.version = $4)
      when sp.venue_id is not null then not exists (select 1 from processing_instructions pi where pi.venue_id = sp.venue_id and pi.version = $4)
      else false
    end as instruction_pending
  from live join accounts a on a.id = live.account_id
  left join staff_profiles sp on sp.account_id = a.id
  left join schools sc on sc.id = sp.school_id
  left join venues ve on ve.id = sp.venue_id
  where a.status <> 'disabled'`;

interface PrincipalRow {
  account_id: string;
  role: Role;
  status: Principal['status'];
  last_seen_at: Date;
  region_id: number | null;
  school_id: string | null;
  venue_id: string | null;
  gate: Gate | null;
  instruction_pending: boolean;
}

const GATE_ERRORS: Record<Gate, () => AppError> = {
  suspended: () => new AppError('organisation_suspended', 403, 'Работа вашей организации в программе приостановлена координатором'),
  totp_setup: () => new AppError('second_factor_setup_required', 403, 'Сначала включите вход с кодом из приложения'),
  pd_consent: () => new AppError('staff_consent_required', 403, 'Сначала примите согласие на обработку персональных данных'),
};

export async function findPrincipal(database: Database, sessionHash: string, idleMs: number): Promise<Principal | null> {
  const [row] = await database.prepared<PrincipalRow>('session_principal', PRINCIPAL_SQL, [
    sessionHash,
    idleMs / 1000,
    STAFF_CONSENT.version,
    PROCESSING_INSTRUCTION.version,
  ]);
  if (!row) return null;
  await touchSessionIfStale(database, sessionHash, row.last_seen_at);
  return {
    accountId: row.account_id,
    role: row.role,
    status: row.status,
    sessionHash,
    regionId: row.region_id,
    schoolId: row.school_id,
    venueId: row.venue_id,
    gate: row.gate,
    instructionPending: row.instruction_pending,
  };
}

/** Says who must accept the instruction and where: the administrator itself, or the one its staff wait for. */
function instructionRequired(role: Role): AppError {
  const where = '«Поручение оператора» в кабинете';
  if (role === 'school' || role === 'venue') {
    return new AppError(
      'processing_instruction_required',
      403,
      `Данные учеников откроются, когда вы примете поручение оператора на обработку персональных данных: раздел ${where}`,
    );
  }
  const admin = role === 'navigator' ? 'школы' : 'площадки';
  return new AppError(
    'processing_instruction_required',
    403,
    `Данные учеников откроются, когда администратор вашей ${admin} примет поручение оператора на обработку персональных данных (раздел ${where} ${admin})`,
  );
}

export function sessionHashFrom(request: FastifyRequest): string | null {
  const token = request.cookies[SESSION_COOKIE];
  return token && token.length <= 100 ? hashToken(token) : null;
}

type CookieConfig = Pick<Config, 'cookieSecure' | 'sessionAbsoluteMs'>;

/** The cookie lives exactly as long as the session row may (its absolute lifetime). */
export function setSessionCookie(reply: FastifyReply, config: CookieConfig, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: CookieConfig): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure });
}

export const sessionPlugin = fp(async (app) => {
  app.decorateRequest('principal', null);
  const authenticate = (roles?: readonly Role[], opts: AuthenticateOptions = {}) => async (request: FastifyRequest) => {
    const hash = sessionHashFrom(request);
    const principal = hash ? await findPrincipal(app.ctx.database, hash, app.ctx.config.sessionIdleMs) : null;
    if (!principal) throw unauthorized();
    if (roles && !roles.includes(principal.role)) throw forbidden();
    if (principal.gate && !opts.allowGated) throw GATE_ERRORS[principal.gate]();
    request.principal = principal;
  };
  app.decorate('authenticate', authenticate);
  app.decorate('authorize', (permission: Permission) => {
    const check = authenticate(PERMISSIONS[permission]);
    if (!PUPIL_DATA_PERMISSIONS.includes(permission)) return check;
    return async (request: FastifyRequest) => {
      await check(request);
      if (request.principal!.instructionPending) throw instructionRequired(request.principal!.role);
    };
  });
});
