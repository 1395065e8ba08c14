import type { AppContext } from '@server/context.js';
import { notFound } from '@server/lib/errors.js';
import type { PublicLinkSummary } from '@common/schemas/events.js';
import { linkTokenHash } from './link-token.js';
import { findLink } from './enrolment.repository.js';
import { eventCard } from './event-cards.repository.js';

/**
 * A lesson's card before sign-in, so a parent who opens the school's link sees what it is before
 * being sent to Госуслуги: only what a school announces, no mentors, video link or ids. A forged
 * and a revoked link answer alike: a link is either live or not.
 */
export async function publicLinkSummary(ctx: AppContext, token: string): Promise<PublicLinkSummary> {
  const link = await findLink(ctx.db, linkTokenHash(token));
  const card = link && !link.revoked ? await eventCard(ctx.db, link.event_id) : null;
  if (!card) throw notFound('Ссылка для записи не найдена или отозвана. Проверьте, что она скопирована целиком, или попросите у школы новую');
  const { competency, venue, place, school } = card;
  return {
    title: card.title,
    format: card.format,
    competency: { name: competency.name, sphereName: competency.sphereName },
    venue: { name: venue.name },
    place: place && { name: place.name, address: place.address, cityName: place.cityName },
    school: school && { name: school.name },
    startsAt: card.startsAt,
    endsAt: card.endsAt,
    durationMinutes: card.durationMinutes,
    capacity: card.capacity,
    seatsLeft: card.seatsLeft,
    gradeFrom: card.gradeFrom,
    gradeTo: card.gradeTo,
    status: card.status,
  };
}
