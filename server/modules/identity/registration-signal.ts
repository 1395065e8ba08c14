import type { AfterCommit } from '@server/db/transaction.js';
import { createSignal } from '@server/lib/signal.js';
import type { Role } from '@common/roles.js';

/**
 * How an account came to be: the pupil itself (`self`), following a parent's invitation
 * (`parent_invitation`), opened by a parent for a child under 14 (`by_parent`), a parent's first
 * ESIA sign-in (`esia`), a school's form (`by_school`) or import (`import`), a staff invitation
 * (`staff_invitation`).
 */
export type RegistrationScenario = 'self' | 'parent_invitation' | 'by_parent' | 'esia' | 'by_school' | 'import' | 'staff_invitation';

export interface Registration {
  scenario: RegistrationScenario;
  role: Role;
  /** Accounts the one transaction created (an import's chunk creates many). */
  count: number;
}

const registered = createSignal<Registration>();

/** Subscribes to registrations (the metrics, in app.ts); a listener hears each once it committed. */
export const onRegistered = (app: object, listener: (fact: Registration) => void) => registered.on(app, listener);

/** Announces accounts the caller's transaction creates, once it commits; never when it rolls back. */
export function announceRegistration(app: object, afterCommit: AfterCommit, fact: Registration): void {
  if (fact.count > 0) afterCommit(() => registered.emit(app, fact));
}
