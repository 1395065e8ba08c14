import type { AppContext } from '@server/context.js';
import { inTransaction } from '@server/db/transaction.js';
import { eventCards } from './event-cards.repository.js';
import { notifyFamily } from './family-notice.js';
import { reminderNotice, type ReminderKind } from './reminder-notice.js';
import { claimReminders } from './reminders.repository.js';

export const EVENT_REMINDERS_JOB = 'event-reminders';

/** One transaction per batch keeps locks short when a popular day brings thousands of reminders. */
const BATCH = 200;

/**
 * Reminds each pupil and its parents of a confirmed event a day ahead and again within the hour
 * before it. Safe to run from several workers at once and as often as wanted: each place is
 * claimed before its notices are written. Answers how many places were reminded.
 */
export async function sendEventReminders(ctx: AppContext): Promise<Record<ReminderKind, number>> {
  const sent: Record<ReminderKind, number> = { day: 0, hour: 0 };
  for (const kind of ['day', 'hour'] as const) {
    for (;;) {
      const claimed = await inTransaction(ctx.db, async (tx, afterCommit) => {
        const rows = await claimReminders(tx, kind, BATCH);
        const cards = new Map((await eventCards(tx, [...new Set(rows.map((r) => r.event_id))])).map((c) => [c.id, c]));
        for (const row of rows) {
          await notifyFamily(ctx, tx, afterCommit, row.participant_id, reminderNotice(kind, cards.get(row.event_id)!));
        }
        return rows.length;
      });
      sent[kind] += claimed;
      if (claimed < BATCH) break;
    }
  }
  return sent;
}

export function registerEventJobs(ctx: AppContext): void {
  ctx.jobs.define(EVENT_REMINDERS_JOB, async () => {
    await sendEventReminders(ctx);
  });
}
