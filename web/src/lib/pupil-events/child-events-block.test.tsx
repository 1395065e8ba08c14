import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, mockApi, renderPage } from '@web/test/render';
import { enrolment, eventCard } from '@web/test/event-fixtures';
import { ChildEventsBlock } from './child-events-block';

afterEach(() => vi.unstubAllGlobals());

const EVENTS = 'GET /api/pupils/c1/events';
const inTwoDays = () => new Date(Date.now() + 47 * 3600_000 + 30 * 60_000).toISOString();

describe('a child’s «Запланированные» in the parent cabinet', () => {
  it('puts the request awaiting agreement first with the time left, and agrees to it', async () => {
    const fetchMock = mockApi({
      [EVENTS]: {
        body: {
          planned: [
            enrolment({ id: 'e1', status: 'confirmed', event: eventCard({ title: 'Урок мастерства: сварка' }) }),
            enrolment({ id: 'e2', status: 'held', holdExpiresAt: inTwoDays(), event: eventCard({ title: 'Проба: кондитер' }) }),
          ],
          past: [],
        },
      },
      'POST /api/enrolments/e2/approve': { body: { ok: true } },
    });
    const user = userEvent.setup();
    renderPage(<ChildEventsBlock childId="c1" childName="Иванов Артём" />, { path: '/parent' });

    expect(screen.getByRole('heading', { name: 'Запланированные' })).toBeInTheDocument();
    const items = await screen.findAllByRole('article');
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual(['Проба: кондитер', 'Урок мастерства: сварка']);
    expect(within(items[0]!).getByText(/Осталось 1 день 23 часа/)).toBeInTheDocument();
    expect(within(items[0]!).getByRole('button', { name: 'Отклонить' })).toBeInTheDocument();
    expect(within(items[1]!).getByRole('link', { name: 'Добавить в календарь' })).toHaveAttribute('href', '/api/enrolments/e1/calendar.ics');

    await user.click(within(items[0]!).getByRole('button', { name: 'Согласовать' }));
    expect(callsTo(fetchMock, 'POST /api/enrolments/e2/approve')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Все мероприятия: Иванов Артём' })).toHaveAttribute('href', '/parent/children/c1/events');
  });

  it('after a move shows the reason and lets the parent confirm or cancel after asking once more', async () => {
    const fetchMock = mockApi({
      [EVENTS]: {
        body: { planned: [enrolment({ id: 'e1', reconfirmRequired: true, event: eventCard({ changeReason: 'Наставник заболел' }) })], past: [] },
      },
      'POST /api/enrolments/e1/cancel': { body: { ok: true } },
    });
    const user = userEvent.setup();
    renderPage(<ChildEventsBlock childId="c1" childName="Иванов Артём" />, { path: '/parent' });

    const moved = await screen.findByRole('status', { name: 'Мероприятие перенесли' });
    expect(within(moved).getByText('Причина: Наставник заболел')).toBeInTheDocument();
    expect(within(moved).getByRole('button', { name: 'Подтвердить участие' })).toBeInTheDocument();

    await user.click(within(moved).getByRole('button', { name: 'Отменить запись' }));
    const dialog = await screen.findByRole('dialog', { name: 'Отменить запись?' });
    expect(callsTo(fetchMock, 'POST /api/enrolments/e1/cancel')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Отменить запись' }));
    expect(callsTo(fetchMock, 'POST /api/enrolments/e1/cancel')).toHaveLength(1);
  });
});
