import { createEvent, type EventAttributes } from 'ics';
import type { EventCard } from '@common/schemas/events.js';
import { EVENT_FORMAT_LABELS } from '@common/events.js';

function utcParts(iso: string): [number, number, number, number, number] {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

function locationOf(event: EventCard): string {
  if (event.place) return `${event.place.name}, ${event.place.address}, ${event.place.cityName}`;
  if (event.school) return event.school.name;
  return event.videoUrl ?? EVENT_FORMAT_LABELS[event.format];
}

/** An .ics file for a calendar app; times go in UTC so every phone shows them in its own zone. */
export function eventCalendarFile(event: EventCard, enrolmentId: string, publicUrl: string): string {
  const attributes: EventAttributes = {
    uid: `${enrolmentId}@bilet`,
    start: utcParts(event.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcParts(event.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: event.title,
    description: `${EVENT_FORMAT_LABELS[event.format]}. ${event.competency.name}. ${event.venue.name}.`,
    location: locationOf(event),
    url: event.videoUrl ?? publicUrl,
    status: 'CONFIRMED',
    alarms: [{ action: 'display', description: event.title, trigger: { hours: 1, before: true } }],
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error('Calendar file was not produced');
  return value;
}
