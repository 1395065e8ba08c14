import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '@server/context.js';
import { queryRows, type Executor, type Tx } from '@server/db/client.js';
import type { AfterCommit } from '@server/db/transaction.js';
import type { ConsentKind } from '@common/schemas/identity.js';
import type { AuditActor } from '../audit/index.js';

/**
 * Where a child's consent of one kind stands: in force (some linked parent's consent is active),
 * withdrawn (there was one, none is active now) or never given. Staff sight, diagnostics and the
 * footprint follow 'withdrawn' — a child whose parent has not answered yet keeps what the
 * programme allowed before consents could be withdrawn.
 */
export type ConsentState = 'given' | 'withdrawn' | 'never';

/** The one SQL condition every staff read of a child's results, footprint or ОВЗ details carries. */
export function consentWithdrawnSql(childId: SQL, kind: ConsentKind): SQL {
  return sql`(exists (select 1 from consents cw where cw.child_id = ${childId} and cw.kind = ${kind} and cw.withdrawn_at is not null)
    and not exists (select 1 from consents cg where cg.child_id = ${childId} and cg.kind = ${kind} and cg.withdrawn_at is null))`;
}

export async function consentStateOf(executor: Executor, childId: string, kind: ConsentKind): Promise<ConsentState> {
  const [row] = await queryRows<{ active: boolean; withdrawn: boolean }>(
    executor,
    sql`select bool_or(withdrawn_at is null) as active, bool_or(withdrawn_at is not null) as withdrawn
      from consents where child_id = ${childId} and kind = ${kind}`,
  );
  if (row?.active) return 'given';
  return row?.withdrawn ? 'withdrawn' : 'never';
}

/**
 * What must happen when a child's consent stops being in force (the events module cancels the
 * child's upcoming enrolments). Listeners run inside the withdrawal's transaction, so a consent is
 * never withdrawn with its consequences half done; they subscribe in app.ts, so identity imports
 * none of them. Kept per application, as a test process builds several.
 */
export type ConsentLapseListener = (tx: Tx, afterCommit: AfterCommit, lapse: ConsentLapse) => Promise<void>;

export interface ConsentLapse {
  childId: string;
  kind: ConsentKind;
  /** Who withdrew it, for the consequences' own audit records. */
  actor: AuditActor;
}

const listeners = new WeakMap<AppContext, ConsentLapseListener[]>();

export function onConsentLapsed(ctx: AppContext, listener: ConsentLapseListener): void {
  listeners.set(ctx, [...(listeners.get(ctx) ?? []), listener]);
}

export async function consentLapsed(ctx: AppContext, tx: Tx, afterCommit: AfterCommit, lapse: ConsentLapse): Promise<void> {
  for (const listener of listeners.get(ctx) ?? []) await listener(tx, afterCommit, lapse);
}
