import type { EventCard } from '@common/schemas/events.js';
import { plural } from './format';

// Events happen at Moscow time in the programme's announcements; every family reads the same clock.
const ZONE = 'Europe/Moscow';
const dayFormat = new Intl.DateTimeFormat('ru-RU', { weekday: 'long', day: 'numeric', month: 'long', timeZone: ZONE });
const yearFormat = new Intl.DateTimeFormat('ru-RU', { year: 'numeric', timeZone: ZONE });
const timeFormat = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', timeZone: ZONE });

/** «пятница, 28 ноября, 14:00–14:45», with the year only when it is not the current one. */
export function formatWhen(event: Pick<EventCard, 'startsAt' | 'endsAt'>, now: Date = new Date()): string {
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const year = yearFormat.format(start);
  const day = year === yearFormat.format(now) ? dayFormat.format(start) : `${dayFormat.format(start)} ${year} г.`;
  return `${day}, ${timeFormat.format(start)}–${timeFormat.format(end)}`;
}

/** «45 минут», «1 час 30 минут». */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    hours > 0 ? `${hours} ${plural(hours, ['час', 'часа', 'часов'])}` : null,
    rest > 0 ? `${rest} ${plural(rest, ['минута', 'минуты', 'минут'])}` : null,
  ];
  return parts.filter(Boolean).join(' ');
}

export function formatSeats(event: Pick<EventCard, 'seatsLeft' | 'capacity'>): string {
  if (event.seatsLeft <= 0) return 'Свободных мест нет';
  return `Свободно ${event.seatsLeft} ${plural(event.seatsLeft, ['место', 'места', 'мест'])} из ${event.capacity}`;
}

export function formatGrades(event: Pick<EventCard, 'gradeFrom' | 'gradeTo'>): string {
  return event.gradeFrom === event.gradeTo ? `${event.gradeFrom} класс` : `${event.gradeFrom}–${event.gradeTo} классы`;
}

/** How long a parent still has to answer a pupil's request: «1 день 5 часов», «40 минут». */
export function formatTimeLeft(until: string, now: Date = new Date()): string | null {
  const minutes = Math.floor((new Date(until).getTime() - now.getTime()) / 60_000);
  if (minutes <= 0) return null;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return [`${days} ${plural(days, ['день', 'дня', 'дней'])}`, hours > 0 ? `${hours} ${plural(hours, ['час', 'часа', 'часов'])}` : null].filter(Boolean).join(' ');
  if (hours > 0) return `${hours} ${plural(hours, ['час', 'часа', 'часов'])}`;
  return `${minutes} ${plural(minutes, ['минута', 'минуты', 'минут'])}`;
}

/** Where it happens, in the words a family needs to get there. */
export function formatPlace(event: EventCard): string | null {
  if (event.format === 'online') return null;
  if (event.format === 'school_lesson' && event.school) return event.school.name;
  if (event.place) return `${event.place.name}, ${event.place.address}, ${event.place.cityName}`;
  return null;
}
