import type { SupportStatus } from '@common/support/requests.js';

/** The service-level timer of a request in words: time left to the first answer, or how late it is. */
export function slaState(item: { status: SupportStatus; dueAt: string; firstAnsweredAt: string | null }, now: Date): { label: string; overdue: boolean } {
  if (item.firstAnsweredAt) return { label: 'Ответ дан', overdue: false };
  if (item.status === 'no_answer' || item.status === 'closed') return { label: '—', overdue: false };
  const ms = new Date(item.dueAt).getTime() - now.getTime();
  const hours = Math.floor(Math.abs(ms) / 3_600_000);
  const minutes = Math.floor((Math.abs(ms) % 3_600_000) / 60_000);
  const span = hours > 0 ? `${hours} ч ${minutes} мин` : `${minutes} мин`;
  return ms >= 0 ? { label: `Осталось ${span}`, overdue: false } : { label: `Просрочено на ${span}`, overdue: true };
}
