import { eq, sql } from 'drizzle-orm';
import { queryRows, type Database, type Executor } from './client.js';
import { sessions } from './schema/index.js';

/**
 * The live session's rows, as a CTE for statements that check the session and read or write their
 * own data in one round trip ($1 the id hash, $2 the idle timeout in seconds): the session plugin's
 * principal, the pupil's cabinet, saving an answer, enrolling by a lesson's link.
 */
export const LIVE_SESSION_CTE = `live as (
  select s.id_hash, s.account_id, s.last_seen_at from sessions s
  where s.id_hash = $1 and s.expires_at > now() and s.last_seen_at > now() - make_interval(secs => $2)
)`;

/** How stale last_seen_at may get before it is written again; the idle timeout counts from it. */
const TOUCH_AFTER_MS = 60_000;

/**
 * Renews last_seen_at at most once a minute per session, so reading a session is one round trip
 * and writing it is an occasional second one.
 */
export async function touchSessionIfStale(database: Database, sessionHash: string, lastSeenAt: Date | string): Promise<void> {
  if (Date.now() - new Date(lastSeenAt).getTime() < TOUCH_AFTER_MS) return;
  await database.db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.idHash, sessionHash));
}

/** The account a session belongs to, for a statement that has just found the session live. */
export async function accountOfSession(executor: Executor, sessionHash: string): Promise<string | null> {
  const [row] = await queryRows<{ account_id: string }>(executor, sql`select account_id from sessions where id_hash = ${sessionHash}`);
  return row?.account_id ?? null;
}
