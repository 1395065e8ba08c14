import type { AfterCommit } from '@server/db/transaction.js';
import { createSignal } from '@server/lib/signal.js';

/** An attempt scored and stored: a test's answers or a game's play. */
export interface AttemptCompletion {
  kind: 'test' | 'game';
}

const completed = createSignal<AttemptCompletion>();

/** Subscribes to completed attempts (the metrics, in app.ts); each is heard once it committed. */
export const onAttemptCompleted = (app: object, listener: (fact: AttemptCompletion) => void) => completed.on(app, listener);

export function announceCompletion(app: object, afterCommit: AfterCommit, fact: AttemptCompletion): void {
  afterCommit(() => completed.emit(app, fact));
}
