import type { EventCard } from '../../../common/schemas/events.js';

export type ReminderKind = 'day' | 'hour';

const MOSCOW = 'Europe/Moscow';
const dateFormat = new Intl.DateTimeFormat('ru-RU', { timeZone: MOSCOW, weekday: 'long', day: 'numeric', month: 'long' });
const timeFormat = new Intl.DateTimeFormat('ru-RU', { timeZone: MOSCOW, hour: '2-digit', minute: '2-digit' });

/** Events are held across the country but announced in one clock, Moscow's, as the catalogue shows them. */
export function moscowDateTime(at: Date): { date: string; time: string } {
  return { date: dateFormat.format(at), time: timeFormat.format(at) };
}

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
export function reminderNotice(kind: ReminderKind, event: Pick<EventCard, 'title' | 'startsAt' | 'format' | 'place' | 'school' | 'videoUrl'>) {
  const { date, time } = moscowDateTime(new Date(event.startsAt));
  const when = `${date} в ${time} по московскому времени`;
  return kind === 'day'
    ? {
        kind: 'event_reminder_day',
        title: `Напоминание: «${event.title}»`,
        body: `Мероприятие «${event.title}» — ${when}. ${whereOf(event)}`,
      }
    : {
        kind: 'event_reminder_hour',
        title: `Скоро начало: «${event.title}»`,
        body: `Мероприятие «${event.title}» начнётся в ${time} по московскому времени. ${whereOf(event)}`,
      };
}
