import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../modules/audit/index.js';

/** The audit's "who and from where" for this request. */
export function actorOf(request: FastifyRequest): AuditActor {
  return {
    actorId: request.principal?.accountId ?? null,
    actorRole: request.principal?.role ?? null,
    ip: request.ip,
  };
}
