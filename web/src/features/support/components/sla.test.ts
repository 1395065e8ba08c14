import { describe, expect, it } from 'vitest';
import { slaState } from './sla';

const now = new Date('2026-12-07T10:00:00Z');

describe('the service-level timer', () => {
  it('shows the time left before the first answer is due', () => {
    expect(slaState({ status: 'new', dueAt: '2026-12-07T12:30:00Z', firstAnsweredAt: null }, now)).toEqual({ label: 'Осталось 2 ч 30 мин', overdue: false });
  });

  it('shows how late an unanswered request is', () => {
    expect(slaState({ status: 'in_progress', dueAt: '2026-12-07T09:45:00Z', firstAnsweredAt: null }, now)).toEqual({ label: 'Просрочено на 15 мин', overdue: true });
  });

  it('stops once answered, or when no answer is due', () => {
    expect(slaState({ status: 'in_progress', dueAt: '2026-12-07T09:00:00Z', firstAnsweredAt: '2026-12-07T08:00:00Z' }, now).overdue).toBe(false);
    expect(slaState({ status: 'no_answer', dueAt: '2026-12-07T09:00:00Z', firstAnsweredAt: null }, now)).toEqual({ label: '—', overdue: false });
  });
});
