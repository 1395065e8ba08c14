import type { AppContext } from '@server/context.js';
import type { Executor } from '@server/db/client.js';
import { inTransaction } from '@server/db/transaction.js';
import { conflict, notFound } from '@server/lib/errors.js';
import type { Principal } from '@server/plugins/session.js';
import { PROCESSING_INSTRUCTION } from '@common/organisations.js';
import { PERMISSIONS } from '@common/permissions.js';
import type { Role } from '@common/roles.js';
import type { AcceptInstruction } from '@common/schemas/organisations.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import { insertAcceptance, listAcceptances, organisationName, type InstructionAcceptance, type OrganisationRef } from './instruction.repository.js';
import { instructionOrganisation } from './instruction.policy.js';

export interface InstructionStatus {
  instruction: typeof PROCESSING_INSTRUCTION;
  organisation: OrganisationRef & { name: string };
  /** The acceptance of the current version, or null while it waits. */
  current: InstructionAcceptance | null;
  history: InstructionAcceptance[];
  /** Only the organisation's administrator accepts; its staff see where things stand. */
  canAccept: boolean;
}

async function statusOf(ctx: AppContext, principal: Principal, org: OrganisationRef): Promise<InstructionStatus> {
  const name = await organisationName(ctx.db, org);
  if (!name) throw notFound('Организация не найдена');
  const history = await listAcceptances(ctx.db, org);
  return {
    instruction: PROCESSING_INSTRUCTION,
    organisation: { ...org, name },
    current: history.find((h) => h.version === PROCESSING_INSTRUCTION.version) ?? null,
    history,
    canAccept: (PERMISSIONS['organisations.instruction_accept'] as readonly Role[]).includes(principal.role),
  };
}

export function instructionStatus(ctx: AppContext, principal: Principal): Promise<InstructionStatus> {
  return statusOf(ctx, principal, instructionOrganisation(principal));
}

/** The administrator accepts the version it read; accepting it again changes nothing. */
export async function acceptInstruction(ctx: AppContext, principal: Principal, input: AcceptInstruction, actor: AuditActor): Promise<InstructionStatus> {
  const org = instructionOrganisation(principal);
  if (input.version !== PROCESSING_INSTRUCTION.version) {
    throw conflict('instruction_version_changed', 'Текст поручения обновился. Прочитайте новую редакцию и примите её', { version: 'Редакция устарела' });
  }
  await inTransaction(ctx.db, async (tx) => {
    if (await insertAcceptance(tx, org, input.version, principal.accountId)) {
      await recordAudit(tx, actor, 'organisation.instruction_accepted', org.id, { kind: org.kind, version: input.version });
    }
  });
  return statusOf(ctx, principal, org);
}

/** For the demo data and fixtures: the organisation has accepted the current version, recorded by the operator. */
export async function recordInstructionAccepted(executor: Executor, org: OrganisationRef): Promise<void> {
  await insertAcceptance(executor, org, PROCESSING_INSTRUCTION.version, null);
}
