import { describe, expect, it } from 'vitest';
import type { EventCard } from '@common/schemas/events.js';
import { reminderNotice } from './reminder-notice.js';

const base: Pick<EventCard, 'title' | 'startsAt' | 'endsAt' | 'format' | 'place' | 'school' | 'videoUrl'> = {
  title: 'Токарное дело',
  startsAt: '2026-10-15T07:30:00.000Z',
  endsAt: '2026-10-15T09:00:00.000Z',
  format: 'in_person',
  place: { id: 'p', name: 'Мастерская', address: 'ул. Заводская, 3', cityName: 'Киров' },
  school: null,
  videoUrl: null,
};

describe('event reminders', () => {
  it('names the place with its address a day ahead', () => {
    const notice = reminderNotice('day', base);
    expect(notice.kind).toBe('event_reminder_day');
    expect(notice.title).toBe('Напоминание: «Токарное дело»');
    expect(notice.body).toBe('Мероприятие «Токарное дело» — четверг, 15 октября, 10:30–12:00 (мск). Место: Мастерская, Киров, ул. Заводская, 3.');
  });

  it('gives the video link online and the school for a lesson, an hour ahead', () => {
    const online = reminderNotice('hour', { ...base, format: 'online', place: null, videoUrl: 'https://meet.example.ru/room' });
    expect(online.kind).toBe('event_reminder_hour');
    expect(online.body).toBe('Мероприятие «Токарное дело» скоро начнётся: четверг, 15 октября, 10:30–12:00 (мск). Онлайн, ссылка для подключения: https://meet.example.ru/room');
    const lesson = reminderNotice('hour', { ...base, format: 'school_lesson', place: null, school: { id: 's', name: 'Школа № 5' } });
    expect(lesson.body).toContain('Урок пройдёт в школе: Школа № 5.');
  });
});
