import type { AfterCommit } from '@server/db/transaction.js';
import { createSignal } from '@server/lib/signal.js';
import type { EnrolmentStatus } from '@common/events.js';

/** Enrolments that reached a status in one transaction: booked, promoted, agreed, ended or expired. */
export interface EnrolmentChange {
  status: EnrolmentStatus;
  count: number;
}

const changed = createSignal<EnrolmentChange>();

/** Subscribes to enrolments changing status (the metrics, in app.ts); each is heard once it committed. */
export const onEnrolmentChanged = (app: object, listener: (fact: EnrolmentChange) => void) => changed.on(app, listener);

/** Announces what the caller's transaction did to enrolments, once it commits. */
export function announceEnrolmentChange(app: object, afterCommit: AfterCommit, fact: EnrolmentChange): void {
  if (fact.count > 0) afterCommit(() => changed.emit(app, fact));
}
