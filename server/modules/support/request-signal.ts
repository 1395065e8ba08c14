import type { AfterCommit } from '@server/db/transaction.js';
import { createSignal } from '@server/lib/signal.js';

/** A support request registered: from the form or a letter, and whether the intake rules closed it. */
export interface SupportRequestRegistered {
  channel: 'form' | 'email';
  outcome: 'new' | 'no_answer';
}

const registered = createSignal<SupportRequestRegistered>();

/** Subscribes to new support requests (the metrics, in app.ts); each is heard once it committed. */
export const onSupportRequest = (app: object, listener: (fact: SupportRequestRegistered) => void) => registered.on(app, listener);

export function announceSupportRequest(app: object, afterCommit: AfterCommit, fact: SupportRequestRegistered): void {
  afterCommit(() => registered.emit(app, fact));
}
