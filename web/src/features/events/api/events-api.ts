import { useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EligibilityCondition } from '@common/events.js';
import type { ChildEligibility, EnrolmentResult, EventCard, LinkCard, PublicLinkSummary } from '@common/schemas/events.js';
import { ApiError, api, post } from '@web/lib/api-client';
import { eventsKey } from '@web/lib/pupil-events/pupil-events-api';

export interface CatalogueFilters {
  regionId?: string;
  cityId?: string;
  anyCity?: string;
  sphere?: string;
  competency?: string;
  format?: string;
  from?: string;
  to?: string;
  ovz?: string;
  withSeats?: string;
  /** 'fit' ranks by the pupil's recommendations; absent, by date. */
  order?: string;
  page?: string;
}

/** Ranked by fit, each event of the page with its score and the sentence saying why it suits the pupil ('' when nothing does). */
export interface CatalogueFit {
  eventId: string;
  score: number;
  reason: string;
}

export interface CataloguePage {
  items: EventCard[];
  fit?: CatalogueFit[];
  total: number;
  page: number;
  pageSize: number;
  /** The pupil's own region and city, which the server applies when the query names none. */
  defaults: { regionId: number | null; cityId: number | null };
}

export const CATALOGUE_PAGE_SIZE = 10;

export function useCatalogue(filters: CatalogueFilters) {
  const query = new URLSearchParams({ pageSize: String(CATALOGUE_PAGE_SIZE) });
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  return useQuery({
    queryKey: [...eventsKey, 'catalogue', query.toString()],
    queryFn: () => api<CataloguePage>(`/events/catalogue?${query.toString()}`),
    // The next page keeps the current one on screen instead of flashing a loader.
    placeholderData: (previous) => previous,
  });
}

export interface EventWithChildren {
  event: EventCard;
  children: ChildEligibility[];
}

export function useEventCard(eventId: string) {
  return useQuery({ queryKey: [...eventsKey, 'card', eventId], queryFn: () => api<EventWithChildren>(`/events/${eventId}`) });
}

/** The lesson behind a link as anyone may see it, before signing in. */
export function useLinkSummary(token: string) {
  return useQuery({
    queryKey: [...eventsKey, 'link-summary', token],
    queryFn: () => api<PublicLinkSummary>(`/enrol-links/${token}/summary`),
    retry: false,
  });
}

export function useLinkCard(token: string) {
  return useQuery({
    queryKey: [...eventsKey, 'link', token],
    queryFn: () => api<LinkCard>(`/enrol-links/${token}`),
    // 401, 403 and 404 are answers the page explains, not hiccups worth repeating.
    retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
  });
}

/**
 * One idempotency key per intent: made at the click, kept while the same request is retried after
 * a lost connection or a server failure, dropped once the server has given a definite answer.
 */
function useIntentKey() {
  const key = useRef<string | null>(null);
  return {
    take: () => (key.current ??= crypto.randomUUID()),
    settle: (error: unknown) => {
      if (!(error instanceof ApiError) || (error.status >= 400 && error.status < 500)) key.current = null;
    },
  };
}

export interface EnrolInput {
  childId?: string;
  waitlist?: boolean;
}

function useEnrolMutation(path: string) {
  const queryClient = useQueryClient();
  const intent = useIntentKey();
  return useMutation({
    mutationFn: ({ waitlist, childId }: EnrolInput) =>
      post<EnrolmentResult>(path, { ...(childId ? { childId } : {}), ...(waitlist ? { waitlist: true } : {}), idempotencyKey: intent.take() }),
    onSettled: (_data, error) => {
      intent.settle(error);
      return queryClient.invalidateQueries({ queryKey: eventsKey });
    },
  });
}

/** A parent enrols a child through the school's link. */
export const useEnrolByLink = (token: string) => useEnrolMutation(`/enrol-links/${token}/enrolments`);

/** A pupil asks for a seat (held until a parent agrees), or a parent enrols a child, from the event's card. */
export const useEnrolFromCard = (eventId: string) => useEnrolMutation(`/events/${eventId}/enrolments`);

/** The condition a refused enrolment names: 422 ineligible and 409 event_full both carry it. */
export function refusedCondition(error: unknown): EligibilityCondition | null {
  if (!(error instanceof ApiError)) return null;
  const condition = (error.details as { condition?: EligibilityCondition } | undefined)?.condition;
  return condition ?? null;
}

/** A full event the server offers the waiting list for. */
export function offersWaitlist(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'event_full' && (error.details as { waitlist?: boolean } | undefined)?.waitlist === true;
}
