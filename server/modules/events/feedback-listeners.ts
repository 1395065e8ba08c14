import type { AppContext } from '@server/context.js';

export type FeedbackListener = (participantId: string) => Promise<void>;

/**
 * Who wants to know that a mentor graded a pupil's work. Modules that build on a trial's outcome
 * (the study plan) subscribe here at start-up, in app.ts, so that events never imports them and
 * no cycle forms. Listeners are kept per application, as a test process builds several.
 */
const listeners = new WeakMap<AppContext, FeedbackListener[]>();

export function onFeedbackRecorded(ctx: AppContext, listener: FeedbackListener): void {
  listeners.set(ctx, [...(listeners.get(ctx) ?? []), listener]);
}

/** Runs after the feedback committed; a listener's failure is its own to handle, never the mentor's request's. */
export async function feedbackRecorded(ctx: AppContext, participantId: string): Promise<void> {
  for (const listener of listeners.get(ctx) ?? []) await listener(participantId);
}
