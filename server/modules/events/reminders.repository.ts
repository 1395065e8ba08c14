import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@server/db/client.js';
import type { ReminderKind } from './reminder-notice.js';

/**
 * Which confirmed places of published events are due a reminder: the day reminder while the start
 * is between an hour and a day ahead, the hour reminder within the last hour before it.
 */
const WINDOWS: Record<ReminderKind, { column: string; from: string; to: string }> = {
  day: { column: 'reminded_day_at', from: `interval '1 hour'`, to: `interval '24 hours'` },
  hour: { column: 'reminded_hour_at', from: `interval '0 seconds'`, to: `interval '1 hour'` },
};

/**
 * Takes up to `limit` due reminders and stamps them sent, in the transaction that writes the
 * notices: another worker skips the rows locked here and finds them stamped after the commit, so a
 * reminder goes out once, and not at all when the notices were rolled back.
 */
export async function claimReminders(tx: Tx, kind: ReminderKind, limit: number) {
  const w = WINDOWS[kind];
  return queryRows<{ id: string; event_id: string; participant_id: string }>(
    tx,
    sql`update enrolments en set ${sql.raw(w.column)} = now()
      where en.id in (
        select d.id from enrolments d join events e on e.id = d.event_id
        where d.status = 'confirmed' and e.status = 'published' and d.${sql.raw(w.column)} is null
          and e.starts_at > now() + ${sql.raw(w.from)} and e.starts_at <= now() + ${sql.raw(w.to)}
        order by e.starts_at, d.id
        limit ${limit}
        for update of d skip locked
      ) and en.${sql.raw(w.column)} is null
      returning en.id, en.event_id, en.participant_id`,
  );
}
