/** Events happen in Russia; notices and calendars name the time as it is in Moscow, saying so. */
const DAY = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', weekday: 'long', day: 'numeric', month: 'long' });
const TIME = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit' });

/** «пятница, 28 ноября, 14:00 (мск)» */
export function formatEventMoment(at: string | Date): string {
  const start = new Date(at);
  return `${DAY.format(start)}, ${TIME.format(start)} (мск)`;
}

/** «пятница, 28 ноября, 14:00–14:45 (мск)» */
export function formatEventWhen(startsAt: string | Date, endsAt: string | Date): string {
  const start = new Date(startsAt);
  return `${DAY.format(start)}, ${TIME.format(start)}–${TIME.format(new Date(endsAt))} (мск)`;
}
