import type { AppContext } from '@server/context.js';
import { notFound } from '@server/lib/errors.js';
import type { PublicLinkSummary } from '@common/schemas/events.js';
import { linkTokenHash } from './link-token.js';
import { findLinkSummary } from './link-summary.repository.js';

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

/**
 * A lesson's card before sign-in, so a parent who opens the school's link sees what it is before
 * being sent to Госуслуги. A forged and a revoked link answer alike: a link is either live or not.
 */
export async function publicLinkSummary(ctx: AppContext, token: string): Promise<PublicLinkSummary> {
  const row = await findLinkSummary(ctx.db, linkTokenHash(token));
  if (!row) throw notFound('Ссылка для записи не найдена или отозвана. Проверьте, что она скопирована целиком, или попросите у школы новую');
  const startsAt = iso(row.starts_at);
  const endsAt = iso(row.ends_at);
  return {
    title: row.title,
    format: row.format,
    competency: row.competency,
    venue: row.venue,
    place: row.place,
    school: row.school,
    startsAt,
    endsAt,
    durationMinutes: Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000),
    capacity: row.capacity,
    seatsLeft: Math.max(0, row.capacity - row.seats_taken),
    gradeFrom: row.grade_from,
    gradeTo: row.grade_to,
    status: row.status,
  };
}
