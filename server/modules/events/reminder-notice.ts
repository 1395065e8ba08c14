import type { EventCard } from '@common/schemas/events.js';
import { formatEventWhen } from './event-time.js';

export type ReminderKind = 'day' | 'hour';

/** Where to go: the place with its address, the school for a lesson, or the video link online. */
export function whereOf(event: Pick<EventCard, 'format' | 'place' | 'school' | 'videoUrl'>): string {
  switch (event.format) {
    case 'in_person':
      return event.place ? `Место: ${event.place.name}, ${event.place.cityName}, ${event.place.address}.` : 'Место уточните у площадки.';
    case 'online':
      return event.videoUrl ? `Онлайн, ссылка для подключения: ${event.videoUrl}` : 'Онлайн: ссылку для подключения пришлёт площадка.';
    case 'school_lesson':
      return event.school ? `Урок пройдёт в школе: ${event.school.name}.` : 'Урок пройдёт в школе.';
  }
}

/** The same words for the pupil and its parents, in the cabinet and by e-mail. */
export function reminderNotice(kind: ReminderKind, event: Pick<EventCard, 'title' | 'startsAt' | 'endsAt' | 'format' | 'place' | 'school' | 'videoUrl'>) {
  const when = formatEventWhen(event.startsAt, event.endsAt);
  return kind === 'day'
    ? {
        kind: 'event_reminder_day',
        title: `Напоминание: «${event.title}»`,
        body: `Мероприятие «${event.title}» — ${when}. ${whereOf(event)}`,
      }
    : {
        kind: 'event_reminder_hour',
        title: `Скоро начало: «${event.title}»`,
        body: `Мероприятие «${event.title}» скоро начнётся: ${when}. ${whereOf(event)}`,
      };
}
