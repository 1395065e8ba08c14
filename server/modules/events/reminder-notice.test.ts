import { describe, expect, it } from 'vitest';
import type { EventCard } from '../../../common/schemas/events.js';
import { moscowDateTime, reminderNotice } from './reminder-notice.js';

const base: Pick<EventCard, 'title' | 'startsAt' | 'format' | 'place' | 'school' | 'videoUrl'> = {
  title: 'Токарное дело',
  startsAt: '2026-10-15T07:30:00.000Z',
  format: 'in_person',
  place: { id: 'p', name: 'Мастерская', address: 'ул. Заводская, 3', cityName: 'Киров' },
  school: null,
  videoUrl: null,
};

describe('event reminders', () => {
  it('tells the date and time in Moscow time', () => {
    expect(moscowDateTime(new Date('2026-10-15T07:30:00Z'))).toEqual({ date: 'четверг, 15 октября', time: '10:30' });
    expect(moscowDateTime(new Date('2026-10-15T22:10:00Z'))).toEqual({ date: 'пятница, 16 октября', time: '01:10' });
  });

  it('names the place with its address a day ahead', () => {
    const notice = reminderNotice('day', base);
    expect(notice.kind).toBe('event_reminder_day');
    expect(notice.title).toBe('Напоминание: «Токарное дело»');
    expect(notice.body).toBe('Мероприятие «Токарное дело» — четверг, 15 октября в 10:30 по московскому времени. Место: Мастерская, Киров, ул. Заводская, 3.');
  });

  it('gives the video link online and the school for a lesson, an hour ahead', () => {
    const online = reminderNotice('hour', { ...base, format: 'online', place: null, videoUrl: 'https://meet.example.ru/room' });
    expect(online.kind).toBe('event_reminder_hour');
    expect(online.body).toBe('Мероприятие «Токарное дело» начнётся в 10:30 по московскому времени. Онлайн, ссылка для подключения: https://meet.example.ru/room');
    const lesson = reminderNotice('hour', { ...base, format: 'school_lesson', place: null, school: { id: 's', name: 'Школа № 5' } });
    expect(lesson.body).toContain('Урок пройдёт в школе: Школа № 5.');
  });
});
