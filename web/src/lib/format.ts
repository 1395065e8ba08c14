import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import { plural } from '@common/plural.js';

/** "2014-03-12" → "12 марта 2014"; plain dates are read as calendar days, not instants. */
export function formatDate(value: string): string {
  return dayjs(value.length === 10 ? `${value}T00:00:00` : value).locale('ru').format('D MMMM YYYY');
}

export function formatDateTime(value: string): string {
  return dayjs(value).locale('ru').format('D MMMM YYYY, HH:mm');
}

export { plural };

export function formatAge(years: number): string {
  return `${years} ${plural(years, ['год', 'года', 'лет'])}`;
}

export function fullName(person: { lastName: string; firstName: string; middleName?: string | null }): string {
  return [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' ');
}

/** "+79001234567" → "+7 900 123-45-67"; anything else is shown as stored. */
export function formatPhone(phone: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : phone;
}
