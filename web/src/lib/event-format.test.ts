import { describe, expect, it } from 'vitest';
import { formatDuration, formatSeats, formatTimeLeft, formatWhen } from './event-format';

describe('event wording', () => {
  it('names the day and time at Moscow time, with the year only for another year', () => {
    const lesson = { startsAt: '2025-11-28T11:00:00Z', endsAt: '2025-11-28T11:45:00Z' };
    expect(formatWhen(lesson, new Date('2025-09-01T00:00:00Z'))).toBe('пятница, 28 ноября, 14:00–14:45');
    expect(formatWhen(lesson, new Date('2024-09-01T00:00:00Z'))).toBe('пятница, 28 ноября 2025 г., 14:00–14:45');
  });

  it('says durations, seats and the time left in words', () => {
    expect(formatDuration(45)).toBe('45 минут');
    expect(formatDuration(90)).toBe('1 час 30 минут');
    expect(formatSeats({ seatsLeft: 1, capacity: 15 })).toBe('Свободно 1 место из 15');
    expect(formatSeats({ seatsLeft: 0, capacity: 15 })).toBe('Свободных мест нет');
    const now = new Date('2026-01-01T00:00:00Z');
    expect(formatTimeLeft('2026-01-02T05:00:00Z', now)).toBe('1 день 5 часов');
    expect(formatTimeLeft('2026-01-01T00:40:00Z', now)).toBe('40 минут');
    expect(formatTimeLeft('2025-12-31T00:00:00Z', now)).toBeNull();
  });
});
