import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '@server/context.js';
import type { FeedbackListener } from '../events/index.js';
import { draftPlanIfDue } from './drafting.service.js';

/**
 * The study plan's subscription to the mentor's feedback (events' onFeedbackRecorded, wired in
 * app.ts): drafts the plan right after the feedback committed, in its own transaction. A failure
 * is logged and leaves the feedback saved; the navigator's «Подготовить планы» drafts it again.
 */
export function planDraftingListener(ctx: AppContext, log: FastifyBaseLogger): FeedbackListener {
  return async (participantId) => {
    try {
      await draftPlanIfDue(ctx, participantId);
    } catch (err) {
      log.error({ err }, 'drafting a study plan after feedback failed');
    }
  };
}
